// GET /host/api/files: the caller's own files, or with ?shared=true the files and folders others shared with them.
import { BadRequestError } from '../domain/errors';
import { ownFiles, sharedWithUser } from '../domain/file-listing';
import { apiJson, filesApiHandler } from '../http/files-api';
import { filesJson, folderJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims, sharedWith } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
  sharedWith: sharedWith(),
});

export const handler = filesApiHandler('ListFiles', wire, async (req, ctx) => {
  const shared = req.query.shared ?? 'false';
  if (shared !== 'true' && shared !== 'false') throw new BadRequestError('shared must be true or false');
  const { userId } = ctx.user;
  if (shared === 'false') return apiJson(200, filesJson(await ownFiles(ctx, userId), userId, ctx.now));
  const { files, folders } = await sharedWithUser(ctx, userId);
  return apiJson(200, {
    ...filesJson(files, userId, ctx.now),
    folders: folders.map(({ folder, role }) => folderJson(folder, role)),
  });
});
