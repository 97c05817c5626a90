// SuperOffice: DELETE /api/v1/Document/{documentId}/Lock undoes the check-out.
import { restArguments } from '../http/superoffice';
import { superOfficeHandler, undoCheckoutDocument } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeUndoCheckoutDocument',
  restArguments,
  undoCheckoutDocument,
  documentApiBase,
);
