// POST /host/api/trash/{file_id}/restore: brings a file of the caller's back from their trash.
import { restoreFromTrash } from '../domain/trash';
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

export const handler = filesApiHandler('RestoreFromTrash', wire, async (req, ctx) => {
  const record = await restoreFromTrash({ ...ctx, userId: ctx.user.userId }, pathFileId(req));
  return apiJson(200, fileJson(record, ctx.user.userId, ctx.now));
});
