// The precondition of every lock-changing write, stated once. The DynamoDB adapter translates each
// requirement into one ConditionExpression; `isSatisfied` is the same rule in plain code, used to explain
// a refused write and by the reference model in the tests.
import { isCheckOut, type Lock, liveLock } from './lock';

export type LockRequirement =
  /** Lock: the file is unlocked (or its lock expired), or it holds this very lock ID (a refresh). */
  | { readonly kind: 'lockableWith'; readonly lockId: string }
  /** RefreshLock, Unlock, UnlockAndRelock's X-WOPI-OldLock, PutFile: this live lock is on the file. */
  | { readonly kind: 'heldWith'; readonly lockId: string }
  /** PutFile (seed 002): this live lock is on the file, or there is no live lock and the content is 0 bytes. */
  | { readonly kind: 'savableWith'; readonly lockId: string | undefined }
  /** DeleteFile, and RenameFile without X-WOPI-Lock: no live lock. */
  | { readonly kind: 'unlocked' }
  /** Check-out: no live lock, or already checked out by this user (checking out twice is harmless). */
  | { readonly kind: 'checkOutBy'; readonly userId: string }
  /** Undo check-out: a check-out by this user, or by anyone when `userId` is undefined (the owner). */
  | { readonly kind: 'checkedOutBy'; readonly userId: string | undefined };

export interface LockState {
  readonly lock?: Lock | undefined;
  readonly size: number;
}

export function isSatisfied(requirement: LockRequirement, state: LockState, now: number): boolean {
  const live = liveLock(state.lock, now);
  // A WOPI lock ID matches only a WOPI client's lock, never a check-out that happens to have that ID.
  const wopiLockIs = (lockId: string) => live !== undefined && !isCheckOut(live) && live.id === lockId;
  switch (requirement.kind) {
    case 'lockableWith':
      return live === undefined || wopiLockIs(requirement.lockId);
    case 'heldWith':
      return wopiLockIs(requirement.lockId);
    case 'savableWith':
      return live === undefined ? state.size === 0 : requirement.lockId !== undefined && wopiLockIs(requirement.lockId);
    case 'unlocked':
      return live === undefined;
    case 'checkOutBy':
      return live === undefined || (isCheckOut(live) && live.holder === requirement.userId);
    case 'checkedOutBy':
      return isCheckOut(live) && (requirement.userId === undefined || live?.holder === requirement.userId);
  }
}
