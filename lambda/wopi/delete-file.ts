// WOPI DeleteFile: X-WOPI-Override DELETE; refused with 409 while the file is locked.
import { deleteFile as remove } from '../domain/delete-file';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { ok } from '../http/wopi-response';

export const deleteFile: WopiOperation<Pick<Stores, 'files' | 'contents' | 'names'>> = {
  name: 'DeleteFile',
  needs: 'write',
  run: async (req, ctx) => {
    await remove(ctx, req.fileId);
    return ok();
  },
};
