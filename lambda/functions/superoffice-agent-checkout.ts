// SuperOffice: POST /api/v1/Agents/Document/CheckoutDocument {DocumentId, AllowedReturnTypes}, as its client calls it.
import { agentArguments } from '../http/superoffice';
import { checkoutDocument, superOfficeHandler } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeAgentCheckoutDocument',
  agentArguments,
  checkoutDocument,
  documentApiBase,
);
