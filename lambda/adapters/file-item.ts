// A file's record as its DynamoDB item, both ways, and the item layout the conditions name. Items written before
// this layout (no `state`) still read correctly; the first write that meets one brings it to this layout. Its lists
// are packed (packed-list.ts); items whose lists are still plain read the same, and the first write of a list packs
// it.
import type { Role, Share } from '../domain/access';
import type { Activity } from '../domain/activity';
import type { FileRecord, FileVersion } from '../domain/file-record';
import type { Lock } from '../domain/lock';
import { activityEntries, type ListEntries, lazyList, packList } from './packed-list';
import { FILE_PARTITION } from './partition-keys';

const FILE_SORT_KEY = 'file';

export function fileKey(fileId: string): { pk: string; sk: string } {
  return { pk: `${FILE_PARTITION}${fileId}`, sk: FILE_SORT_KEY };
}

export type FileState = 'active' | 'trashed';

export interface FileItem {
  pk: string;
  sk: string;
  fileId: string;
  name: string;
  ownerId: string;
  folderId?: string;
  content: FileVersion;
  versionsPacked?: Uint8Array;
  /** Before the lists were packed. */
  versions?: FileVersion[];
  /** Absent on items of the earlier layout. */
  state?: FileState;
  rev?: number;
  lockId?: string;
  /** Epoch ms; 0 when unlocked, so "unlocked" is one comparison. */
  lockExpiresAt?: number;
  lockedBy?: string;
  lockedByName?: string;
  checkoutBy?: string;
  checkoutByName?: string;
  checkoutAt?: number;
  access?: Record<string, Role>;
  trashedAt?: number;
  trashedBy?: string;
  activityPacked?: Uint8Array;
  /** Before the lists were packed. */
  activity?: Activity[];
  docNo?: number;
  /** The earlier layout: shares beside the owner, and a check-out as a kind of lock. */
  shares?: Record<string, Share>;
  lockKind?: 'wopi' | 'checkout';
}

/** A version is its content, under a key no other version has; the history runs oldest first. */
const versionEntries: ListEntries<FileVersion> = {
  key: (version) => version.contentKey,
  order: (a, b) => a.version - b.version,
};

export function isCurrentLayout(item: Record<string, unknown>): boolean {
  return item.state === 'active' || item.state === 'trashed';
}

export function recordFromItem(item: Record<string, unknown>): FileRecord {
  const it = item as unknown as FileItem;
  const legacyCheckOut = !isCurrentLayout(item) && it.lockKind === 'checkout';
  const lock: Lock | undefined =
    it.lockId === undefined || legacyCheckOut
      ? undefined
      : {
          id: it.lockId,
          // A lock without an expiry reads as expired.
          expiresAt: it.lockExpiresAt ?? 0,
          holder: it.lockedBy ?? '',
          ...(it.lockedByName !== undefined && { holderName: it.lockedByName }),
        };
  const checkOut = legacyCheckOut
    ? { holder: it.lockedBy ?? '', holderName: it.lockedByName ?? it.lockedBy ?? '', at: 0 }
    : it.checkoutBy === undefined
      ? undefined
      : { holder: it.checkoutBy, holderName: it.checkoutByName ?? it.checkoutBy, at: it.checkoutAt ?? 0 };
  const record = {
    fileId: it.fileId,
    name: it.name,
    ownerId: it.ownerId,
    ...(it.folderId !== undefined && { folderId: it.folderId }),
    content: it.content,
    access: it.access ?? { ...it.shares, [it.ownerId]: 'owner' },
    rev: it.rev ?? 0,
    ...(lock && { lock }),
    ...(checkOut && { checkOut }),
    ...(it.state === 'trashed' && { trashed: { at: it.trashedAt ?? 0, by: it.trashedBy ?? '' } }),
    ...(it.docNo !== undefined && { docNo: it.docNo }),
  };
  return Object.defineProperties(record, {
    versions: lazyList(it.versionsPacked, it.versions, 'versions', versionEntries),
    activity: lazyList(it.activityPacked, it.activity, 'activity', activityEntries),
  }) as FileRecord;
}

export function itemFromRecord(record: FileRecord): FileItem {
  return {
    ...fileKey(record.fileId),
    fileId: record.fileId,
    name: record.name,
    ownerId: record.ownerId,
    ...(record.folderId !== undefined && { folderId: record.folderId }),
    content: record.content,
    versionsPacked: packList(record.versions),
    state: record.trashed === undefined ? 'active' : 'trashed',
    rev: record.rev,
    lockExpiresAt: record.lock?.expiresAt ?? 0,
    ...(record.lock && {
      lockId: record.lock.id,
      lockedBy: record.lock.holder,
      ...(record.lock.holderName !== undefined && { lockedByName: record.lock.holderName }),
    }),
    ...(record.checkOut && {
      checkoutBy: record.checkOut.holder,
      checkoutByName: record.checkOut.holderName,
      checkoutAt: record.checkOut.at,
    }),
    access: { ...record.access },
    ...(record.trashed && { trashedAt: record.trashed.at, trashedBy: record.trashed.by }),
    activityPacked: packList(record.activity),
    ...(record.docNo !== undefined && { docNo: record.docNo }),
  };
}
