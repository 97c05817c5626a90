// DocSpace: PUT /api/2.0/files/file/{fileId}/lock with {"lockFile": true|false} checks the file out or undoes it.
import { checkOut, undoCheckOut } from '../domain/check-out';
import { BadRequestError } from '../domain/errors';
import { apiHandler, jsonObjectBody } from '../http/api-handler';
import { docSpaceError, docSpaceFile, docSpaceOk } from '../http/docspace';
import { apiBase } from '../wiring/api-base';
import { fileStore } from '../wiring/dynamo';

const wire = async () => ({ ...(await apiBase()), files: fileStore() });

export const handler = apiHandler('DocSpaceLock', docSpaceError, wire, async (req, ctx) => {
  const { lockFile } = jsonObjectBody(req.body);
  if (typeof lockFile !== 'boolean') throw new BadRequestError('lockFile must be true or false');
  const record = await (lockFile ? checkOut : undoCheckOut)(ctx, req.fileId, ctx.user);
  return docSpaceOk(docSpaceFile(record, ctx.now));
});
