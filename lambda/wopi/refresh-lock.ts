// WOPI RefreshLock: X-WOPI-Override REFRESH_LOCK restarts the live lock's 30-minute timer.
import { refreshLock as restartTimer } from '../domain/locks';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { requireLockId } from '../http/wopi-headers';
import { ok } from '../http/wopi-response';
import { lockContext } from './contexts';

export const refreshLock: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'RefreshLock',
  needs: 'write',
  run: async (req, ctx) => {
    await restartTimer(lockContext(ctx), req.fileId, requireLockId(req.headers['x-wopi-lock']));
    return ok();
  },
};
