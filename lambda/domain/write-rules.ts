// The rules of the writes to a file, in the words of the specs, built from the facts of conditions.ts; and why a
// refused write was refused, as the error the specs want.
import { DELETE_ROLES, EDIT_ROLES, type Role } from './access';
import { allOf, anyOf, fact, type Rule } from './conditions';
import { LockConflictError, NotFoundError, NotPermittedError, type WopiError } from './errors';
import type { FileRecord } from './file-record';
import { liveLock, lockHeaderValue } from './lock';

const active = fact({ kind: 'active' });
const unlocked = fact({ kind: 'unlocked' });
const empty = fact({ kind: 'empty' });
const lockIs = (lockId: string) => fact({ kind: 'lockIs', lockId });
const roleIn = (userId: string, roles: readonly Role[]) => fact({ kind: 'roleIn', userId, roles });
/** A check-out reserves the file for its holder: the holder's sessions write as usual, nobody else's do. */
const notCheckedOutByOthers = (userId: string) =>
  anyOf(fact({ kind: 'notCheckedOut' }), fact({ kind: 'checkedOutBy', userId }));

/** What every WOPI write by `userId` needs: the file, edit rights on it, and no one else's check-out. */
export function wopiWrite(userId: string): Rule {
  return allOf(active, roleIn(userId, EDIT_ROLES), notCheckedOutByOthers(userId));
}

/**
 * The same for a user whose edit right comes from a folder the file is in: that role is on the folder's item, read
 * just before, so the condition states the rest of the rule.
 */
export function wopiWriteViaFolder(userId: string): Rule {
  return allOf(active, notCheckedOutByOthers(userId));
}

/** The lock states a write may find, per the WOPI docs. */
export type LockRequirement =
  /** Lock: the file is unlocked (or its lock expired), or it holds this very lock ID (a refresh). */
  | { readonly kind: 'lockableWith'; readonly lockId: string }
  /** RefreshLock, Unlock, UnlockAndRelock's X-WOPI-OldLock: this live lock is on the file. */
  | { readonly kind: 'heldWith'; readonly lockId: string }
  /** PutFile (seed 002): this live lock is on the file, or there is no live lock and the content is 0 bytes. */
  | { readonly kind: 'savableWith'; readonly lockId: string | undefined }
  /** DeleteFile, restores, and RenameFile without X-WOPI-Lock: no live lock. */
  | { readonly kind: 'unlocked' };

export function lockRule(requirement: LockRequirement): Rule {
  switch (requirement.kind) {
    case 'lockableWith':
      return anyOf(unlocked, lockIs(requirement.lockId));
    case 'heldWith':
      return lockIs(requirement.lockId);
    case 'savableWith':
      return requirement.lockId === undefined
        ? allOf(unlocked, empty)
        : anyOf(lockIs(requirement.lockId), allOf(unlocked, empty));
    case 'unlocked':
      return unlocked;
  }
}

/**
 * A write that rewrites the record's lists from the record read at `rev`: requiring that revision also requires
 * everything the read decided (roles and check-out change the revision too); only the WOPI lock, which lock
 * operations change without touching the lists, must still be stated.
 */
export function revisedWrite(record: FileRecord, requirement?: LockRequirement): Rule {
  const rule = allOf(active, unchangedSince(record));
  return requirement === undefined ? rule : allOf(rule, lockRule(requirement));
}

/** Nothing changed the record since it was read, in the trash or not (restoring it, taking a share away there). */
export function unchangedSince(record: FileRecord): Rule {
  return fact({ kind: 'revision', rev: record.rev });
}

/** May `userId` move the file to the trash (seen on the read that revisedWrite then requires)? */
export function mayDelete(record: FileRecord, userId: string): boolean {
  const role = record.access[userId];
  return role !== undefined && DELETE_ROLES.includes(role);
}

/** Whether another person's check-out keeps `userId` from writing. */
export function checkedOutByOther(record: FileRecord, userId: string): boolean {
  return record.checkOut !== undefined && record.checkOut.holder !== userId;
}

/**
 * Why a write by `userId` was refused, as the error the spec wants: 404 for no file, and for a user without the
 * right ("Resource not found/user unauthorized"); 409 with the current lock (the empty string when there is none)
 * for a check-out by someone else or a lock that does not match.
 */
export function refusal(fileId: string, current: FileRecord | undefined, userId: string, now: number): WopiError {
  if (current === undefined || current.trashed !== undefined) return new NotFoundError(`File ${fileId} does not exist`);
  const role = current.access[userId];
  if (role === undefined || !EDIT_ROLES.includes(role)) {
    return new NotPermittedError(`${userId} may not change file ${fileId}`);
  }
  if (current.checkOut !== undefined && current.checkOut.holder !== userId) {
    return new LockConflictError(
      lockHeaderValue(current.lock, now),
      `File is checked out by ${current.checkOut.holderName}`,
    );
  }
  return lockRefusal(fileId, current, now);
}

/** Why a write that asked only about the WOPI lock was refused (an administrator's, who has no role). */
export function lockRefusal(fileId: string, current: FileRecord | undefined, now: number): WopiError {
  if (current === undefined || current.trashed !== undefined) return new NotFoundError(`File ${fileId} does not exist`);
  const live = liveLock(current.lock, now);
  const reason =
    live === undefined ? 'File is not locked' : `File is locked by another lock id (${live.holderName ?? live.holder})`;
  return new LockConflictError(lockHeaderValue(current.lock, now), reason);
}
