// WOPI GetLock: X-WOPI-Override GET_LOCK answers the current lock in X-WOPI-Lock, empty when unlocked.
import { getLock as currentLock } from '../domain/locks';
import type { Stores } from '../domain/ports';
import type { WopiOperation } from '../http/operation';
import { ok } from '../http/wopi-response';

export const getLock: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'GetLock',
  // It only reads: a viewer may learn the lock ID, but changing any lock still needs write rights.
  needs: 'read',
  run: async (req, ctx) => ok({ 'X-WOPI-Lock': await currentLock({ ...ctx, userId: ctx.grant.userId }, req.fileId) }),
};
