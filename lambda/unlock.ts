// WOPI Unlock: X-WOPI-Override UNLOCK removes the live lock when X-WOPI-Lock matches it.
import { requireLockId } from './domain/lock';
import { unlockFile } from './domain/locks';
import { lockContext, type WopiOperation } from './http/operation';
import { ok } from './http/wopi-response';

export const unlock: WopiOperation = {
  name: 'Unlock',
  needs: 'write',
  run: async (req, ctx) => {
    await unlockFile(lockContext(ctx), req.fileId, requireLockId(req.headers['x-wopi-lock']));
    return ok();
  },
};
