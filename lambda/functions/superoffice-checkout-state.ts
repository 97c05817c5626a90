// SuperOffice: GET /api/v1/Document/{documentId}/Lock says who, if anyone, has the document checked out.
import { restArguments } from '../http/superoffice';
import { getCheckoutState, superOfficeHandler } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeGetCheckoutState',
  restArguments,
  getCheckoutState,
  documentApiBase,
);
