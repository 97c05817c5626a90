// RenameFile: X-WOPI-RequestedName is the new name without its extension; the file keeps its extension. The new
// name is claimed first and the old one released last, so a crash between the steps leaves only a stale claim.
import { canEdit } from './access';
import { withActivity } from './activity';
import { holds } from './conditions';
import { NameTakenError, NotFoundError } from './errors';
import { extensionOf, validateFileName, withoutExtension } from './file-name';
import type { FileRecord } from './file-record';
import { effectiveRecord } from './folders';
import { claimName, fileNamespace, releaseName } from './names';
import type { FileStore, FolderStore, NameClaims } from './ports';
import { checkedOutByOther, type LockRequirement, lockRule, refusal, revisedWrite } from './write-rules';

export interface RenameDeps {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly names: NameClaims;
  readonly now: number;
  readonly userId: string;
}

// Each further attempt means another write to the file came between the read and the rename.
const ATTEMPTS = 5;

/** Renames the file and returns its new name without extension, as the response's Name wants it. */
export async function renameFile(
  deps: RenameDeps,
  fileId: string,
  lockId: string | undefined,
  requestedName: string,
): Promise<string> {
  // The requested name itself must be a name: "" or "." plus the extension would leave a file with no name.
  const nameOf = (record: FileRecord) =>
    validateFileName(`${validateFileName(requestedName)}${extensionOf(record.name)}`);
  return withoutExtension((await rename(deps, fileId, lockId, nameOf)).name);
}

/** The files API's rename: the whole new name, its extension included, while no WOPI session holds the file. */
export function renameTo(deps: RenameDeps, fileId: string, name: string): Promise<FileRecord> {
  return rename(deps, fileId, undefined, () => validateFileName(name));
}

async function rename(
  deps: RenameDeps,
  fileId: string,
  lockId: string | undefined,
  nameOf: (record: FileRecord) => string,
): Promise<FileRecord> {
  // A locked file may be renamed only by the lock holder; an unlocked one by anyone with edit rights.
  const requirement: LockRequirement = lockId === undefined ? { kind: 'unlocked' } : { kind: 'lockableWith', lockId };
  for (let attempt = 1; ; attempt++) {
    const found = await deps.files.get(fileId);
    const record = found && (await effectiveRecord(deps.folders, found, deps.userId));
    if (record === undefined || record.trashed !== undefined) throw new NotFoundError(`File ${fileId} does not exist`);
    if (!canEdit(record, deps.userId) || checkedOutByOther(record, deps.userId)) {
      throw refusal(fileId, record, deps.userId, deps.now);
    }
    if (!holds(lockRule(requirement), record, deps.now)) throw refusal(fileId, record, deps.userId, deps.now);
    const name = nameOf(record);
    if (name === record.name) return record;
    const renamedRecord = await renamed(deps, record, requirement, name);
    if (renamedRecord !== undefined) return renamedRecord;
    if (attempt === ATTEMPTS) throw refusal(fileId, await deps.files.get(fileId), deps.userId, deps.now);
  }
}

/** One attempt: claim, rename, release; undefined when another write came first (the claim is given back). */
async function renamed(deps: RenameDeps, record: FileRecord, requirement: LockRequirement, name: string) {
  const sameNameKey = name.toLowerCase() === record.name.toLowerCase();
  if (!sameNameKey) {
    const claim = await claimName(deps, fileNamespace(record), name, record.fileId, deps.now);
    if (!claim.claimed) throw new NameTakenError(`A file named "${name}" already exists`);
  }
  const entry = { at: deps.now, by: deps.userId, what: 'rename' as const, detail: name };
  const change = { name, activity: withActivity(record.activity, entry), rev: record.rev + 1 };
  const result = await deps.files.update(record.fileId, revisedWrite(record, requirement), change, deps.now);
  if (!sameNameKey) {
    const released = result.applied ? record.name : name;
    await releaseName(deps, fileNamespace(record), released, record.fileId);
  }
  return result.applied ? { ...record, ...change } : undefined;
}
