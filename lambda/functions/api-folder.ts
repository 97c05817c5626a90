// GET /host/api/folders/{folder_id}?limit=&after=: a page of what is in the folder, by name (folders and files, with
// the caller's role on each). "root" names the caller's own root, My documents, made the first time it is needed.
import { BadRequestError } from '../domain/errors';
import { effectiveRecord, listChildren, roleOnFolder } from '../domain/folders';
import type { ApiRequest } from '../http/api-handler';
import { apiJson, filesApiHandler, pathFolder } from '../http/files-api';
import { fileJson, folderJson } from '../http/files-api-json';
import { filesApiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims } from '../wiring/dynamo';

const wire = async () => ({
  ...(await filesApiBase()),
  files: fileStore(),
  folders: folderStore(),
  names: nameClaims(),
});

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

function limitOf(req: ApiRequest): number {
  const limit = Number(req.query.limit ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new BadRequestError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

export const handler = filesApiHandler('ListFolder', wire, async (req, ctx) => {
  const { userId } = ctx.user;
  const folder = await pathFolder(req, ctx, userId);
  const after = req.query.after;
  const page = await listChildren(ctx, folder, { limit: limitOf(req), ...(after !== undefined && { after }) });
  const items = await Promise.all(
    page.items.map(async (item) =>
      item.kind === 'folder'
        ? { kind: 'folder', ...folderJson(item.folder, await roleOnFolder(ctx.folders, item.folder, userId)) }
        : { kind: 'file', ...fileJson(await effectiveRecord(ctx.folders, item.file, userId), userId, ctx.now) },
    ),
  );
  return apiJson(200, {
    folder: folderJson(folder, await roleOnFolder(ctx.folders, folder, userId)),
    items,
    ...(page.next !== undefined && { next: page.next }),
  });
});
