// SuperOffice: POST /api/v1/Document/{documentId}/Lock checks the document out for the current user.
import { checkOut } from '../domain/check-out';
import { superOfficeHandler } from '../http/superoffice-handler';
import { apiBase } from '../wiring/api-base';
import { fileStore } from '../wiring/dynamo';

export const handler = superOfficeHandler('SuperOfficeLock', checkOut, async () => ({
  ...(await apiBase()),
  files: fileStore(),
}));
