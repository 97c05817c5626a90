// What the WOPI rules need from the outside world. Adapters implement these; the domain imports nothing else.
import type { FileRecord, FileVersion, Share } from './file-record';
import type { Lock } from './lock';
import type { LockRequirement } from './lock-rules';
import type { RecoveryCopy } from './recovery-copy';
import type { UserStore } from './users';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A conditional write either happened, or did not and says what the record looked like (undefined: no file). */
export type WriteResult =
  | { readonly applied: true }
  | { readonly applied: false; readonly current: FileRecord | undefined };

export type RemoveResult =
  | { readonly applied: true; readonly removed: FileRecord }
  | { readonly applied: false; readonly current: FileRecord | undefined };

export interface FileStore {
  /** A strongly consistent read of the file's record. */
  get(fileId: string): Promise<FileRecord | undefined>;
  /** Creates the record; false when a file with this id already exists. */
  create(record: FileRecord): Promise<boolean>;
  /** One conditional write: when `requirement` holds at `now`, the lock becomes `next` (undefined removes it). */
  changeLock(fileId: string, requirement: LockRequirement, next: Lock | undefined, now: number): Promise<WriteResult>;
  /**
   * The commit of a save, one conditional write: when `requirement` holds and the current content is still
   * `expectedVersion`, `content` becomes current and `versions` replaces the history.
   */
  commitContent(
    fileId: string,
    requirement: LockRequirement,
    expectedVersion: number,
    content: FileVersion,
    versions: readonly FileVersion[],
    now: number,
  ): Promise<WriteResult>;
  rename(fileId: string, requirement: LockRequirement, name: string, now: number): Promise<WriteResult>;
  /** Sets (or, with undefined, removes) one user's share; false when there is no such file. */
  share(fileId: string, userId: string, share: Share | undefined): Promise<boolean>;
  /** Deletes the record when `requirement` holds; on success says what it was. */
  remove(fileId: string, requirement: LockRequirement, now: number): Promise<RemoveResult>;
}

export interface ContentStore {
  /** `onProgress` (large uploads from the CLI) reports bytes sent so far. */
  put(key: string, body: Uint8Array, onProgress?: (sentBytes: number) => void): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  copy(fromKey: string, toKey: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** A short-lived URL that downloads the object without further credentials. */
  downloadUrl(key: string, ttlSeconds: number): Promise<string>;
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
  remove(fileId: string, copyId: string): Promise<void>;
}

/** PutUserInfo's per-user string, returned as CheckFileInfo UserInfo. */
export interface UserInfoStore {
  get(userId: string): Promise<string | undefined>;
  put(userId: string, info: string): Promise<void>;
}

/** File names are unique per owner (case-insensitive), as in a folder. */
export interface NameIndex {
  /** Claims `name` for `fileId`; returns the id of the file that already has it, if any. */
  claim(ownerId: string, name: string, fileId: string): Promise<string | undefined>;
  /** Frees `name` if `fileId` still holds it. */
  release(ownerId: string, name: string, fileId: string): Promise<void>;
  find(ownerId: string, name: string): Promise<string | undefined>;
  /** The ids of all files of this owner, by name. */
  list(ownerId: string): Promise<string[]>;
}

/** Every store an operation may use; each deployed function builds only the ones its route needs. */
export interface Stores {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly names: NameIndex;
  readonly recovery: RecoveryStore;
  readonly userInfo: UserInfoStore;
  readonly users: UserStore;
}

export type { FileRecord, FileVersion };
