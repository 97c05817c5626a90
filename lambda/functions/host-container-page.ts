// GET /host/containers/{container_id}: a folder's page for a user with an API key (Authorization: Bearer), what a
// container's share URL opens; ?mode=view or edit is passed on to every link, never raising what the visitor may do.
import { folderChildren } from '../domain/children';
import { BadRequestError } from '../domain/errors';
import { apiHandler } from '../http/api-handler';
import { folderPage } from '../http/folder-page-html';
import { hostPageError } from '../http/host-page-html';
import { checkedFileId } from '../http/wopi-request';
import { apiBase } from '../wiring/api-base';
import { fileStore, folderStore, nameClaims } from '../wiring/dynamo';

const MODES = ['view', 'edit'];

export const handler = apiHandler(
  'HostContainerPage',
  hostPageError,
  async () => ({ ...(await apiBase()), files: fileStore(), folders: folderStore(), names: nameClaims() }),
  async (req, ctx) => {
    const folderId = checkedFileId(req.pathId, 'container');
    const mode = req.query.mode ?? 'edit';
    if (!MODES.includes(mode)) throw new BadRequestError('mode must be view or edit');
    const children = await folderChildren(ctx, folderId, ctx.user.userId, undefined);
    const base = ctx.config.publicUrl ?? req.baseUrl;
    const link = (item: string, id: string) => `${base}/host/${item}/${id}?mode=${mode}`;
    return folderPage(children.folder.name, [
      ...children.folders.map((child) => ({
        kind: 'folder' as const,
        name: child.name,
        href: link('containers', child.folderId),
      })),
      ...children.files.map((file) => ({ kind: 'file' as const, name: file.name, href: link('files', file.fileId) })),
    ]);
  },
);
