// A folder (a WOPI container): its name, its parent, who may do what with it and what is inside. Every user has a
// root folder ("My documents"), made the first time it is needed; a file without a folder is in its owner's root,
// so files made before folders existed are there without a step of anyone's.
import { createHash } from 'node:crypto';
import type { Role } from './access';
import type { Activity } from './activity';
import type { Trashed } from './file-record';

export interface FolderRecord {
  readonly folderId: string;
  readonly name: string;
  /** The owner of the folder tree it belongs to: whoever owns the root it hangs from. */
  readonly ownerId: string;
  /** Absent for a root folder. */
  readonly parentId?: string;
  /** Every user with a role on the folder, the owner included; a role here extends to everything inside. */
  readonly access: Readonly<Record<string, Role>>;
  readonly rev: number;
  readonly trashed?: Trashed;
  readonly activity: readonly Activity[];
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

export const ROOT_FOLDER_NAME = 'My documents';

/** A root folder's id follows from its owner, so a root is found (and made) without a lookup. */
export function rootFolderId(ownerId: string): string {
  return `r${createHash('sha256').update(`root:${ownerId}`).digest('base64url').slice(0, 21)}`;
}

export function isRootFolder(folder: FolderRecord): boolean {
  return folder.parentId === undefined;
}

/**
 * Names are unique per folder: the namespace of a folder's children. A root's children keep the namespace files had
 * before folders existed (their owner's id), so every existing name claim stays valid.
 */
export function childNamespace(folder: FolderRecord): string {
  return isRootFolder(folder) ? folder.ownerId : folder.folderId;
}

/** The folder a file or folder lives in, by its parent id (absent: its owner's root). */
export function folderIdOf(item: { readonly ownerId: string; readonly folderId?: string | undefined }): string {
  return item.folderId ?? rootFolderId(item.ownerId);
}
