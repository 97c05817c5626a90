// SuperOffice: PUT /api/v1/Document/{documentId}/Lock?versionDescription= checks the document in.
import { restArguments } from '../http/superoffice';
import { checkinDocument, superOfficeHandler } from '../http/superoffice-handler';
import { documentApiBase } from '../wiring/api-base';

export const handler = superOfficeHandler(
  'SuperOfficeCheckinDocument',
  restArguments,
  checkinDocument,
  documentApiBase,
);
