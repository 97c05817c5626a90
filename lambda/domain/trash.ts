// DeleteFile and what follows it: a deleted file goes to its owner's trash, from where the owner restores it,
// until the sweep purges it after the keeping time. No single request destroys anyone's work.

import { canEdit } from './access';
import { withActivity } from './activity';
import { holds } from './conditions';
import { deleteQuietly } from './contents';
import { ForbiddenError, NotFoundError, NotPermittedError } from './errors';
import { candidateNames } from './file-name';
import type { FileRecord } from './file-record';
import { effectiveRecord } from './folders';
import { claimName, fileNamespace, releaseName } from './names';
import type { ContentStore, FileStore, FolderStore, NameClaims, RecoveryStore, TrashIndex } from './ports';
import { type Quota, storedBytes } from './quota';
import { removeCopy } from './recovery';
import {
  checkedOutByOther,
  lockRefusal,
  lockRule,
  mayDelete,
  refusal,
  revisedWrite,
  unchangedSince,
} from './write-rules';

export interface TrashDeps {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly names: NameClaims;
  readonly trash: TrashIndex;
  readonly now: number;
  /** Who acts: a user id, or "cli:<account>" for an administrator. */
  readonly userId: string;
}

const ATTEMPTS = 5;

/**
 * DeleteFile: refused with 409 while the file is locked or checked out by someone else; only the owner, or an
 * editor the owner allowed to delete, may. The file keeps everything and leaves its name free.
 */
export async function trashFile(deps: TrashDeps, fileId: string, asAdministrator = false): Promise<FileRecord> {
  const refused = (current: FileRecord | undefined) =>
    asAdministrator ? lockRefusal(fileId, current, deps.now) : refusal(fileId, current, deps.userId, deps.now);
  for (let attempt = 1; ; attempt++) {
    const found = await deps.files.get(fileId);
    const record = found && (await effectiveRecord(deps.folders, found, deps.userId));
    if (record === undefined || record.trashed !== undefined) throw new NotFoundError(`File ${fileId} does not exist`);
    if (!asAdministrator) {
      if (!canEdit(record, deps.userId) || checkedOutByOther(record, deps.userId)) throw refused(record);
      if (!mayDelete(record, deps.userId)) {
        throw new NotPermittedError(`Only the owner, or an editor the owner allowed to, may delete ${record.name}`);
      }
    }
    if (!holds(lockRule({ kind: 'unlocked' }), record, deps.now)) throw refused(record);
    const trashed = { at: deps.now, by: deps.userId };
    // The trash listing's hint first: a crash after it leaves a hint the listing filters out, never a lost file.
    await deps.trash.add(record.ownerId, fileId, trashed.at);
    const entry = { at: deps.now, by: deps.userId, what: 'trash' as const };
    const change = { trashed, activity: withActivity(record.activity, entry), rev: record.rev + 1 };
    const result = await deps.files.update(fileId, revisedWrite(record, { kind: 'unlocked' }), change, deps.now);
    if (result.applied) {
      await releaseName(deps, fileNamespace(record), record.name, fileId);
      return { ...record, ...change };
    }
    await deps.trash.remove(record.ownerId, fileId, trashed.at).catch(() => undefined);
    if (attempt === ATTEMPTS) throw refused(result.current);
  }
}

/** The owner's trash, newest first. */
export async function listTrash(deps: Pick<TrashDeps, 'files' | 'trash'>, ownerId: string): Promise<FileRecord[]> {
  const hints = await deps.trash.list(ownerId);
  const records = await Promise.all(hints.map((hint) => deps.files.get(hint.fileId)));
  return records.filter(
    (record, i): record is FileRecord =>
      record?.trashed !== undefined && record.ownerId === ownerId && record.trashed.at === hints[i]?.at,
  );
}

/**
 * Brings a file back from the trash under its name, or "name (2)" and so on when the name was taken meanwhile. The
 * trash is its owner's: nobody else may, but an administrator.
 */
export async function restoreFromTrash(deps: TrashDeps, fileId: string, asAdministrator = false): Promise<FileRecord> {
  const record = await deps.files.get(fileId);
  const mayRestore = asAdministrator || record?.access[deps.userId] === 'owner';
  if (record?.trashed === undefined || !mayRestore) throw new NotFoundError(`File ${fileId} is not in the trash`);
  const { trashed } = record;
  // A folder deleted while the file was in the trash is no home to come back to: the owner's root is.
  const folder = record.folderId === undefined ? undefined : await deps.folders.get(record.folderId);
  const homeless = record.folderId !== undefined && (folder === undefined || folder.trashed !== undefined);
  const namespace = homeless ? record.ownerId : fileNamespace(record);
  let name: string | undefined;
  for (const candidate of candidateNames(record.name, 20)) {
    if ((await claimName(deps, namespace, candidate, fileId, deps.now)).claimed) {
      name = candidate;
      break;
    }
  }
  if (name === undefined) throw new ForbiddenError(`No free name for ${record.name}; rename the file that has it`);
  const entry = { at: deps.now, by: deps.userId, what: 'restore-from-trash' as const, detail: name };
  const change = {
    trashed: null,
    name,
    ...(homeless && { folderId: null }),
    activity: withActivity(record.activity, entry),
    rev: record.rev + 1,
  };
  const result = await deps.files.update(fileId, unchangedSince(record), change, deps.now);
  if (!result.applied) {
    await releaseName(deps, namespace, name, fileId);
    throw new NotFoundError(`File ${fileId} changed meanwhile; try again`);
  }
  await deps.trash.remove(record.ownerId, fileId, trashed.at).catch(() => undefined);
  const { trashed: _restored, folderId, ...restored } = { ...record, ...change };
  return folderId === null || folderId === undefined ? restored : { ...restored, folderId };
}

export interface PurgeDeps {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly recovery: RecoveryStore;
  readonly trash: TrashIndex;
  readonly quota: Quota;
  readonly now: number;
}

/**
 * Deletes a trashed file for good: its record, every stored content and recovery copy, its trash hint, and gives
 * their bytes back to the owner's quota (once: only the purge that removed the record does).
 */
export async function purgeFile(deps: PurgeDeps, record: FileRecord): Promise<void> {
  if (record.trashed === undefined) return;
  if (!(await deps.files.purge(record.fileId))) return; // restored meanwhile
  const copies = await deps.recovery.list(record.fileId);
  await Promise.all([
    ...[record.content, ...record.versions].map((version) => deleteQuietly(deps.contents, version.contentKey)),
    deps.quota.free(record.ownerId, storedBytes(record), deps.now),
    ...copies.map((copy) => removeCopy(deps, record.ownerId, copy)),
    deps.trash.remove(record.ownerId, record.fileId, record.trashed.at).catch(() => undefined),
  ]);
}
