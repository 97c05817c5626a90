// The WOPI lock family: Lock, UnlockAndRelock, RefreshLock, Unlock, GetLock (seeds 000 and 001).
// Each changing operation is one conditional write whose condition is the whole rule, the user's right included.
import { readableFile } from './access';
import { allOf } from './conditions';
import { type Lock, lockHeaderValue } from './lock';
import type { FileStore } from './ports';
import { type LockRequirement, lockRule, refusal, wopiWrite } from './write-rules';

export interface LockContext {
  readonly files: FileStore;
  readonly now: number;
  /** How long a lock lives after it was set or last refreshed. */
  readonly lockTtlMs: number;
  /** The user on whose behalf the WOPI client acts. */
  readonly userId: string;
  readonly userName: string;
}

/** Lock: unlocked -> lock; same lock ID -> refresh the timer; anything else -> 409 with the current lock. */
export async function lockFile(ctx: LockContext, fileId: string, lockId: string): Promise<void> {
  await changeLock(ctx, fileId, { kind: 'lockableWith', lockId }, newLock(ctx, lockId));
}

/** UnlockAndRelock: atomically replaces the live lock `oldLockId` with `newLockId`. */
export async function unlockAndRelock(
  ctx: LockContext,
  fileId: string,
  oldLockId: string,
  newLockId: string,
): Promise<void> {
  await changeLock(ctx, fileId, { kind: 'heldWith', lockId: oldLockId }, newLock(ctx, newLockId));
}

/** RefreshLock: restarts the timer of the live lock `lockId`. */
export async function refreshLock(ctx: LockContext, fileId: string, lockId: string): Promise<void> {
  await changeLock(ctx, fileId, { kind: 'heldWith', lockId }, newLock(ctx, lockId));
}

/** Unlock: removes the live lock `lockId`. */
export async function unlockFile(ctx: LockContext, fileId: string, lockId: string): Promise<void> {
  await changeLock(ctx, fileId, { kind: 'heldWith', lockId }, null);
}

/** GetLock: the current lock ID, the empty string when the file is unlocked. */
export async function getLock(ctx: Pick<LockContext, 'files' | 'now' | 'userId'>, fileId: string): Promise<string> {
  const record = await readableFile(ctx.files, fileId, ctx.userId);
  return lockHeaderValue(record.lock, ctx.now);
}

function newLock(ctx: LockContext, lockId: string): Lock {
  return { id: lockId, expiresAt: ctx.now + ctx.lockTtlMs, holder: ctx.userId, holderName: ctx.userName };
}

async function changeLock(
  ctx: LockContext,
  fileId: string,
  requirement: LockRequirement,
  next: Lock | null,
): Promise<void> {
  const rule = allOf(wopiWrite(ctx.userId), lockRule(requirement));
  const result = await ctx.files.update(fileId, rule, { lock: next }, ctx.now);
  if (!result.applied) throw refusal(fileId, result.current, ctx.userId, ctx.now);
}
