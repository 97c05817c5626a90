// PutFile (seed 002): upload to a never-reused key, then commit that key with one conditional write that
// re-checks the lock, so a lock that changes during the upload can never let a non-holder's bytes become current.
// A save refused for a lock or timestamp reason is kept as a recovery copy.
import { randomUUID } from 'node:crypto';
import { newContentKey, recoveryKey, sha256Base64 } from './content-keys';
import { LockConflictError, NotFoundError, TimestampMismatchError, type WopiError } from './errors';
import type { FileRecord, FileVersion, SaveContext } from './file-record';
import { liveLock, lockHeaderValue } from './lock';
import { isSatisfied, type LockRequirement } from './lock-rules';
import { refusal } from './locks';
import type { ContentStore, FileStore, RecoveryStore } from './ports';
import type { RecoveryCopy, RefusalReason } from './recovery-copy';

export interface SaveDeps {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly recovery: RecoveryStore;
  readonly now: number;
  readonly userId: string;
  /** How many earlier contents stay listed (and stored) after a save. */
  readonly versionsKept: number;
  /** How long a refused save's recovery copy is kept. */
  readonly recoveryKeepMs: number;
}

/** PutFile's rule (seed 002) for the lock ID the client sent, if any. */
export function putFileRequirement(lockId: string | undefined): LockRequirement {
  return { kind: 'savableWith', lockId };
}

export interface SaveRequest {
  /** What the file's lock state must allow; PutFile: putFileRequirement(X-WOPI-Lock). */
  readonly requirement: LockRequirement;
  readonly bytes: Uint8Array;
  readonly saveContext: SaveContext;
  /** Collabora's X-COOL-WOPI-Timestamp in epoch milliseconds: the LastModifiedTime the client last saw. */
  readonly expectedLastModified: number | undefined;
}

// A commit refused only because another save landed first (same lock holder) is retried on the new record.
// Each retry means another save by the same lock holder landed first, so the loop ends when they stop.
const COMMIT_ATTEMPTS = 20;

/** Saves the bytes as the file's new current content and returns it. */
export async function saveFile(deps: SaveDeps, fileId: string, request: SaveRequest): Promise<FileVersion> {
  const expectedAt = request.expectedLastModified;
  const { requirement } = request;
  // The early check: a hopeless save is refused before its bytes are committed anywhere but a recovery copy.
  let record = await deps.files.get(fileId);
  let uploadedKey: string | undefined;
  for (let attempt = 1; ; attempt++) {
    if (record === undefined) {
      if (uploadedKey !== undefined) await deleteQuietly(deps.contents, uploadedKey);
      throw new NotFoundError(`File ${fileId} does not exist`);
    }
    const refused = refusalOf(record, requirement, expectedAt, deps.now);
    if (refused !== undefined) throw await keepRecoveryCopy(deps, record, request, uploadedKey, refused);
    if (uploadedKey === undefined) {
      uploadedKey = newContentKey(fileId);
      await deps.contents.put(uploadedKey, request.bytes);
    }
    const content = nextContent(deps, record, uploadedKey, request);
    const versions = [...record.versions, record.content];
    const kept = versions.slice(Math.max(0, versions.length - deps.versionsKept));
    const result = await commitOrCleanUp(deps, record, requirement, content, kept, uploadedKey);
    if (result.applied) {
      const dropped = versions.slice(0, versions.length - kept.length);
      await Promise.all(dropped.map((version) => deleteQuietly(deps.contents, version.contentKey)));
      return content;
    }
    if (attempt === COMMIT_ATTEMPTS) {
      const current = result.current ?? record;
      // A 409 always carries X-WOPI-Lock, so this answers with the lock now on the file.
      const error = new LockConflictError(
        lockHeaderValue(current.lock, deps.now),
        'The file kept changing during the save',
      );
      throw await keepRecoveryCopy(deps, current, request, uploadedKey, { reason: 'lock-mismatch', error });
    }
    record = result.current;
  }
}

interface Refusal {
  readonly reason: RefusalReason;
  readonly error: WopiError;
}

function refusalOf(
  record: FileRecord,
  requirement: LockRequirement,
  expectedAt: number | undefined,
  now: number,
): Refusal | undefined {
  if (!isSatisfied(requirement, { lock: record.lock, size: record.content.size }, now)) {
    const reason = liveLock(record.lock, now) === undefined ? 'not-locked' : 'lock-mismatch';
    return { reason, error: refusal(record.fileId, record, now) };
  }
  if (expectedAt !== undefined && expectedAt !== record.content.modifiedAt) {
    const error = new TimestampMismatchError('The file changed since the client last read it (X-COOL-WOPI-Timestamp)');
    return { reason: 'timestamp-mismatch', error };
  }
  return undefined;
}

function nextContent(deps: SaveDeps, record: FileRecord, contentKey: string, request: SaveRequest): FileVersion {
  return {
    version: record.content.version + 1,
    contentKey,
    size: request.bytes.byteLength,
    sha256: sha256Base64(request.bytes),
    modifiedAt: deps.now,
    modifiedBy: deps.userId,
    saveContext: request.saveContext,
  };
}

async function commitOrCleanUp(
  deps: SaveDeps,
  record: FileRecord,
  requirement: LockRequirement,
  content: FileVersion,
  versions: readonly FileVersion[],
  uploadedKey: string,
) {
  try {
    return await deps.files.commitContent(
      record.fileId,
      requirement,
      record.content.version,
      content,
      versions,
      deps.now,
    );
  } catch (error) {
    // The commit may or may not have landed (e.g. a timeout); only an upload the record does not point at may go.
    const current = await deps.files.get(record.fileId).catch(() => undefined);
    if (current !== undefined && current.content.contentKey !== uploadedKey) {
      await deleteQuietly(deps.contents, uploadedKey);
    }
    throw error;
  }
}

/** Stores the refused bytes under recovery/ with who sent them, why and when; returns the error to answer. */
async function keepRecoveryCopy(
  deps: SaveDeps,
  record: FileRecord,
  request: SaveRequest,
  uploadedKey: string | undefined,
  refused: Refusal,
): Promise<WopiError> {
  const copyId = `${new Date(deps.now).toISOString()}_${randomUUID()}`;
  const contentKey = recoveryKey(record.fileId, copyId);
  if (uploadedKey === undefined) await deps.contents.put(contentKey, request.bytes);
  else {
    await deps.contents.copy(uploadedKey, contentKey);
    await deleteQuietly(deps.contents, uploadedKey);
  }
  const copy: RecoveryCopy = {
    fileId: record.fileId,
    copyId,
    contentKey,
    size: request.bytes.byteLength,
    sha256: sha256Base64(request.bytes),
    sentBy: deps.userId,
    sentAt: deps.now,
    reason: refused.reason,
    detail: refused.error.message,
    keepUntil: deps.now + deps.recoveryKeepMs,
  };
  await deps.recovery.add(copy);
  refused.error.logDetails = { ...refused.error.logDetails, recoveryCopy: contentKey };
  return refused.error;
}

async function deleteQuietly(contents: ContentStore, key: string): Promise<void> {
  // A leftover object costs storage, never correctness: the orphan sweep finds what this misses.
  await contents.delete(key).catch(() => undefined);
}
