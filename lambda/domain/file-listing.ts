// What a user sees when they look for their documents: their own, and what others shared with them. The listing of
// their own files is the one a folder's listing replaces once files live in folders.
import { canRead, READ_ROLES, type Role } from './access';
import type { FileRecord } from './file-record';
import type { FolderRecord } from './folder-record';
import { FOLDER_HINT_PREFIX, roleOnFolder } from './folders';
import { filesIn, type NameDeps } from './names';
import type { FileStore, FolderStore, SharedWith } from './ports';

const byName = (a: FileRecord, b: FileRecord) => a.name.localeCompare(b.name) || a.fileId.localeCompare(b.fileId);

/** The user's own files, by name: for now, every file in the owner's namespace. */
export async function ownFiles(deps: NameDeps, userId: string): Promise<FileRecord[]> {
  return (await filesIn(deps, userId)).sort(byName);
}

export interface SharedWithUser {
  readonly files: readonly FileRecord[];
  readonly folders: readonly { readonly folder: FolderRecord; readonly role: Role | undefined }[];
}

/**
 * What others shared with the user, by name: files, and folders with the user's role on each. A hint counts only
 * while the record gives them a role; the records come in batch reads, not one read per hint.
 */
export async function sharedWithUser(
  deps: { readonly files: FileStore; readonly folders: FolderStore; readonly sharedWith: SharedWith },
  userId: string,
): Promise<SharedWithUser> {
  const hints = [...new Set(await deps.sharedWith.list(userId))];
  const folderIds = hints.filter((hint) => hint.startsWith(FOLDER_HINT_PREFIX));
  const fileIds = hints.filter((hint) => !hint.startsWith(FOLDER_HINT_PREFIX));
  const [files, folders] = await Promise.all([
    deps.files.getMany(fileIds),
    deps.folders.getMany(folderIds.map((hint) => hint.slice(FOLDER_HINT_PREFIX.length))),
  ]);
  const othersLive = (item: FileRecord | FolderRecord) => item.trashed === undefined && item.ownerId !== userId;
  const sharedFolders = [...folders.values()].filter(
    (folder) => othersLive(folder) && READ_ROLES.includes(folder.access[userId] as Role),
  );
  return {
    files: [...files.values()].filter((record) => othersLive(record) && canRead(record, userId)).sort(byName),
    folders: (
      await Promise.all(
        sharedFolders.map(async (folder) => ({
          folder,
          role: await roleOnFolder(deps.folders, folder, userId),
        })),
      )
    ).sort((a, b) => a.folder.name.localeCompare(b.folder.name) || a.folder.folderId.localeCompare(b.folder.folderId)),
  };
}
