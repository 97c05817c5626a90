// SuperOffice: POST /api/v1/Document/{documentId}/Unlock undoes the current check-out.
import { undoCheckOut } from '../domain/check-out';
import { superOfficeHandler } from '../http/superoffice-handler';
import { apiBase } from '../wiring/api-base';
import { fileStore } from '../wiring/dynamo';

export const handler = superOfficeHandler('SuperOfficeUnlock', undoCheckOut, async () => ({
  ...(await apiBase()),
  files: fileStore(),
}));
