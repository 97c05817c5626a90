// PUT /host/api/files/{file_id}/shares/{user_id} with {"share": "view" | "edit" | "edit+delete"}: the owner shares the
// file with that user, from their next request on.
import { visibleFile } from '../domain/check-out';
import { shareAsOwner } from '../domain/shares';
import { apiJson, filesApiHandler, pathFileId, pathUserId, shareField } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, sharedWith } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  sharedWith: sharedWith(),
});

export const handler = filesApiHandler('ShareFile', wire, async (req, ctx) => {
  const share = shareField(req);
  const deps = { ...ctx, actor: ctx.user.userId };
  // Read through its folders first, so a folder's editor is refused (403) where a stranger is told nothing (404).
  const { fileId } = await visibleFile(ctx, pathFileId(req), ctx.user);
  const record = await shareAsOwner(deps, fileId, pathUserId(req), share);
  return apiJson(200, fileJson(record, ctx.user.userId, ctx.now));
});
