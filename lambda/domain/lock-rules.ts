// The precondition of every lock-changing write, stated once. The DynamoDB adapter translates each
// requirement into one ConditionExpression; `isSatisfied` is the same rule in plain code, used to explain
// a refused write and by the reference model in the tests.
import { type Lock, liveLock } from './lock';

export type LockRequirement =
  /** Lock: the file is unlocked (or its lock expired), or it holds this very lock ID (a refresh). */
  | { readonly kind: 'lockableWith'; readonly lockId: string }
  /** RefreshLock, Unlock, UnlockAndRelock's X-WOPI-OldLock, PutFile: this live lock is on the file. */
  | { readonly kind: 'heldWith'; readonly lockId: string }
  /** PutFile (seed 002): this live lock is on the file, or there is no live lock and the content is 0 bytes. */
  | { readonly kind: 'savableWith'; readonly lockId: string | undefined }
  /** DeleteFile, and RenameFile without X-WOPI-Lock: no live lock. */
  | { readonly kind: 'unlocked' };

export interface LockState {
  readonly lock?: Lock | undefined;
  readonly size: number;
}

export function isSatisfied(requirement: LockRequirement, state: LockState, now: number): boolean {
  const live = liveLock(state.lock, now);
  switch (requirement.kind) {
    case 'lockableWith':
      return live === undefined || live.id === requirement.lockId;
    case 'heldWith':
      return live !== undefined && live.id === requirement.lockId;
    case 'savableWith':
      return live === undefined ? state.size === 0 : live.id === requirement.lockId;
    case 'unlocked':
      return live === undefined;
  }
}
