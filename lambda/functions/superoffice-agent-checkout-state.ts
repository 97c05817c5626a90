// SuperOffice: POST /api/v1/Agents/Document/GetCheckoutState {DocumentId}, as its client calls it.
import { agentArguments } from '../http/superoffice';
import { getCheckoutState, superOfficeHandler } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeAgentGetCheckoutState',
  agentArguments,
  getCheckoutState,
  documentApiBase,
);
