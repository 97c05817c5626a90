// WOPI GetRootContainer: GET /wopi/ecosystem/root_container_pointer (and X-WOPI-Override GET_ROOT_CONTAINER on
// POST /wopi/ecosystem): the user's root folder, made on first need.
import { rootFolder } from '../domain/folders';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import type { WopiCall } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { containerPointer } from '../http/wopi-urls';

export const getRootContainer: WopiOperation<Pick<Stores, 'folders'>, WopiCall> = {
  name: 'GetRootContainer',
  needs: 'read',
  run: async (req, ctx) => {
    const root = await rootFolder(ctx, ctx.grant.userId);
    return json(200, { ContainerPointer: await containerPointer(ctx, req, root) });
  },
};
