// WOPI DeleteFile: X-WOPI-Override DELETE moves the file to its owner's trash; refused with 409 while it is locked.
import type { Stores } from '../domain/ports';
import { trashFile } from '../domain/trash';
import type { WopiOperation } from '../http/operation';
import { ok } from '../http/wopi-response';

export const deleteFile: WopiOperation<Pick<Stores, 'files' | 'folders' | 'names' | 'trash'>> = {
  name: 'DeleteFile',
  needs: 'write',
  run: async (req, ctx) => {
    await trashFile({ ...ctx, userId: ctx.grant.userId }, req.fileId);
    return ok();
  },
};
