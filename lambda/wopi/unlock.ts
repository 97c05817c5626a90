// WOPI Unlock: X-WOPI-Override UNLOCK removes the live lock when X-WOPI-Lock matches it.
import { unlockFile } from '../domain/locks';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { requireLockId } from '../http/wopi-headers';
import { ok } from '../http/wopi-response';
import { lockContext } from './contexts';

export const unlock: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'Unlock',
  needs: 'write',
  run: async (req, ctx) => {
    await unlockFile(lockContext(ctx), req.fileId, requireLockId(req.headers['x-wopi-lock']));
    return ok();
  },
};
