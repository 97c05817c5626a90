// POST /host/api/folders with {"name", "parentId"?}: a new folder in one the caller may add to (their root when no
// parent is named), owned by the owner of that tree.
import { rootFolderId } from '../domain/folder-record';
import { createFolder, roleOnFolder, rootFolder } from '../domain/folders';
import { apiJson, filesApiHandler, jsonFields, required } from '../http/files-api';
import { folderJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
});

export const handler = filesApiHandler('CreateFolder', wire, async (req, ctx) => {
  const fields = jsonFields(req);
  const name = required(fields.string('name'), 'name');
  const { userId } = ctx.user;
  const deps = { ...ctx, userId };
  const parentId = fields.string('parentId') ?? rootFolderId(userId);
  // The caller's root is made the first time it is needed, as everywhere.
  if (parentId === rootFolderId(userId)) await rootFolder(deps, userId);
  const folder = await createFolder(deps, parentId, { mode: 'exact', name });
  return apiJson(201, folderJson(folder, await roleOnFolder(ctx.folders, folder, userId)));
});
