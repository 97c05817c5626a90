// SuperOffice: POST /api/v1/Document/{documentId}/Lock?allowedReturnTypes= checks the document out for the current user.
import { restArguments } from '../http/superoffice';
import { checkoutDocument, superOfficeHandler } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeCheckoutDocument',
  restArguments,
  checkoutDocument,
  documentApiBase,
);
