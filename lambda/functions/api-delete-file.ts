// DELETE /host/api/files/{file_id}: moves the file to its owner's trash, from where the owner restores it.
import { visibleFile } from '../domain/check-out';
import { trashFile } from '../domain/trash';
import { apiJson, filesApiHandler, pathFileId } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims, trashIndex } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
  trash: trashIndex(),
});

export const handler = filesApiHandler('DeleteFile', wire, async (req, ctx) => {
  const { fileId } = await visibleFile(ctx, pathFileId(req), ctx.user);
  const record = await trashFile({ ...ctx, userId: ctx.user.userId }, fileId);
  return apiJson(200, fileJson(record, ctx.user.userId, ctx.now));
});
