// What a user sees when they look for their documents: their own, and what others shared with them. The listing of
// their own files is the one a folder's listing replaces once files live in folders.
import { canRead } from './access';
import type { FileRecord } from './file-record';
import { filesIn, type NameDeps } from './names';
import type { FileStore, SharedWith } from './ports';

const byName = (a: FileRecord, b: FileRecord) => a.name.localeCompare(b.name) || a.fileId.localeCompare(b.fileId);

/** The user's own files, by name: for now, every file in the owner's namespace. */
export async function ownFiles(deps: NameDeps, userId: string): Promise<FileRecord[]> {
  return (await filesIn(deps, userId)).sort(byName);
}

/** The files others shared with the user, by name; a hint counts only while the file's record gives them a role. */
export async function filesSharedWith(
  deps: { readonly files: FileStore; readonly sharedWith: SharedWith },
  userId: string,
): Promise<FileRecord[]> {
  const hints = [...new Set(await deps.sharedWith.list(userId))];
  const records = await Promise.all(hints.map((fileId) => deps.files.get(fileId)));
  return records
    .filter(
      (record): record is FileRecord =>
        record !== undefined && record.trashed === undefined && record.ownerId !== userId && canRead(record, userId),
    )
    .sort(byName);
}
