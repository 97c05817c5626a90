// What the owner does with recovery copies: list them, and restore one as the file's new current content.
import { NotFoundError } from './errors';
import type { FileVersion } from './file-record';
import type { RecoveryCopy } from './recovery-copy';
import { type SaveDeps, saveFile } from './save-file';

/** The file's recovery copies still within their keeping time, newest first. */
export async function listRecoveryCopies(
  deps: Pick<SaveDeps, 'recovery' | 'now'>,
  fileId: string,
): Promise<RecoveryCopy[]> {
  const copies = await deps.recovery.list(fileId);
  return copies.filter((copy) => copy.keepUntil > deps.now).sort((a, b) => b.sentAt - a.sentAt);
}

/**
 * Makes a recovery copy the current content, as a new version (the replaced content stays in the history).
 * Only while no one holds a lock: restoring under an open editor would be overwritten by its next save.
 */
export async function restoreRecoveryCopy(deps: SaveDeps, fileId: string, copyId: string): Promise<FileVersion> {
  const copy = (await deps.recovery.list(fileId)).find((candidate) => candidate.copyId === copyId);
  if (copy === undefined) throw new NotFoundError(`No recovery copy ${copyId} for file ${fileId}`);
  const bytes = await deps.contents.get(copy.contentKey);
  return saveFile(deps, fileId, {
    requirement: { kind: 'unlocked' },
    bytes,
    saveContext: { editors: [copy.sentBy] },
    expectedLastModified: undefined,
  });
}
