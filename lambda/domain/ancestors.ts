// EnumerateAncestors: the folders above a file or folder, root first, as far up as the user may see. A role on a
// folder extends downwards only, so what the user sees of a chain is its lower part, up to the highest folder that
// gives them a role; a file shared on its own shows no folder at all.
import { READ_ROLES } from './access';
import type { FileRecord } from './file-record';
import { type FolderRecord, folderIdOf, rootFolderId } from './folder-record';
import { bestRole, chainOf, liveFolder, readableFile, roleOnFolder, rootFolder, visibleFolder } from './folders';
import type { FileStore, FolderStore } from './ports';

export interface AncestorDeps {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly now: number;
}

/** The folders above the folder, root first; a root has none. */
export async function folderAncestors(deps: AncestorDeps, folderId: string, userId: string): Promise<FolderRecord[]> {
  const { chain } = await visibleFolder(deps.folders, folderId, userId);
  return seenPart(chain.slice(1), userId);
}

/** The file's folder and the folders above it, root first. */
export async function fileAncestors(deps: AncestorDeps, fileId: string, userId: string): Promise<FolderRecord[]> {
  const file = await readableFile(deps, fileId, userId);
  return seenPart(await chainOf(deps.folders, await folderOf(deps, file)), userId);
}

/** The file's folder; its owner's root is made on first need, as everywhere a root is asked for. */
async function folderOf(deps: AncestorDeps, file: FileRecord): Promise<FolderRecord> {
  const folderId = folderIdOf(file);
  return folderId === rootFolderId(file.ownerId) ? rootFolder(deps, file.ownerId) : liveFolder(deps.folders, folderId);
}

/** The chain (nearest first) cut above the highest folder giving the user a role, turned root first. */
function seenPart(chain: readonly FolderRecord[], userId: string): FolderRecord[] {
  let top = -1;
  chain.forEach((folder, i) => {
    const role = bestRole([folder.access[userId]]);
    if (role !== undefined && READ_ROLES.includes(role)) top = i;
  });
  return chain.slice(0, top + 1).reverse();
}

/**
 * The name of the file's folder if the user may see it (CheckFileInfo's BreadcrumbFolderName). A file in its owner's
 * root gets none: CheckFileInfo of such a file stays one request, and a root's name says nothing the user does not
 * know.
 */
export async function visibleFolderName(
  folders: FolderStore,
  file: FileRecord,
  userId: string,
): Promise<string | undefined> {
  if (file.folderId === undefined) return undefined;
  const folder = await folders.get(file.folderId);
  if (folder === undefined) return undefined;
  const role = await roleOnFolder(folders, folder, userId);
  return role !== undefined && READ_ROLES.includes(role) ? folder.name : undefined;
}
