// DELETE /host/api/folders/{folder_id}: deletes an empty folder (409 while anything is in it; never a root), as
// WOPI's DeleteContainer does; its name is free again in its parent.
import { deleteFolder } from '../domain/folders';
import { apiJson, filesApiHandler, pathFolder } from '../http/files-api';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
});

export const handler = filesApiHandler('DeleteFolder', wire, async (req, ctx) => {
  const { folderId } = await pathFolder(req, ctx, ctx.user.userId);
  await deleteFolder({ ...ctx, userId: ctx.user.userId }, folderId);
  return apiJson(200, { id: folderId, deleted: true });
});
