// The scheduled sweep: purges files that stayed in the trash past their keeping time, and deletes stored objects
// nothing points at any more: versions the keeping schedule dropped (saves never delete, so a save costs one
// PutObject), uploads whose commit failed, recovery copies past their keeping time. Correctness never depends on it;
// it only returns storage.
import { FILE_KEY_PREFIXES, fileIdOfKey } from './content-keys';
import type { ContentStore, FileStore, RecoveryStore, TrashIndex } from './ports';
import { purgeFile } from './trash';

export interface SweepDeps {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly recovery: RecoveryStore;
  readonly trash: TrashIndex;
  readonly now: number;
  /** How long a file stays in the trash (WOPI_TRASH_DAYS). */
  readonly trashKeepMs: number;
  /**
   * Objects younger than this are left alone: they may belong to a save that has uploaded but not yet
   * committed. Longer than any request can run.
   */
  readonly graceMs: number;
}

export interface SweepReport {
  readonly examined: number;
  readonly deleted: readonly string[];
}

export async function sweepOrphans(deps: SweepDeps): Promise<SweepReport> {
  const deleted: string[] = [];
  let examined = 0;
  // Listings come in key order, so one file's objects are contiguous: only its references are held.
  let current: { fileId: string; keys: Set<string> } | undefined;
  for (const prefix of FILE_KEY_PREFIXES) {
    for await (const object of deps.contents.list(prefix)) {
      examined++;
      if (deps.now - object.writtenAt < deps.graceMs) continue;
      const fileId = fileIdOfKey(object.key);
      if (fileId === undefined) continue; // not ours to judge
      if (current?.fileId !== fileId) current = { fileId, keys: await referencedKeys(deps, fileId) };
      if (!current.keys.has(object.key)) {
        await deps.contents.delete(object.key);
        deleted.push(object.key);
      }
    }
  }
  return { examined, deleted };
}

/** Everything the file's record (in the trash or not) and its live recovery copies point at. */
async function referencedKeys(deps: SweepDeps, fileId: string): Promise<Set<string>> {
  const [record, copies] = await Promise.all([deps.files.get(fileId), deps.recovery.list(fileId)]);
  const keys = new Set<string>();
  if (record?.trashed !== undefined && deps.now - record.trashed.at >= deps.trashKeepMs) {
    await purgeFile(deps, record);
    return keys;
  }
  if (record !== undefined) for (const version of [record.content, ...record.versions]) keys.add(version.contentKey);
  for (const copy of copies) if (copy.keepUntil > deps.now) keys.add(copy.contentKey);
  return keys;
}
