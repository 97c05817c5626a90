// The one record a file has: its metadata, its current content, its older versions and its lock.
import type { Lock } from './lock';

/** How a WOPI client described a save (X-WOPI-Editors, Collabora's X-COOL-WOPI-* flags). */
export interface SaveContext {
  readonly editors?: readonly string[];
  readonly isModifiedByUser?: boolean;
  readonly isAutosave?: boolean;
  readonly isExitSave?: boolean;
}

/** One complete content of a file, stored in S3 under a key that is never reused. */
export interface FileVersion {
  /** X-WOPI-ItemVersion / CheckFileInfo Version: a counter that grows on every save. */
  readonly version: number;
  readonly contentKey: string;
  readonly size: number;
  /** Base64 SHA-256 of the bytes, as CheckFileInfo's SHA256 wants it. */
  readonly sha256: string;
  /** Epoch milliseconds. */
  readonly modifiedAt: number;
  readonly modifiedBy: string;
  readonly saveContext?: SaveContext;
}

/** What a user other than the owner may do with a file. */
export type Share = 'view' | 'edit';

export interface FileRecord {
  readonly fileId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly content: FileVersion;
  /** Earlier contents, oldest first, at most the configured number. */
  readonly versions: readonly FileVersion[];
  readonly lock?: Lock;
  /** userId -> share; the owner is not listed and may always edit. */
  readonly shares?: Readonly<Record<string, Share>>;
}
