// WOPI EnumerateAncestors, for files (GET /wopi/files/{file_id}/ancestry) and containers
// (GET /wopi/containers/{container_id}/ancestry): the folders above, root first, each with a container token.
import { fileAncestors, folderAncestors } from '../domain/ancestors';
import type { FolderRecord } from '../domain/folder-record';
import type { Stores } from '../domain/ports';
import type { OperationContext, WopiOperation } from '../http/operation';
import type { ContainerRequest, WopiCall } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { containerPointer } from '../http/wopi-urls';

type AncestorStores = Pick<Stores, 'files' | 'folders'>;

async function answer(ctx: OperationContext, req: WopiCall, ancestors: readonly FolderRecord[]) {
  const AncestorsWithRootFirst = await Promise.all(ancestors.map((folder) => containerPointer(ctx, req, folder)));
  return json(200, { AncestorsWithRootFirst });
}

export const enumerateFileAncestors: WopiOperation<AncestorStores> = {
  name: 'EnumerateAncestors',
  needs: 'read',
  run: async (req, ctx) => answer(ctx, req, await fileAncestors(ctx, req.fileId, ctx.grant.userId)),
};

export const enumerateContainerAncestors: WopiOperation<AncestorStores, ContainerRequest> = {
  name: 'EnumerateAncestors',
  needs: 'read',
  run: async (req, ctx) => answer(ctx, req, await folderAncestors(ctx, req.containerId, ctx.grant.userId)),
};
