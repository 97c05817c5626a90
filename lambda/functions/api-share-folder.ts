// PUT /host/api/folders/{folder_id}/shares/{user_id} with {"share": "view" | "edit" | "edit+delete"}: the owner shares
// the folder, and everything in it, with that user, from their next request on.
import { shareFolder } from '../domain/folders';
import { shareableUser } from '../domain/shares';
import { apiJson, filesApiHandler, pathFolderId, pathUserId, shareField } from '../http/files-api';
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

export const handler = filesApiHandler('ShareFolder', wire, async (req, ctx) => {
  const share = shareField(req);
  const userId = await shareableUser(ctx.users, pathUserId(req));
  const folder = await shareFolder({ ...ctx, userId: ctx.user.userId }, pathFolderId(req), userId, share);
  return apiJson(200, folderJson(folder, 'owner'));
});
