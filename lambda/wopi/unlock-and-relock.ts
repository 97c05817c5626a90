// WOPI UnlockAndRelock: X-WOPI-Override LOCK with X-WOPI-OldLock (seed 001); atomic, one conditional write.
import { unlockAndRelock as replaceLock } from '../domain/locks';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { requireLockId } from '../http/wopi-headers';
import { ok } from '../http/wopi-response';
import { lockContext } from './contexts';

export const unlockAndRelock: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'UnlockAndRelock',
  needs: 'write',
  run: async (req, ctx) => {
    const newLockId = requireLockId(req.headers['x-wopi-lock']);
    const oldLockId = requireLockId(req.headers['x-wopi-oldlock'], 'X-WOPI-OldLock');
    await replaceLock(lockContext(ctx), req.fileId, oldLockId, newLockId);
    return ok();
  },
};
