// WOPI Lock: X-WOPI-Override LOCK without X-WOPI-OldLock (seed 000).
import { requireLockId } from './domain/lock';
import { lockFile } from './domain/locks';
import { lockContext, type WopiOperation } from './http/operation';
import { ok } from './http/wopi-response';

export const lock: WopiOperation = {
  name: 'Lock',
  needs: 'write',
  run: async (req, ctx) => {
    await lockFile(lockContext(ctx), req.fileId, requireLockId(req.headers['x-wopi-lock']));
    return ok();
  },
};
