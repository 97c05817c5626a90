// DocSpace: PUT /api/2.0/files/file/{fileId}/lock with {"lockFile": true} checks the file out; false, or no lockFile
// at all, undoes it.
import { checkOut, undoCheckOut } from '../domain/check-out';
import { addressedFile } from '../domain/numbers';
import { apiHandler } from '../http/api-handler';
import { docSpaceError, docSpaceFile, docSpaceOk, lockFileOf } from '../http/docspace';
import { jsonObjectBody } from '../http/json-body';
import { documentApiBase } from '../wiring/api-base';

export const handler = apiHandler('DocSpaceLock', docSpaceError, documentApiBase, async (req, ctx) => {
  const lockFile = lockFileOf(jsonObjectBody(req.body));
  const { fileId } = await addressedFile(ctx, req.pathId ?? '', ctx.user);
  const record = await (lockFile ? checkOut : undoCheckOut)(ctx, fileId, ctx.user);
  return docSpaceOk(req, await docSpaceFile(ctx, record));
});
