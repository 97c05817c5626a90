// Recovery copies: a refused save's bytes kept with who sent them, why and when, a bounded number per file; the
// owner lists them and restores one (domain/restore.ts).
import { randomUUID } from 'node:crypto';
import { recoveryKey, sha256Base64 } from './content-keys';
import { deleteQuietly } from './contents';
import type { WopiError } from './errors';
import type { FileRecord } from './file-record';
import type { ContentStore, FileStore, RecoveryStore } from './ports';
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
  readonly now: number;
  readonly userId: string;
}

/** Stores the refused bytes under recovery/ and notes them on the file; returns the error to answer. */
export async function keepRecoveryCopy(
  deps: KeepDeps,
  record: FileRecord,
  bytes: Uint8Array,
  uploadedKey: string | undefined,
  refused: Refused,
): Promise<WopiError> {
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
  await dropOldestCopies(deps, record.fileId);
  const entry = {
    at: deps.now,
    by: deps.userId,
    what: 'refused-save' as const,
    detail: `${refused.reason}: ${copyId}`,
  };
  await recordActivity(deps.files, record.fileId, entry, deps.now);
  refused.error.logDetails = { ...refused.error.logDetails, recoveryCopy: contentKey };
  return refused.error;
}

async function dropOldestCopies(deps: KeepDeps, fileId: string): Promise<void> {
  const copies = (await deps.recovery.list(fileId)).sort(
    (a, b) => b.sentAt - a.sentAt || (a.copyId < b.copyId ? 1 : -1),
  );
  for (const copy of copies.slice(deps.recoveryKept)) {
    await deps.recovery.remove(fileId, copy.copyId);
    await deleteQuietly(deps.contents, copy.contentKey);
  }
}

/** The file's recovery copies still within their keeping time, newest first. */
export async function listRecoveryCopies(
  deps: { readonly recovery: RecoveryStore; readonly now: number },
  fileId: string,
): Promise<RecoveryCopy[]> {
  const copies = await deps.recovery.list(fileId);
  return copies.filter((copy) => copy.keepUntil > deps.now).sort((a, b) => b.sentAt - a.sentAt);
}
