// WOPI CheckContainerInfo: GET /wopi/containers/{container_id}.
import { containerInfo } from '../domain/container-info';
import { visibleFolder } from '../domain/folders';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import type { ContainerRequest } from '../http/wopi-request';
import { json } from '../http/wopi-response';

export const checkContainerInfo: WopiOperation<Pick<Stores, 'folders'>, ContainerRequest> = {
  name: 'CheckContainerInfo',
  needs: 'read',
  run: async (req, ctx) => {
    const view = await visibleFolder(ctx.folders, req.containerId, ctx.grant.userId);
    return json(200, containerInfo(view, ctx.grant.rights));
  },
};
