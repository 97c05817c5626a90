// The files API's JSON shapes (lambda/http/openapi.ts describes each): a file as its caller may see it, its versions
// and recovery copies, a user. Times are ISO 8601 in UTC.

import type { Role } from '../domain/access';
import { canEdit, roleOf } from '../domain/access';
import type { FileRecord, FileVersion } from '../domain/file-record';
import { type FolderRecord, rootFolderId } from '../domain/folder-record';
import { liveLock } from '../domain/lock';
import type { RecoveryCopy } from '../domain/recovery-copy';
import type { User } from '../domain/users';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The file for `userId`: its role, the live WOPI lock (an editor has it open) and the check-out (a person reserved
 * it); the shares only for the owner, who alone manages them.
 */
export function fileJson(record: FileRecord, userId: string, now: number) {
  const lock = liveLock(record.lock, now);
  const role = roleOf(record, userId);
  const { checkOut, trashed } = record;
  return {
    id: record.fileId,
    name: record.name,
    size: record.content.size,
    version: record.content.version,
    sha256: record.content.sha256,
    modifiedAt: iso(record.content.modifiedAt),
    modifiedBy: record.content.modifiedBy,
    ownerId: record.ownerId,
    role: role ?? 'none',
    ...(record.docNo !== undefined && { documentNumber: record.docNo }),
    lock: lock ? { lockedBy: lock.holderName ?? lock.holder, expiresAt: iso(lock.expiresAt) } : null,
    checkOut: checkOut
      ? { by: checkOut.holder, byName: checkOut.holderName, at: iso(checkOut.at), mine: checkOut.holder === userId }
      : null,
    ...(trashed && { trashedAt: iso(trashed.at) }),
    ...(record.folderId !== undefined && { folderId: record.folderId }),
    ...(role === 'owner' && { shares: sharesOf(record.access, userId) }),
  };
}

/** Whom the owner shared an item with; the owner alone sees it. */
function sharesOf(access: Readonly<Record<string, Role>>, userId: string) {
  return Object.entries(access)
    .filter(([id, shared]) => id !== userId && shared !== 'owner')
    .map(([id, share]) => ({ userId: id, share }))
    .sort((a, b) => a.userId.localeCompare(b.userId));
}

/** A folder for a caller whose role on it (its own or a folder's above) is `role`. */
export function folderJson(folder: FolderRecord, role: Role | undefined) {
  return {
    id: folder.folderId,
    name: folder.name,
    ownerId: folder.ownerId,
    ...(folder.parentId !== undefined && { parentId: folder.parentId }),
    role: role ?? 'none',
    ...(role === 'owner' && folder.parentId !== undefined && { shares: sharesOf(folder.access, folder.ownerId) }),
  };
}

export function filesJson(records: readonly FileRecord[], userId: string, now: number) {
  return { files: records.map((record) => fileJson(record, userId, now)) };
}

function versionJson(version: FileVersion) {
  return {
    version: version.version,
    size: version.size,
    modifiedAt: iso(version.modifiedAt),
    modifiedBy: version.modifiedBy,
    ...(version.description !== undefined && { description: version.description }),
  };
}

/** The current content and the earlier versions, newest first; recovery copies only for those who may restore one. */
export function versionsJson(record: FileRecord, copies: readonly RecoveryCopy[], userId: string) {
  return {
    current: versionJson(record.content),
    versions: [...record.versions].reverse().map(versionJson),
    recoveryCopies: canEdit(record, userId)
      ? copies.map((copy) => ({
          id: copy.copyId,
          size: copy.size,
          sentAt: iso(copy.sentAt),
          sentBy: copy.sentBy,
          reason: copy.reason,
          detail: copy.detail,
        }))
      : [],
  };
}

export function userJson(user: User) {
  return {
    id: user.userId,
    displayName: user.displayName,
    ...(user.email !== undefined && { email: user.email }),
    rootFolderId: rootFolderId(user.userId),
  };
}
