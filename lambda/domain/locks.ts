// The WOPI lock family: Lock, UnlockAndRelock, RefreshLock, Unlock, GetLock (seeds 000 and 001).
// Each changing operation is one conditional write whose precondition is the whole rule.
import { LockConflictError, NotFoundError, type WopiError } from './errors';
import type { FileRecord } from './file-record';
import { isCheckOut, type Lock, liveLock, lockHeaderValue } from './lock';
import { isSatisfied, type LockRequirement } from './lock-rules';
import type { FileStore, WriteResult } from './ports';

export interface LockContext {
  readonly files: FileStore;
  readonly now: number;
  /** How long a lock lives after it was set or last refreshed. */
  readonly lockTtlMs: number;
  /** The user on whose behalf the WOPI client acts. */
  readonly userId: string;
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
  await changeLock(ctx, fileId, { kind: 'heldWith', lockId }, undefined);
}

/** GetLock: the current lock ID, the empty string when the file is unlocked. */
export async function getLock(ctx: Pick<LockContext, 'files' | 'now'>, fileId: string): Promise<string> {
  const record = await ctx.files.get(fileId);
  if (record === undefined) throw new NotFoundError(`File ${fileId} does not exist`);
  return lockHeaderValue(record.lock, ctx.now);
}

function newLock(ctx: LockContext, lockId: string): Lock {
  return { id: lockId, expiresAt: ctx.now + ctx.lockTtlMs, holder: ctx.userId };
}

async function changeLock(
  ctx: LockContext,
  fileId: string,
  requirement: LockRequirement,
  next: Lock | undefined,
): Promise<void> {
  const result = await applyLockChange(ctx.files, fileId, requirement, next, ctx.now);
  if (!result.applied) throw refusal(fileId, result.current, ctx.now);
}

// A refusal reported with a record that satisfies the rule was checked against an older state (the emulator
// re-reads after the failed write; another change landed in between): the write is tried again, a few times.
const CHANGE_ATTEMPTS = 3;

/** One conditional lock write; retried only when the state reported with its refusal would have allowed it. */
export async function applyLockChange(
  files: FileStore,
  fileId: string,
  requirement: LockRequirement,
  next: Lock | undefined,
  now: number,
): Promise<WriteResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await files.changeLock(fileId, requirement, next, now);
    if (result.applied || result.current === undefined || attempt === CHANGE_ATTEMPTS) return result;
    const { lock, content } = result.current;
    if (!isSatisfied(requirement, { lock, size: content.size }, now)) return result;
  }
}

/** Why a lock precondition failed, as the error the spec wants: 404 for no file, else 409 with the current lock. */
export function refusal(fileId: string, current: FileRecord | undefined, now: number): WopiError {
  if (current === undefined) return new NotFoundError(`File ${fileId} does not exist`);
  const live = liveLock(current.lock, now);
  let reason = 'File is not locked';
  if (isCheckOut(live)) reason = `File is checked out by ${live?.holderName ?? live?.holder} (${live?.holder})`;
  else if (live !== undefined) reason = `File is locked by another lock id (holder ${live.holder})`;
  return new LockConflictError(lockHeaderValue(current.lock, now), reason);
}
