// PutFile (seed 002): upload to a never-reused key, then commit that key with one conditional write that
// re-checks the lock, so a lock that changes during the upload can never let a non-holder's bytes become current.
// A save refused for a lock, check-out or timestamp reason is kept as a recovery copy; a save by the lock holder
// that only meets other saves of the same holder is retried until the request's time is up, so it lands.
import { canEdit } from './access';
import { type ActivityKind, withActivity } from './activity';
import { holds } from './conditions';
import { newContentKey, sha256Base64 } from './content-keys';
import { deleteQuietly } from './contents';
import { LockConflictError, NotFoundError, NotPermittedError, TimestampMismatchError, type WopiError } from './errors';
import type { FileRecord, FileVersion, SaveContext } from './file-record';
import { effectiveRecord } from './folders';
import { liveLock, lockHeaderValue } from './lock';
import type { ContentStore, FileStore, FolderStore, RecoveryStore } from './ports';
import { type Quota, storedBytes, sumOfSizes } from './quota';
import { keepRecoveryCopy, type RecoveryKeeping, type Refused } from './recovery';
import type { Retry } from './retry';
import { type KeepSchedule, keptVersions } from './versions';
import { checkedOutByOther, type LockRequirement, lockRule, refusal, revisedWrite } from './write-rules';

export interface SaveDeps extends RecoveryKeeping {
  readonly files: FileStore;
  /** The folders, to read a role a folder gives; absent: only the file's own roles count. */
  readonly folders: FolderStore;
  readonly contents: ContentStore;
  readonly recovery: RecoveryStore;
  readonly quota: Quota;
  readonly now: number;
  readonly userId: string;
  /** Which earlier contents stay listed (and stored) after a save. */
  readonly schedule: KeepSchedule;
  readonly retry: Retry;
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
  /** What the activity list says of it; a save unless it is a restore. */
  readonly activity?: { readonly what: ActivityKind; readonly detail?: string };
}

/** Saves the bytes as the file's new current content and returns it. */
export async function saveFile(deps: SaveDeps, fileId: string, request: SaveRequest): Promise<FileVersion> {
  // The early read: a hopeless save is refused before its bytes are committed anywhere but a recovery copy.
  let record = await seen(deps, await deps.files.get(fileId));
  let uploadedKey: string | undefined;
  // What this save took of the owner's quota so far: the most it grows the owner's storage by. A commit that fails
  // without saying whether it landed keeps it taken: the count is then too high, until the sweep's recount.
  let taken = 0;
  const ownerId = record?.ownerId ?? '';
  for (let attempt = 1; ; attempt++) {
    const refused = refusalOf(deps, fileId, record, request);
    if (refused !== undefined) {
      await deps.quota.free(ownerId, taken, deps.now);
      if (refused.kept === false || record === undefined) {
        if (uploadedKey !== undefined) await deleteQuietly(deps.contents, uploadedKey);
        throw refused.error;
      }
      throw await keepRecoveryCopy(deps, record, request.bytes, uploadedKey, refused);
    }
    const read = record as FileRecord;
    const versions = keptVersions([...read.versions, read.content], deps.now, deps.schedule);
    // The new content, less the versions the schedule drops at this commit (their bytes go to the sweep).
    const growth = request.bytes.byteLength + sumOfSizes(versions) - storedBytes(read);
    if (growth > taken) {
      await deps.quota.take(ownerId, growth - taken, deps.now).catch(async (error: unknown) => {
        if (uploadedKey !== undefined) await deleteQuietly(deps.contents, uploadedKey);
        await deps.quota.free(ownerId, taken, deps.now);
        throw error;
      });
      taken = growth;
    }
    if (uploadedKey === undefined) {
      uploadedKey = newContentKey(fileId);
      await deps.contents.put(uploadedKey, request.bytes);
    }
    const content = nextContent(deps, read, uploadedKey, request);
    const entry = { at: deps.now, by: deps.userId, ...(request.activity ?? { what: 'save' as const }) };
    const result = await commitOrCleanUp(deps, read, request.requirement, uploadedKey, {
      content,
      versions,
      activity: withActivity(read.activity, { ...entry, detail: entry.detail ?? `version ${content.version}` }),
      rev: read.rev + 1,
    });
    if (result.applied) {
      // Taken beforehand was the most this save could grow by; a save that shrinks the storage gives back after.
      await deps.quota.free(ownerId, taken - growth, deps.now);
      return content;
    }
    record = await seen(deps, result.current);
    // Nothing about the file refuses the save, so another write landed since the read (most often another save by
    // the same lock holder): start again from what it left, while the request has time.
    if (record !== undefined && refusalOf(deps, fileId, record, request) === undefined) {
      if (!deps.retry.canRetry()) {
        const error = new LockConflictError(
          lockHeaderValue(record.lock, deps.now),
          'The file kept changing during the save',
        );
        await deps.quota.free(ownerId, taken, deps.now);
        throw await keepRecoveryCopy(deps, record, request.bytes, uploadedKey, { reason: 'lock-mismatch', error });
      }
      await deps.retry.pause(attempt + 1);
      // Read after the pause, not before: the racing saves land during it, and a commit made from a record read
      // before them would only meet them again.
      record = await seen(deps, await deps.files.get(fileId));
    }
  }
}

function refusalOf(
  deps: SaveDeps,
  fileId: string,
  record: FileRecord | undefined,
  request: SaveRequest,
): (Refused & { readonly kept?: boolean }) | undefined {
  // Nobody without edit rights may leave bytes in the owner's storage, not even as a recovery copy.
  if (record === undefined || record.trashed !== undefined) {
    return { reason: 'not-locked', error: new NotFoundError(`File ${fileId} does not exist`), kept: false };
  }
  if (!canEdit(record, deps.userId)) {
    return {
      reason: 'not-locked',
      error: new NotPermittedError(`${deps.userId} may not change file ${fileId}`),
      kept: false,
    };
  }
  if (checkedOutByOther(record, deps.userId)) {
    return { reason: 'checked-out', error: refusal(fileId, record, deps.userId, deps.now) };
  }
  if (!holds(lockRule(request.requirement), record, deps.now)) {
    const reason = liveLock(record.lock, deps.now) === undefined ? 'not-locked' : 'lock-mismatch';
    return { reason, error: refusal(fileId, record, deps.userId, deps.now) };
  }
  const expectedAt = request.expectedLastModified;
  if (expectedAt !== undefined && expectedAt !== record.content.modifiedAt) {
    const error: WopiError = new TimestampMismatchError(
      'The file changed since the client last read it (X-COOL-WOPI-Timestamp)',
    );
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
    ...(Object.keys(request.saveContext).length > 0 && { saveContext: recordedContext(request.saveContext) }),
  };
}

/** How many characters of X-WOPI-Editors (its commas included) a version records. */
export const EDITORS_RECORDED_CHARS = 1024;

/**
 * The save context as the version keeps it: every kept version lives on the file's one item, which DynamoDB caps
 * at 400 KB, and X-WOPI-Editors is as long as the client makes it, so only its first editors that fit are kept.
 */
function recordedContext(context: SaveContext): SaveContext {
  if (context.editors === undefined) return context;
  const editors: string[] = [];
  let chars = -1; // no comma before the first
  for (const editor of context.editors) {
    chars += editor.length + 1;
    if (chars > EDITORS_RECORDED_CHARS) break;
    editors.push(editor);
  }
  return { ...context, editors };
}

async function commitOrCleanUp(
  deps: SaveDeps,
  record: FileRecord,
  requirement: LockRequirement,
  uploadedKey: string,
  change: Parameters<FileStore['update']>[2],
) {
  try {
    return await deps.files.update(record.fileId, revisedWrite(record, requirement), change, deps.now);
  } catch (error) {
    // The commit may or may not have landed (e.g. a timeout); only an upload the record does not point at may go.
    const current = await deps.files.get(record.fileId).catch(() => undefined);
    if (current !== undefined && current.content.contentKey !== uploadedKey) {
      await deleteQuietly(deps.contents, uploadedKey);
    }
    throw error;
  }
}

/** The record as the saving user's rights see it (folders.ts effectiveRecord). */
async function seen(deps: SaveDeps, record: FileRecord | undefined): Promise<FileRecord | undefined> {
  return record && effectiveRecord(deps.folders, record, deps.userId);
}
