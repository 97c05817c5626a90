// PATCH /host/api/folders/{folder_id} with {"name"?, "parentId"?}: renames the folder and moves it under another
// folder of its owner's tree ("root": back into My documents), rewriting nothing inside it.
import { BadRequestError } from '../domain/errors';
import { validateFolderName } from '../domain/file-name';
import { rootFolderId } from '../domain/folder-record';
import { moveFolder, renameFolder, roleOnFolder } from '../domain/folders';
import { apiJson, filesApiHandler, jsonFields, pathFolder } from '../http/files-api';
import { folderJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
});

export const handler = filesApiHandler('UpdateFolder', wire, async (req, ctx) => {
  const fields = jsonFields(req);
  const [name, parentId] = [fields.string('name'), fields.string('parentId')];
  if (name === undefined && parentId === undefined) throw new BadRequestError('Name the new name or parentId');
  // A name that can never be used is refused before the move, so a refusal leaves the folder where it was.
  if (name !== undefined) validateFolderName(name);
  const deps = { ...ctx, userId: ctx.user.userId };
  // Read first for its owner: a parentId of "root" is the root of the tree the folder is in, whoever moves it.
  const current = await pathFolder(req, deps, deps.userId);
  let folder = current;
  if (parentId !== undefined) {
    const target = parentId === 'root' ? rootFolderId(current.ownerId) : parentId;
    folder = await moveFolder(deps, current.folderId, target);
  }
  if (name !== undefined) folder = await renameFolder(deps, current.folderId, name);
  return apiJson(200, folderJson(folder, await roleOnFolder(ctx.folders, folder, deps.userId)));
});
