// DELETE /host/api/folders/{folder_id}/shares/{user_id}: the owner takes that user's share of the folder away, from
// their next request on.
import { shareFolder } from '../domain/folders';
import { apiJson, filesApiHandler, pathFolderId, pathUserId } from '../http/files-api';
import { folderJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims, sharedWith } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
  sharedWith: sharedWith(),
});

export const handler = filesApiHandler('UnshareFolder', wire, async (req, ctx) => {
  const deps = { ...ctx, userId: ctx.user.userId };
  const folder = await shareFolder(deps, pathFolderId(req), pathUserId(req), undefined);
  return apiJson(200, folderJson(folder, 'owner'));
});
