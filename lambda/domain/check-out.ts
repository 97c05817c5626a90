// Check-out from outside WOPI (the DocSpace and SuperOffice APIs): a person's "third-party" lock on the same
// lock attributes WOPI uses, so a check-out and a WOPI client's lock can never both hold a file.
import { randomUUID } from 'node:crypto';
import { rightsOf } from './access';
import { ConflictError, ForbiddenError, NotFoundError } from './errors';
import type { FileRecord } from './file-record';
import { isCheckOut, type Lock, liveLock } from './lock';
import type { LockRequirement } from './lock-rules';
import { applyLockChange } from './locks';
import type { FileStore } from './ports';
import type { User } from './users';

/** A check-out lasts until it is undone; this is the latest instant a Date can hold. */
export const CHECK_OUT_EXPIRES_AT = 8.64e15;

export interface CheckOutDeps {
  readonly files: FileStore;
  readonly now: number;
}

/** The file as `user` may see it; a file they have no access to does not exist for them. */
export async function visibleFile(files: FileStore, fileId: string, user: User): Promise<FileRecord> {
  const record = await files.get(fileId);
  if (record === undefined || rightsOf(record, user.userId) === undefined) {
    throw new NotFoundError(`File ${fileId} does not exist`);
  }
  return record;
}

/** Checks the file out to `user`; checking out what one already holds changes nothing. */
export async function checkOut(deps: CheckOutDeps, fileId: string, user: User): Promise<FileRecord> {
  const record = await visibleFile(deps.files, fileId, user);
  if (rightsOf(record, user.userId) !== 'write') throw new ForbiddenError('Only a user with edit rights can check out');
  const live = liveLock(record.lock, deps.now);
  if (isCheckOut(live) && live?.holder === user.userId) return record;
  const lock: Lock = {
    id: `checkout-${randomUUID()}`,
    expiresAt: CHECK_OUT_EXPIRES_AT,
    holder: user.userId,
    holderName: user.displayName,
    kind: 'checkout',
  };
  const requirement: LockRequirement = { kind: 'checkOutBy', userId: user.userId };
  const result = await applyLockChange(deps.files, fileId, requirement, lock, deps.now);
  if (!result.applied) throw checkOutRefusal(fileId, result.current, deps.now);
  return { ...record, lock };
}

/** Undoes a check-out: only its holder or the file's owner may. Undoing when none is held changes nothing. */
export async function undoCheckOut(deps: CheckOutDeps, fileId: string, user: User): Promise<FileRecord> {
  const record = await visibleFile(deps.files, fileId, user);
  const live = liveLock(record.lock, deps.now);
  if (!isCheckOut(live)) return record;
  const isOwner = record.ownerId === user.userId;
  if (!isOwner && live?.holder !== user.userId) {
    throw new ForbiddenError(`Only ${live?.holderName ?? live?.holder} or the owner can undo this check-out`);
  }
  const requirement: LockRequirement = { kind: 'checkedOutBy', userId: isOwner ? undefined : user.userId };
  const result = await applyLockChange(deps.files, fileId, requirement, undefined, deps.now);
  if (!result.applied) throw checkOutRefusal(fileId, result.current, deps.now);
  const { lock: _released, ...unlocked } = record;
  return unlocked;
}

function checkOutRefusal(fileId: string, current: FileRecord | undefined, now: number): Error {
  if (current === undefined) return new NotFoundError(`File ${fileId} does not exist`);
  const live = liveLock(current.lock, now);
  if (live === undefined) return new ConflictError('The file changed meanwhile; try again');
  if (isCheckOut(live)) return new ConflictError(`The file is checked out by ${live.holderName ?? live.holder}`);
  return new ConflictError('The file is open for editing in a WOPI client; it can be checked out once it is closed');
}
