// SuperOffice: POST /api/v1/Document/{documentId}/Lock checks the document out for the current user.
import { checkOut } from './domain/check-out';
import { superOfficeHandler } from './http/superoffice-handler';

export const handler = superOfficeHandler('SuperOfficeLock', checkOut);
