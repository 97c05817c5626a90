// GET /host/api/files/{file_id}: the file's metadata, with its lock and check-out state.
import { visibleFile } from '../domain/check-out';
import { apiJson, filesApiHandler, pathFileId } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore } from '../wiring/dynamo';

const wire = async () => ({ ...(await filesApiBase()), files: fileStore(), folders: folderStore() });

export const handler = filesApiHandler('GetFileMetadata', wire, async (req, ctx) => {
  const record = await visibleFile(ctx, pathFileId(req), ctx.user);
  return apiJson(200, fileJson(record, ctx.user.userId, ctx.now));
});
