// GET /host/api/files/{file_id}/versions: the current content, the earlier versions and, for those who may restore
// one, the recovery copies of refused saves.
import { canEdit } from '../domain/access';
import { visibleFile } from '../domain/check-out';
import { listRecoveryCopies } from '../domain/recovery';
import { apiJson, filesApiHandler, pathFileId } from '../http/files-api';
import { versionsJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, recoveryStore } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  recovery: recoveryStore(),
});

export const handler = filesApiHandler('ListVersions', wire, async (req, ctx) => {
  const record = await visibleFile(ctx, pathFileId(req), ctx.user);
  const copies = canEdit(record, ctx.user.userId) ? await listRecoveryCopies(ctx, record.fileId) : [];
  return apiJson(200, versionsJson(record, copies, ctx.user.userId));
});
