// POST /host/api/files/{file_id}/commit with {"ticket"}: the uploaded bytes become the new file, once read back and
// found to be what the upload planned.
import { verifyUploadTicket } from '../auth/upload-ticket';
import { ConflictError } from '../domain/errors';
import { newFilePlace } from '../domain/new-file-place';
import { commitUpload } from '../domain/uploads';
import { apiJson, filesApiHandler, jsonFields, pathFileId, required } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims, numberClaims } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { tokenSecret } from '../wiring/token-secret';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
  numbers: numberClaims(),
  contents: contentStore(),
  tokenSecret: await tokenSecret(),
});

export const handler = filesApiHandler('CommitUpload', wire, async (req, ctx) => {
  const ticket = required(jsonFields(req).string('ticket'), 'ticket');
  const upload = await verifyUploadTicket(ctx.tokenSecret, ticket, pathFileId(req), ctx.user.userId, ctx.now);
  // The caller's right to add to the folder is read again now, not trusted from when the upload was planned.
  const place = await newFilePlace({ ...ctx, userId: ctx.user.userId }, upload.folderId);
  if (place.ownerId !== upload.ownerId) throw new ConflictError('The folder changed owner since the upload began');
  const record = await commitUpload(ctx, upload, ctx.now);
  return apiJson(201, fileJson(record, ctx.user.userId, ctx.now));
});
