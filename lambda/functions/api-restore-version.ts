// POST /host/api/files/{file_id}/restore with {"version": n} or {"recoveryCopy": id}: that content becomes the file's
// current one, as a new version; nothing is overwritten.
import { visibleFile } from '../domain/check-out';
import { BadRequestError } from '../domain/errors';
import { restoreRecoveryCopy, restoreVersion } from '../domain/restore';
import { apiJson, filesApiHandler, jsonFields, pathFileId } from '../http/files-api';
import { fileJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, recoveryStore, usageStore } from '../wiring/dynamo';
import { contentStore } from '../wiring/s3';
import { saveDepsOf } from '../wopi/contexts';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  contents: contentStore(),
  recovery: recoveryStore(),
  usage: usageStore(),
});

export const handler = filesApiHandler('RestoreVersion', wire, async (req, ctx) => {
  const fields = jsonFields(req);
  const version = fields.number('version');
  const copyId = fields.string('recoveryCopy');
  if ((version === undefined) === (copyId === undefined)) {
    throw new BadRequestError('Name either the version or the recoveryCopy to restore');
  }
  const { fileId } = await visibleFile(ctx, pathFileId(req), ctx.user);
  const deps = saveDepsOf(ctx, ctx.user.userId);
  await (copyId === undefined ? restoreVersion(deps, fileId, version ?? 0) : restoreRecoveryCopy(deps, fileId, copyId));
  return apiJson(200, fileJson(await visibleFile(ctx, fileId, ctx.user), ctx.user.userId, ctx.now));
});
