// WOPI EnumerateChildren: GET /wopi/containers/{container_id}/children, every child at once (the spec has no
// paging), files filtered by X-WOPI-FileExtensionFilterList; each child's Url carries a token of its own.
import { folderChildren, parseExtensionFilter } from '../domain/children';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import type { ContainerRequest } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { containerPointer, wopiUrl } from '../http/wopi-urls';

export const enumerateChildren: WopiOperation<Pick<Stores, 'files' | 'folders' | 'names'>, ContainerRequest> = {
  name: 'EnumerateChildren',
  needs: 'read',
  run: async (req, ctx) => {
    const extensions = parseExtensionFilter(req.headers['x-wopi-fileextensionfilterlist']);
    const children = await folderChildren(ctx, req.containerId, ctx.grant.userId, extensions);
    const ChildFiles = await Promise.all(
      children.files.map(async (file) => ({
        Name: file.name,
        Url: await wopiUrl(ctx, req, { kind: 'file', id: file.fileId }),
        LastModifiedTime: new Date(file.content.modifiedAt).toISOString(),
        Size: file.content.size,
        Version: String(file.content.version),
      })),
    );
    const ChildContainers = await Promise.all(children.folders.map((folder) => containerPointer(ctx, req, folder)));
    return json(200, { ChildFiles, ChildContainers });
  },
};
