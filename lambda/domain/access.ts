// Who may do what with a file. The file's item holds every user's role, its owner's included, so what a user may
// do is read (or conditioned) from the item in the request that acts; an access token only says who and which file.
import { NotFoundError, NotPermittedError } from './errors';
import type { FileRecord } from './file-record';

/** What a user other than the owner may be given. */
export type Share = 'view' | 'edit' | 'edit+delete';

/** A disabled owner keeps the files (others' shares go on) but can no longer act on them. */
export type Role = 'owner' | Share | 'disabled';

/** The ceiling an access token or host-page link carries: the least of it and the item's role applies. */
export type Rights = 'read' | 'write';

export const READ_ROLES: readonly Role[] = ['owner', 'edit+delete', 'edit', 'view'];
export const EDIT_ROLES: readonly Role[] = ['owner', 'edit+delete', 'edit'];
/** DeleteFile: the owner, or an editor the owner allowed to delete. */
export const DELETE_ROLES: readonly Role[] = ['owner', 'edit+delete'];

export function roleOf(record: FileRecord, userId: string): Role | undefined {
  return record.access[userId];
}

export function canRead(record: FileRecord, userId: string): boolean {
  return READ_ROLES.includes(roleOf(record, userId) as Role);
}

export function canEdit(record: FileRecord, userId: string): boolean {
  return EDIT_ROLES.includes(roleOf(record, userId) as Role);
}

/** What the user may do now: the least of the file's role and the credential's ceiling; undefined: nothing. */
export function rightsOf(record: FileRecord, userId: string, ceiling: Rights = 'write'): Rights | undefined {
  if (!canRead(record, userId)) return undefined;
  return ceiling === 'write' && canEdit(record, userId) ? 'write' : 'read';
}

/** The record, if `userId` may read it (the read that found it was the request's own). */
export function readable(record: FileRecord | undefined, fileId: string, userId: string): FileRecord {
  if (record === undefined || record.trashed !== undefined) throw new NotFoundError(`File ${fileId} does not exist`);
  if (!canRead(record, userId)) throw new NotPermittedError(`${userId} may not read file ${fileId}`);
  return record;
}
