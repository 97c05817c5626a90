// Where a new file goes: the caller's root, or a folder they may add to. The file belongs to the owner of the tree it
// joins (its quota counts it), and names who made it, as a file PutRelativeFile makes beside another does.
import { EDIT_ROLES } from './access';
import { NotPermittedError } from './errors';
import { rootFolderId } from './folder-record';
import { actingRole, type FolderDeps, readableFolder } from './folders';

export interface NewFilePlace {
  readonly ownerId: string;
  /** Absent: the owner's root. */
  readonly folderId?: string;
}

/** The place of a new file the caller makes in `folderId` (their root when absent); 404 where they may not add. */
export async function newFilePlace(
  deps: Pick<FolderDeps, 'folders' | 'userId'>,
  folderId: string | undefined,
): Promise<NewFilePlace> {
  if (folderId === undefined || folderId === rootFolderId(deps.userId)) return { ownerId: deps.userId };
  const folder = await readableFolder(deps, folderId, deps.userId);
  const role = await actingRole(deps, folder);
  if (role === undefined || !EDIT_ROLES.includes(role)) {
    throw new NotPermittedError(`${deps.userId} may not add files to folder ${folderId}`);
  }
  return folder.parentId === undefined ? { ownerId: folder.ownerId } : { ownerId: folder.ownerId, folderId };
}
