// CreateChildFile: a new, empty file in a folder the user may edit, named as PutRelativeFile names its new file
// (target-name.ts). It belongs to the folder's owner, as everything in a folder tree does.
import type { FileRecord } from './file-record';
import { editableFolder, type FolderDeps } from './folders';
import { createAtTarget, type TargetDeps, type TargetName } from './target-name';

/** What a suggestion that is no usable name at all falls back to. */
const NEW_FILE_NAME = 'New file';

export async function createChildFile(
  deps: TargetDeps & FolderDeps,
  folderId: string,
  target: TargetName,
): Promise<FileRecord> {
  const folder = await editableFolder(deps, folderId);
  // A file in a root has no folder id (folder-record.ts): the namespace files had before folders existed.
  const place = { ownerId: folder.ownerId, folderId: folder.parentId === undefined ? undefined : folder.folderId };
  return createAtTarget(deps, place, target, new Uint8Array(0), NEW_FILE_NAME);
}
