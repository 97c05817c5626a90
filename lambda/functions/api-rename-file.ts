// PATCH /host/api/files/{file_id} with {"name"?, "folderId"?}: renames the file (its whole name, extension included)
// and moves it into another folder of its owner's tree ("root" or the root's id: back to My documents).
import { visibleFile } from '../domain/check-out';
import { BadRequestError } from '../domain/errors';
import { validateFileName } from '../domain/file-name';
import { rootFolderId } from '../domain/folder-record';
import { moveFile } from '../domain/move-file';
import { renameTo } from '../domain/rename-file';
import { apiJson, filesApiHandler, jsonFields, pathFileId } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
});

export const handler = filesApiHandler('RenameFile', wire, async (req, ctx) => {
  const fields = jsonFields(req);
  const [name, folderId] = [fields.string('name'), fields.string('folderId')];
  if (name === undefined && folderId === undefined) throw new BadRequestError('Name the new name or folderId');
  // A name that can never be used is refused before the move, so a refusal leaves the file where it was.
  if (name !== undefined) validateFileName(name);
  const deps = { ...ctx, userId: ctx.user.userId };
  let record = await visibleFile(ctx, pathFileId(req), ctx.user);
  if (folderId !== undefined) {
    record = await moveFile(deps, record.fileId, folderId === 'root' ? rootFolderId(record.ownerId) : folderId);
  }
  if (name !== undefined) record = await renameTo(deps, record.fileId, name);
  return apiJson(200, fileJson(await visibleFile(ctx, record.fileId, ctx.user), ctx.user.userId, ctx.now));
});
