// The scheduled sweep: purges files that stayed in the trash past their keeping time, and deletes stored objects
// nothing points at any more: versions the keeping schedule dropped (saves never delete, so a save costs one
// PutObject), uploads whose commit failed, recovery copies past their keeping time. Correctness never depends on it;
// it only returns storage. With a quota, it also counts what each owner stores and sets their count to it.
import { FILE_KEY_PREFIXES, fileIdOfKey, RECOVERY_PREFIX } from './content-keys';
import type { FileRecord } from './file-record';
import type { ContentStore, FileStore, RecoveryStore, TrashIndex } from './ports';
import { type Quota, storedBytes, sumOfSizes } from './quota';
import { removeCopy } from './recovery';
import type { RecoveryCopy } from './recovery-copy';
import { purgeFile } from './trash';

export interface SweepDeps {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly recovery: RecoveryStore;
  readonly trash: TrashIndex;
  readonly quota: Quota;
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
  const usage = new UsageTally(deps.now - deps.graceMs);
  for (const prefix of FILE_KEY_PREFIXES) {
    // Listings come in key order, so one file's objects are contiguous: only its references are held.
    let current: { fileId: string; keys: Set<string> } | undefined;
    for await (const object of deps.contents.list(prefix)) {
      examined++;
      const fileId = fileIdOfKey(object.key);
      if (fileId === undefined) continue; // not ours to judge
      if (current?.fileId !== fileId) current = { fileId, keys: await referencedKeys(deps, fileId, prefix, usage) };
      if (deps.now - object.writtenAt < deps.graceMs) continue;
      if (!current.keys.has(object.key)) {
        await deps.contents.delete(object.key);
        deleted.push(object.key);
      }
    }
  }
  await deps.quota.recount(usage.quietOwners(), usage.quietSince, deps.now);
  return { examined, deleted };
}

/**
 * Everything the file's record (in the trash or not) and its live recovery copies point at; on the way, what the
 * file stores is counted for its owner: its contents on the pass over files/, its recovery copies on the pass over
 * recovery/ (each file is met once per pass).
 */
async function referencedKeys(deps: SweepDeps, fileId: string, prefix: string, usage: UsageTally) {
  const [record, copies] = await Promise.all([deps.files.get(fileId), deps.recovery.list(fileId)]);
  const keys = new Set<string>();
  if (record?.trashed !== undefined && deps.now - record.trashed.at >= deps.trashKeepMs) {
    await purgeFile(deps, record);
    usage.changed(record.ownerId);
    return keys;
  }
  const live = copies.filter((copy) => copy.keepUntil > deps.now);
  for (const copy of live) keys.add(copy.contentKey);
  if (record === undefined) return keys;
  for (const version of [record.content, ...record.versions]) keys.add(version.contentKey);
  if (prefix === RECOVERY_PREFIX) {
    for (const copy of copies.filter((c) => c.keepUntil <= deps.now)) {
      await removeCopy(deps, record.ownerId, copy);
      usage.changed(record.ownerId);
    }
    usage.count(record.ownerId, sumOfSizes(live), lastChangeOf(record, copies));
  } else usage.count(record.ownerId, storedBytes(record), lastChangeOf(record, copies));
  return keys;
}

/** When anything last changed what the file stores (a save, a restore, the trash, a refused save). */
function lastChangeOf(record: FileRecord, copies: readonly RecoveryCopy[]): number {
  const times = [record.content.modifiedAt, record.trashed?.at ?? 0, ...copies.map((copy) => copy.sentAt)];
  return Math.max(...times, ...record.activity.map((entry) => entry.at));
}

/**
 * What each owner stores, as the sweep finds it. An owner is left out when anything of theirs changed since
 * `quietSince` (longer ago than any request runs): a request may then have counted what this walk did not see, or
 * the reverse; the owner's count is set right by a later sweep.
 */
class UsageTally {
  private readonly bytes = new Map<string, number>();
  private readonly busy = new Set<string>();

  constructor(readonly quietSince: number) {}

  count(ownerId: string, bytes: number, lastChange: number): void {
    this.bytes.set(ownerId, (this.bytes.get(ownerId) ?? 0) + bytes);
    if (lastChange >= this.quietSince) this.busy.add(ownerId);
  }

  /** The sweep itself changed the owner's storage (a purge, an expired copy) and gave back its bytes. */
  changed(ownerId: string): void {
    this.busy.add(ownerId);
  }

  quietOwners(): Map<string, number> {
    return new Map([...this.bytes].filter(([ownerId]) => !this.busy.has(ownerId)));
  }
}
