// DocSpace: GET /api/2.0/files/file/{fileId}/protectusers lists the other users who have access to the file.
import { addressedFile } from '../domain/numbers';
import { apiHandler } from '../http/api-handler';
import { docSpaceError, docSpaceOk, docSpaceProtectUsers } from '../http/docspace';
import { documentApiBase } from '../wiring/api-base';

export const handler = apiHandler('DocSpaceProtectUsers', docSpaceError, documentApiBase, async (req, ctx) => {
  const record = await addressedFile(ctx, req.pathId ?? '', ctx.user);
  return docSpaceOk(req, await docSpaceProtectUsers(ctx, record));
});
