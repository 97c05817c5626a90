// The one record a file has: its metadata, its current content, its earlier versions, its WOPI lock, its check-out,
// who may do what, and what was done to it.
import type { Role } from './access';
import type { Activity } from './activity';
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
  /** What the check-in that ended a check-out said of this version (SuperOffice versionDescription). */
  readonly description?: string;
}

/** A person's reservation of the file for editing (DocSpace lock, SuperOffice check-out); it does not expire. */
export interface CheckOut {
  readonly holder: string;
  readonly holderName: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface Trashed {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly by: string;
}

export interface FileRecord {
  readonly fileId: string;
  readonly name: string;
  readonly ownerId: string;
  /** The folder the file is in; absent: its owner's root ("My documents"). */
  readonly folderId?: string;
  readonly content: FileVersion;
  /** Earlier contents, oldest first, as the keeping schedule left them (domain/versions.ts). */
  readonly versions: readonly FileVersion[];
  readonly lock?: Lock;
  readonly checkOut?: CheckOut;
  /** Every user with a role on the file, the owner included. */
  readonly access: Readonly<Record<string, Role>>;
  /** Grows with every write that rewrites the record's lists, so such writes can require the record they read. */
  readonly rev: number;
  /** In the trash since then, by whom; restorable until the sweep purges it. */
  readonly trashed?: Trashed;
  /** What was done to the file, by whom and when, oldest first and bounded (domain/activity.ts). */
  readonly activity: readonly Activity[];
  /** The int32 document number the DocSpace and SuperOffice APIs address the file by. */
  readonly docNo?: number;
}
