// POST /host/api/files/{file_id}/commit with {"ticket"}: the uploaded bytes become the new file, once read back and
// found to be what the upload planned.
import { verifyUploadTicket } from '../auth/upload-ticket';
import { commitUpload } from '../domain/uploads';
import { apiJson, filesApiHandler, jsonFields, pathFileId, required } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, nameClaims, numberClaims } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { tokenSecret } from '../wiring/token-secret';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  names: nameClaims(),
  numbers: numberClaims(),
  contents: contentStore(),
  tokenSecret: await tokenSecret(),
});

export const handler = filesApiHandler('CommitUpload', wire, async (req, ctx) => {
  const ticket = required(jsonFields(req).string('ticket'), 'ticket');
  const upload = await verifyUploadTicket(ctx.tokenSecret, ticket, pathFileId(req), ctx.user.userId, ctx.now);
  const record = await commitUpload(ctx, upload, ctx.now);
  return apiJson(201, fileJson(record, ctx.user.userId, ctx.now));
});
