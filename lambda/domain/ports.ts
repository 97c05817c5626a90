// What the rules need from the outside world. Adapters implement these; the domain imports nothing else.
import type { Role } from './access';
import type { Activity } from './activity';
import type { Rule } from './conditions';
import type { CheckOut, FileRecord, FileVersion, Trashed } from './file-record';
import type { FolderRecord } from './folder-record';
import type { Lock } from './lock';
import type { UsageStore } from './quota';
import type { RecoveryCopy } from './recovery-copy';
import type { UserStore } from './users';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/**
 * What a write changes on a file's item; a field left out stays as it is, null removes it. Lists are written whole,
 * so a write that sets them also requires the revision it read them at and sets the next one.
 */
export interface FileChange {
  readonly lock?: Lock | null;
  readonly checkOut?: CheckOut | null;
  readonly content?: FileVersion;
  readonly versions?: readonly FileVersion[];
  readonly name?: string;
  /** The folder the file moves to; null: its owner's root. */
  readonly folderId?: string | null;
  /** Per user: the new role, or null to take the user's role away. */
  readonly access?: Readonly<Record<string, Role | null>>;
  readonly trashed?: Trashed | null;
  readonly activity?: readonly Activity[];
  readonly rev?: number;
  readonly docNo?: number;
}

/** A conditional write either happened, or did not and says what the record looked like (undefined: no file). */
export type WriteResult =
  | { readonly applied: true; readonly record?: FileRecord }
  | { readonly applied: false; readonly current: FileRecord | undefined };

export interface FileStore {
  /** A strongly consistent read of the file's record, trashed or not; undefined when there is none. */
  get(fileId: string): Promise<FileRecord | undefined>;
  /** The record and the user's PutUserInfo string in one request: CheckFileInfo's reads. */
  getForUser(fileId: string, userId: string): Promise<{ record: FileRecord | undefined; userInfo: string | undefined }>;
  /** Strongly consistent reads of many records in as few requests as the store allows; the missing are left out. */
  getMany(fileIds: readonly string[]): Promise<Map<string, FileRecord>>;
  /** Creates the record; false when a file with this id already exists. */
  create(record: FileRecord): Promise<boolean>;
  /**
   * One conditional write: when `rule` holds at `now`, `change` is made. `returnRecord` asks for the record as
   * written (no extra request).
   */
  update(
    fileId: string,
    rule: Rule,
    change: FileChange,
    now: number,
    options?: { readonly returnRecord?: boolean },
  ): Promise<WriteResult>;
  /** Deletes the record for good, if it is still in the trash (the sweep's purge). */
  purge(fileId: string): Promise<boolean>;
}

export interface ContentStore {
  put(key: string, body: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  copy(fromKey: string, toKey: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** A short-lived URL that downloads the object without further credentials. */
  downloadUrl(key: string, ttlSeconds: number): Promise<string>;
  /** A short-lived URL a client PUTs exactly `size` bytes to, as the object under `key`. */
  uploadUrl(key: string, size: number, ttlSeconds: number): Promise<string>;
  /** The object's size and SHA-256 (base64), read back in full; undefined when there is no such object. */
  digest(key: string): Promise<{ readonly size: number; readonly sha256: string } | undefined>;
  /** Every object under `prefix`, with when it was written (epoch milliseconds). */
  list(prefix: string): AsyncIterable<StoredObject>;
}

export interface StoredObject {
  readonly key: string;
  readonly writtenAt: number;
}

export interface RecoveryStore {
  add(copy: RecoveryCopy): Promise<void>;
  list(fileId: string): Promise<RecoveryCopy[]>;
  /** True when this call removed the copy (so its bytes are given back once, whoever else tries). */
  remove(fileId: string, copyId: string): Promise<boolean>;
}

/** PutUserInfo's per-user string, returned as CheckFileInfo UserInfo. */
export interface UserInfoStore {
  get(userId: string): Promise<string | undefined>;
  put(userId: string, info: string): Promise<void>;
}

/** A name claim as stored: which file claimed the name in a namespace, and when. */
export interface NameClaim {
  readonly name: string;
  /** The id of the file, or of the folder when `kind` says so: names are unique among both in a folder. */
  readonly fileId: string;
  readonly kind?: 'folder';
  /** Epoch milliseconds. */
  readonly claimedAt: number;
}

/**
 * File names are unique per namespace (an owner's documents), case-insensitively. The store only keeps claims;
 * whether a claim is trusted is the domain's rule (domain/names.ts): the file must really have that name.
 */
export interface NameClaims {
  /**
   * Puts the claim when the name is free, already `fileId`'s, or still held by exactly `replacing` (a stale claim
   * being taken over); false when someone else's claim is there.
   */
  put(namespace: string, claim: NameClaim, replacing?: NameClaim): Promise<boolean>;
  get(namespace: string, name: string): Promise<NameClaim | undefined>;
  /** Frees `name` if `fileId` still holds it. */
  delete(namespace: string, name: string, fileId: string): Promise<void>;
  list(namespace: string): Promise<NameClaim[]>;
  /** Up to `limit` claims by name after the name `after` (lower-cased), and where the next page starts. */
  page(
    namespace: string,
    limit: number,
    after?: string,
  ): Promise<{ readonly claims: NameClaim[]; readonly next?: string }>;
}

/**
 * Hints, per user, of the files they may reach other than their own: written before a share is given, so a user's
 * files can be found (to list what is shared with them, to disable them) without a scan. A hint never grants
 * anything; the file's record decides.
 */
export interface SharedWith {
  add(userId: string, fileId: string): Promise<void>;
  remove(userId: string, fileId: string): Promise<void>;
  list(userId: string): Promise<string[]>;
}

/** Per owner, the files in their trash, newest first; hints as above, the record decides. */
export interface TrashIndex {
  add(ownerId: string, fileId: string, at: number): Promise<void>;
  remove(ownerId: string, fileId: string, at: number): Promise<void>;
  list(ownerId: string): Promise<{ readonly fileId: string; readonly at: number }[]>;
}

/** What an int32 number names: a file (a document number) or a user (an associate number). */
export type NumberKind = 'docno' | 'assoc';

/**
 * Claims of int32 numbers, one item per number, so no two holders ever share one and no counter is shared by every
 * creation. Whether a claim is trusted is the domain's rule (domain/numbers.ts): its holder must carry the number.
 */
export interface NumberClaims {
  /** Claims `n` for `holder` (a file or user id); false when `n` is claimed already, even by the same holder. */
  claim(kind: NumberKind, n: number, holder: string): Promise<boolean>;
  /** Who claimed `n`, if anyone. */
  holder(kind: NumberKind, n: number): Promise<string | undefined>;
  /** Frees `n` if `holder` still holds it. */
  release(kind: NumberKind, n: number, holder: string): Promise<void>;
}

/** What a write changes on a folder's item; left out stays, null removes. */
export interface FolderChange {
  readonly name?: string;
  readonly parentId?: string;
  readonly access?: Readonly<Record<string, Role | null>>;
  readonly trashed?: Trashed | null;
  readonly activity?: readonly Activity[];
  readonly rev?: number;
}

export type FolderWriteResult =
  | { readonly applied: true; readonly record: FolderRecord }
  | { readonly applied: false; readonly current: FolderRecord | undefined };

export interface FolderStore {
  get(folderId: string): Promise<FolderRecord | undefined>;
  /** As FileStore.getMany. */
  getMany(folderIds: readonly string[]): Promise<Map<string, FolderRecord>>;
  /** Creates the folder; false when one with this id exists already (a root made by a racing request). */
  create(folder: FolderRecord): Promise<boolean>;
  /** One conditional write: applied when the folder is still at `rev` (so everything its read decided holds). */
  update(folderId: string, rev: number, change: FolderChange): Promise<FolderWriteResult>;
}

/** Every store an operation may use; each deployed function builds only the ones its route needs. */
export interface Stores {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly contents: ContentStore;
  readonly names: NameClaims;
  readonly recovery: RecoveryStore;
  readonly userInfo: UserInfoStore;
  readonly users: UserStore;
  readonly sharedWith: SharedWith;
  readonly trash: TrashIndex;
  readonly numbers: NumberClaims;
  readonly usage: UsageStore;
}

export type { FileRecord, FileVersion };
