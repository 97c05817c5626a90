// DELETE /host/api/files/{file_id}/shares/{user_id}: the owner takes that user's share away, from their next request on.
import { shareAsOwner } from '../domain/shares';
import { apiJson, filesApiHandler, pathFileId, pathUserId } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, sharedWith } from '../wiring/dynamo';

const wire = async () => ({ ...(await filesApiBase()), files: fileStore(), sharedWith: sharedWith() });

export const handler = filesApiHandler('UnshareFile', wire, async (req, ctx) => {
  const deps = { ...ctx, actor: ctx.user.userId };
  const record = await shareAsOwner(deps, pathFileId(req), pathUserId(req), undefined);
  return apiJson(200, fileJson(record, ctx.user.userId, ctx.now));
});
