// PATCH /host/api/files/{file_id} with {"name": ...}: renames the file (its whole name, extension included).
import { visibleFile } from '../domain/check-out';
import { renameTo } from '../domain/rename-file';
import { apiJson, filesApiHandler, jsonFields, pathFileId, required } from '../http/files-api';
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
  const name = required(jsonFields(req).string('name'), 'name');
  const { fileId } = await visibleFile(ctx, pathFileId(req), ctx.user);
  const record = await renameTo({ ...ctx, userId: ctx.user.userId }, fileId, name);
  return apiJson(200, fileJson(record, ctx.user.userId, ctx.now));
});
