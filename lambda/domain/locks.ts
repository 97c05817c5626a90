// The WOPI lock family: Lock, UnlockAndRelock, RefreshLock, Unlock, GetLock (seeds 000 and 001).
// Each changing operation is one conditional write whose condition is the whole rule, the user's right included.
import { canEdit } from './access';
import { allOf } from './conditions';
import { effectiveRecord, readableFile } from './folders';
import { type Lock, lockHeaderValue } from './lock';
import type { FileStore, FolderStore } from './ports';
import { type LockRequirement, lockRule, refusal, wopiWrite, wopiWriteViaFolder } from './write-rules';

export interface LockContext {
  readonly files: FileStore;
  readonly now: number;
  /** How long a lock lives after it was set or last refreshed. */
  readonly lockTtlMs: number;
  /** The user on whose behalf the WOPI client acts. */
  readonly userId: string;
  /** The folders, to read a role a folder gives; absent: only the file's own roles count. */
  readonly folders: FolderStore;
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
export async function getLock(
  ctx: Pick<LockContext, 'files' | 'folders' | 'now' | 'userId'>,
  fileId: string,
): Promise<string> {
  const record = await readableFile(ctx, fileId, ctx.userId);
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
  if (result.applied) return;
  // Refused for want of a role on the file itself: the user may have one through the file's folder.
  const { current } = result;
  if (current?.folderId !== undefined && !canEdit(current, ctx.userId)) {
    const seen = await effectiveRecord(ctx.folders, current, ctx.userId);
    if (canEdit(seen, ctx.userId)) {
      const viaFolder = allOf(wopiWriteViaFolder(ctx.userId), lockRule(requirement));
      const retried = await ctx.files.update(fileId, viaFolder, { lock: next }, ctx.now);
      if (retried.applied) return;
      throw refusal(
        fileId,
        retried.current && (await effectiveRecord(ctx.folders, retried.current, ctx.userId)),
        ctx.userId,
        ctx.now,
      );
    }
  }
  throw refusal(fileId, current, ctx.userId, ctx.now);
}
