// SuperOffice: POST /api/v1/Agents/Document/UndoCheckoutDocument {DocumentId, AllowedReturnTypes}, as its client calls it.
import { agentArguments } from '../http/superoffice';
import { superOfficeHandler, undoCheckoutDocument } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeAgentUndoCheckoutDocument',
  agentArguments,
  undoCheckoutDocument,
  documentApiBase,
);
