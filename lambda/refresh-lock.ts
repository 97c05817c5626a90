// WOPI RefreshLock: X-WOPI-Override REFRESH_LOCK restarts the live lock's 30-minute timer.
import { requireLockId } from './domain/lock';
import { refreshLock as restartTimer } from './domain/locks';
import { lockContext, type WopiOperation } from './http/operation';
import { ok } from './http/wopi-response';

export const refreshLock: WopiOperation = {
  name: 'RefreshLock',
  needs: 'write',
  run: async (req, ctx) => {
    await restartTimer(lockContext(ctx), req.fileId, requireLockId(req.headers['x-wopi-lock']));
    return ok();
  },
};
