// WOPI Lock: X-WOPI-Override LOCK without X-WOPI-OldLock (seed 000).
import { lockFile } from '../domain/locks';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { requireLockId } from '../http/wopi-headers';
import { ok } from '../http/wopi-response';
import { lockContext } from './contexts';

export const lock: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'Lock',
  needs: 'write',
  run: async (req, ctx) => {
    await lockFile(lockContext(ctx), req.fileId, requireLockId(req.headers['x-wopi-lock']));
    return ok();
  },
};
