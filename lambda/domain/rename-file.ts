// RenameFile: X-WOPI-RequestedName is the new name without its extension; the file keeps its extension.
import { InvalidFileNameError, NotFoundError } from './errors';
import { extensionOf, validateFileName, withoutExtension } from './file-name';
import { isSatisfied, type LockRequirement } from './lock-rules';
import { refusal } from './locks';
import type { FileStore, NameIndex } from './ports';

export interface RenameDeps {
  readonly files: FileStore;
  readonly names: NameIndex;
  readonly now: number;
}

/** Renames the file and returns its new name without extension, as the response's Name wants it. */
export async function renameFile(
  deps: RenameDeps,
  fileId: string,
  lockId: string | undefined,
  requestedName: string,
): Promise<string> {
  const record = await deps.files.get(fileId);
  if (record === undefined) throw new NotFoundError(`File ${fileId} does not exist`);
  // A locked file may be renamed only by the lock holder; an unlocked one by anyone with write rights.
  const requirement: LockRequirement = lockId === undefined ? { kind: 'unlocked' } : { kind: 'lockableWith', lockId };
  if (!isSatisfied(requirement, { lock: record.lock, size: record.content.size }, deps.now)) {
    throw refusal(fileId, record, deps.now);
  }
  // The requested name itself must be a name: "" or "." plus the extension would leave a file with no name.
  const name = validateFileName(`${validateFileName(requestedName)}${extensionOf(record.name)}`);
  if (name === record.name) return withoutExtension(name);
  const sameNameKey = name.toLowerCase() === record.name.toLowerCase();
  if (!sameNameKey) {
    const holder = await deps.names.claim(record.ownerId, name, fileId);
    if (holder !== undefined && holder !== fileId) {
      throw new InvalidFileNameError(`A file named "${name}" already exists`);
    }
  }
  const result = await deps.files.rename(fileId, requirement, name, deps.now);
  if (!result.applied) {
    if (!sameNameKey) await deps.names.release(record.ownerId, name, fileId);
    throw refusal(fileId, result.current, deps.now);
  }
  if (!sameNameKey) await deps.names.release(record.ownerId, record.name, fileId);
  return withoutExtension(name);
}
