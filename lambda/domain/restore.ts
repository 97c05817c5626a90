// Bringing earlier work back: a listed version or a recovery copy becomes the file's new current content, as a new
// version, so nothing is overwritten (the replaced content stays in the history). Only while no WOPI session
// holds the file, since its next save would overwrite the restore.
import { NotFoundError } from './errors';
import type { FileVersion } from './file-record';
import { type SaveDeps, saveFile } from './save-file';

/** Restores version `version` (the number `versions` lists) of the file. */
export async function restoreVersion(deps: SaveDeps, fileId: string, version: number): Promise<FileVersion> {
  const record = await deps.files.get(fileId);
  if (record === undefined || record.trashed !== undefined) throw new NotFoundError(`File ${fileId} does not exist`);
  const source = [record.content, ...record.versions].find((candidate) => candidate.version === version);
  if (source === undefined) throw new NotFoundError(`File ${fileId} has no version ${version}`);
  const bytes = await deps.contents.get(source.contentKey);
  return saveFile(deps, fileId, {
    requirement: { kind: 'unlocked' },
    bytes,
    saveContext: {},
    expectedLastModified: undefined,
    activity: { what: 'restore-version', detail: `version ${version}` },
  });
}

/** Restores a recovery copy (`versions` lists them with their ids). */
export async function restoreRecoveryCopy(deps: SaveDeps, fileId: string, copyId: string): Promise<FileVersion> {
  const copy = (await deps.recovery.list(fileId)).find((candidate) => candidate.copyId === copyId);
  if (copy === undefined) throw new NotFoundError(`No recovery copy ${copyId} for file ${fileId}`);
  const bytes = await deps.contents.get(copy.contentKey);
  return saveFile(deps, fileId, {
    requirement: { kind: 'unlocked' },
    bytes,
    saveContext: { editors: [copy.sentBy] },
    expectedLastModified: undefined,
    activity: { what: 'restore-recovery-copy', detail: copyId },
  });
}
