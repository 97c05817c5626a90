// WOPI RenameContainer: X-WOPI-Override RENAME_CONTAINER; X-WOPI-RequestedName is UTF-7. A name taken in the
// parent is 409, an unusable one 400 with X-WOPI-InvalidContainerNameError.
import { BadRequestError } from '../domain/errors';
import { renameFolder } from '../domain/folders';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { decodeUtf7 } from '../http/wopi-headers';
import type { ContainerRequest } from '../http/wopi-request';
import { json } from '../http/wopi-response';

export const renameContainer: WopiOperation<Pick<Stores, 'files' | 'folders' | 'names'>, ContainerRequest> = {
  name: 'RenameContainer',
  needs: 'write',
  run: async (req, ctx) => {
    const requested = req.headers['x-wopi-requestedname'];
    if (requested === undefined) throw new BadRequestError('X-WOPI-RequestedName is missing');
    const folder = await renameFolder({ ...ctx, userId: ctx.grant.userId }, req.containerId, decodeUtf7(requested));
    return json(200, { Name: folder.name });
  },
};
