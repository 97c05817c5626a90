// SuperOffice: POST /api/v1/Document/{documentId}/Unlock undoes the current check-out.
import { undoCheckOut } from './domain/check-out';
import { superOfficeHandler } from './http/superoffice-handler';

export const handler = superOfficeHandler('SuperOfficeUnlock', undoCheckOut);
