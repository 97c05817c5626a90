// DocSpace: GET /api/2.0/files/file/{fileId} answers the file object, so a client can read its lock back.
import { addressedFile } from '../domain/numbers';
import { apiHandler } from '../http/api-handler';
import { docSpaceError, docSpaceFile, docSpaceOk } from '../http/docspace';
import { documentApiBase } from '../wiring/api-base';

export const handler = apiHandler('DocSpaceGetFileInfo', docSpaceError, documentApiBase, async (req, ctx) => {
  const record = await addressedFile(ctx, req.pathId ?? '', ctx.user);
  return docSpaceOk(req, await docSpaceFile(ctx, record));
});
