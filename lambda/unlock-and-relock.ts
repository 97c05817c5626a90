// WOPI UnlockAndRelock: X-WOPI-Override LOCK with X-WOPI-OldLock (seed 001); atomic, one conditional write.
import { requireLockId } from './domain/lock';
import { unlockAndRelock as replaceLock } from './domain/locks';
import { lockContext, type WopiOperation } from './http/operation';
import { ok } from './http/wopi-response';

export const unlockAndRelock: WopiOperation = {
  name: 'UnlockAndRelock',
  needs: 'write',
  run: async (req, ctx) => {
    const newLockId = requireLockId(req.headers['x-wopi-lock']);
    const oldLockId = requireLockId(req.headers['x-wopi-oldlock'], 'X-WOPI-OldLock');
    await replaceLock(lockContext(ctx), req.fileId, oldLockId, newLockId);
    return ok();
  },
};
