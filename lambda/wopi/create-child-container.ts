// WOPI CreateChildContainer: X-WOPI-Override CREATE_CHILD_CONTAINER makes a folder in this one, named exactly
// (X-WOPI-RelativeTarget: a taken name is 409 with X-WOPI-ValidRelativeTarget) or from a suggestion.
import { NotImplementedError } from '../domain/errors';
import { createFolder } from '../domain/folders';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { targetOf } from '../http/target-headers';
import type { ContainerRequest } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { containerPointer } from '../http/wopi-urls';

export const createChildContainer: WopiOperation<Pick<Stores, 'files' | 'folders' | 'names'>, ContainerRequest> = {
  name: 'CreateChildContainer',
  needs: 'write',
  run: async (req, ctx) => {
    const target = targetOf(req, NotImplementedError);
    const deps = { ...ctx, userId: ctx.grant.userId };
    const mode = target.mode === 'relative' ? 'exact' : 'suggested';
    const folder = await createFolder(deps, req.containerId, { mode, name: target.name });
    return json(200, { ContainerPointer: await containerPointer(ctx, req, folder) });
  },
};
