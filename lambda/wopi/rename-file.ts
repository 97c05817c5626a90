// WOPI RenameFile: X-WOPI-Override RENAME_FILE; X-WOPI-RequestedName is UTF-7 and has no extension.
import { BadRequestError } from '../domain/errors';
import type { Stores } from '../domain/ports';
import { renameFile as rename } from '../domain/rename-file';
import type { WopiOperation } from '../http/operation';
import { decodeUtf7 } from '../http/wopi-headers';
import { json } from '../http/wopi-response';

export const renameFile: WopiOperation<Pick<Stores, 'files' | 'folders' | 'names'>> = {
  name: 'RenameFile',
  needs: 'write',
  run: async (req, ctx) => {
    const requested = req.headers['x-wopi-requestedname'];
    if (requested === undefined) throw new BadRequestError('X-WOPI-RequestedName is missing');
    const lockId = req.headers['x-wopi-lock'];
    const deps = { ...ctx, userId: ctx.grant.userId };
    const name = await rename(deps, req.fileId, lockId === '' ? undefined : lockId, decodeUtf7(requested));
    return json(200, { Name: name });
  },
};
