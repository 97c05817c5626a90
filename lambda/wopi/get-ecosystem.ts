// WOPI GetEcosystem, for files (GET /wopi/files/{file_id}/ecosystem_pointer) and containers
// (GET /wopi/containers/{container_id}/ecosystem_pointer): the Ecosystem endpoint's URL with an ecosystem token,
// given only to a user who may see the item the asking token is for.
import { readableFile, visibleFolder } from '../domain/folders';
import type { Stores } from '../domain/ports';
import type { OperationContext, WopiOperation } from '../http/operation';
import type { ContainerRequest, WopiCall } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { wopiUrl } from '../http/wopi-urls';

async function answer(ctx: OperationContext, req: WopiCall) {
  return json(200, { Url: await wopiUrl(ctx, req, { kind: 'ecosystem' }) });
}

export const getFileEcosystem: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'GetEcosystem',
  needs: 'read',
  run: async (req, ctx) => {
    await readableFile(ctx, req.fileId, ctx.grant.userId);
    return answer(ctx, req);
  },
};

export const getContainerEcosystem: WopiOperation<Pick<Stores, 'folders'>, ContainerRequest> = {
  name: 'GetEcosystem',
  needs: 'read',
  run: async (req, ctx) => {
    await visibleFolder(ctx.folders, req.containerId, ctx.grant.userId);
    return answer(ctx, req);
  },
};
