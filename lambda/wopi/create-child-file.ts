// WOPI CreateChildFile: X-WOPI-Override CREATE_CHILD_FILE makes an empty file in this container, in PutRelativeFile's
// two modes (domain/create-child-file.ts); both name headers at once is 501, as the validator expects.
import { createChildFile as create } from '../domain/create-child-file';
import { NotImplementedError } from '../domain/errors';
import type { Stores } from '../domain/ports';
import { hostPageUrls } from '../http/host-page-url';
import type { WopiOperation } from '../http/operation';
import { targetOf } from '../http/target-headers';
import type { ContainerRequest } from '../http/wopi-request';
import { json } from '../http/wopi-response';
import { wopiUrl } from '../http/wopi-urls';
import { type SaveStores, saveDeps } from './contexts';

export const createChildFile: WopiOperation<SaveStores & Pick<Stores, 'names' | 'numbers'>, ContainerRequest> = {
  name: 'CreateChildFile',
  needs: 'write',
  run: async (req, ctx) => {
    const target = targetOf(req, NotImplementedError);
    const deps = { ...saveDeps(ctx), names: ctx.names, numbers: ctx.numbers };
    const created = await create(deps, req.containerId, target);
    return json(200, {
      Name: created.name,
      Url: await wopiUrl(ctx, req, { kind: 'file', id: created.fileId }, 'write'),
      ...(await hostPageUrls(ctx, req.baseUrl, created)),
    });
  },
};
