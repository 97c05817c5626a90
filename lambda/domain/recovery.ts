// Recovery copies: a refused save's bytes kept with who sent them, why and when, a bounded number per file; the
// owner lists them and restores one (domain/restore.ts).
import { randomUUID } from 'node:crypto';
import { recoveryKey, sha256Base64 } from './content-keys';
import { deleteQuietly } from './contents';
import { StorageFullError, type WopiError } from './errors';
import type { FileRecord } from './file-record';
import type { ContentStore, FileStore, RecoveryStore } from './ports';
import type { Quota } from './quota';
import { recordActivity } from './record-activity';
import type { RecoveryCopy, RefusalReason } from './recovery-copy';

export interface RecoveryKeeping {
  /** How long a refused save's recovery copy is kept. */
  readonly recoveryKeepMs: number;
  /** How many copies a file keeps; the oldest go first, so no one can fill the owner's storage by refused saves. */
  readonly recoveryKept: number;
}

export interface Refused {
  readonly reason: RefusalReason;
  readonly error: WopiError;
}

interface KeepDeps extends RecoveryKeeping {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly recovery: RecoveryStore;
  readonly quota: Quota;
  readonly now: number;
  readonly userId: string;
}

/**
 * Stores the refused bytes under recovery/ and notes them on the file; returns the error to answer. A copy is kept
 * only within the owner's quota, which counts recovery copies too: a full storage drops it, and says so in the log.
 */
export async function keepRecoveryCopy(
  deps: KeepDeps,
  record: FileRecord,
  bytes: Uint8Array,
  uploadedKey: string | undefined,
  refused: Refused,
): Promise<WopiError> {
  try {
    await deps.quota.take(record.ownerId, bytes.byteLength, deps.now);
  } catch (error) {
    if (!(error instanceof StorageFullError)) throw error;
    if (uploadedKey !== undefined) await deleteQuietly(deps.contents, uploadedKey);
    await noteRefusal(deps, record, `${refused.reason}: not kept, ${error.message}`);
    refused.error.logDetails = { ...refused.error.logDetails, recoveryCopy: `not kept: ${error.message}` };
    return refused.error;
  }
  const copyId = `${new Date(deps.now).toISOString()}_${randomUUID()}`;
  const contentKey = recoveryKey(record.fileId, copyId);
  if (uploadedKey === undefined) await deps.contents.put(contentKey, bytes);
  else {
    await deps.contents.copy(uploadedKey, contentKey);
    await deleteQuietly(deps.contents, uploadedKey);
  }
  const copy: RecoveryCopy = {
    fileId: record.fileId,
    copyId,
    contentKey,
    size: bytes.byteLength,
    sha256: sha256Base64(bytes),
    sentBy: deps.userId,
    sentAt: deps.now,
    reason: refused.reason,
    detail: refused.error.message,
    keepUntil: deps.now + deps.recoveryKeepMs,
  };
  await deps.recovery.add(copy);
  await dropOldestCopies(deps, record);
  await noteRefusal(deps, record, `${refused.reason}: ${copyId}`);
  refused.error.logDetails = { ...refused.error.logDetails, recoveryCopy: contentKey };
  return refused.error;
}

function noteRefusal(deps: KeepDeps, record: FileRecord, detail: string): Promise<void> {
  const entry = { at: deps.now, by: deps.userId, what: 'refused-save' as const, detail };
  return recordActivity(deps.files, record.fileId, entry, deps.now);
}

async function dropOldestCopies(deps: KeepDeps, record: FileRecord): Promise<void> {
  const copies = (await deps.recovery.list(record.fileId)).sort(
    (a, b) => b.sentAt - a.sentAt || (a.copyId < b.copyId ? 1 : -1),
  );
  for (const copy of copies.slice(deps.recoveryKept)) await removeCopy(deps, record.ownerId, copy);
}

/** Removes a recovery copy and its bytes, giving them back to the owner's quota once, whoever else removes it. */
export async function removeCopy(
  deps: Pick<KeepDeps, 'recovery' | 'contents' | 'quota'> & { readonly now: number },
  ownerId: string,
  copy: RecoveryCopy,
): Promise<void> {
  if (await deps.recovery.remove(copy.fileId, copy.copyId)) await deps.quota.free(ownerId, copy.size, deps.now);
  await deleteQuietly(deps.contents, copy.contentKey);
}

/** The file's recovery copies still within their keeping time, newest first. */
export async function listRecoveryCopies(
  deps: { readonly recovery: RecoveryStore; readonly now: number },
  fileId: string,
): Promise<RecoveryCopy[]> {
  const copies = await deps.recovery.list(fileId);
  return copies.filter((copy) => copy.keepUntil > deps.now).sort((a, b) => b.sentAt - a.sentAt);
}
