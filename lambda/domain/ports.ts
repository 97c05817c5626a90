// What the WOPI rules need from the outside world. Adapters implement these; the domain imports nothing else.
import type { FileRecord, FileVersion } from './file-record';
import type { Lock } from './lock';
import type { LockRequirement } from './lock-rules';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A conditional write either happened, or did not and says what the record looked like (undefined: no file). */
export type WriteResult =
  | { readonly applied: true }
  | { readonly applied: false; readonly current: FileRecord | undefined };

export interface FileStore {
  /** A strongly consistent read of the file's record. */
  get(fileId: string): Promise<FileRecord | undefined>;
  /** Creates the record; false when a file with this id already exists. */
  create(record: FileRecord): Promise<boolean>;
  /** One conditional write: when `requirement` holds at `now`, the lock becomes `next` (undefined removes it). */
  changeLock(fileId: string, requirement: LockRequirement, next: Lock | undefined, now: number): Promise<WriteResult>;
}

export interface ContentStore {
  put(key: string, body: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

export type { FileRecord, FileVersion };
