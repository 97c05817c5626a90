// SuperOffice: POST /api/v1/Agents/Document/CheckinDocument {DocumentId, AllowedReturnTypes, VersionDescription, VersionExtraFields}.
import { agentArguments } from '../http/superoffice';
import { checkinDocument, superOfficeHandler } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeAgentCheckinDocument',
  agentArguments,
  checkinDocument,
  documentApiBase,
);
