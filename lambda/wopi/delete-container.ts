// WOPI DeleteContainer: X-WOPI-Override DELETE_CONTAINER deletes this folder if it is empty (409 otherwise).
import { deleteFolder } from '../domain/folders';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import type { ContainerRequest } from '../http/wopi-request';
import { ok } from '../http/wopi-response';

export const deleteContainer: WopiOperation<Pick<Stores, 'files' | 'folders' | 'names'>, ContainerRequest> = {
  name: 'DeleteContainer',
  needs: 'write',
  run: async (req, ctx) => {
    await deleteFolder({ ...ctx, userId: ctx.grant.userId }, req.containerId);
    return ok();
  },
};
