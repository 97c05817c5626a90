// The reference model of one file's lock, check-out and content, written from the seeds (000 Lock, 001
// UnlockAndRelock, 002 PutFile, 003/004 check-out) and the WOPI pages for GetLock, RefreshLock and Unlock, not from
// lambda/. It is pure: the model-based test replays command sequences through it, the linearizability checker
// searches for an order of concurrent operations that it accepts, and both compare its answers with what the host
// answered.

/** "The lock expires after 30 minutes unless refreshed" (the host's default WOPI_LOCK_TTL_SECONDS). */
export const LOCK_TTL_MS = 30 * 60 * 1000;

export interface ModelLock {
  readonly id: string;
  /** Epoch milliseconds; from this instant on the file counts as unlocked. */
  readonly expiresAt: number;
  /** The user whose WOPI session set or last refreshed it. */
  readonly holder: string;
}

export interface FileModel {
  /** The WOPI client's lock (a session), if any. */
  readonly lock: ModelLock | undefined;
  /**
   * Seeds 003/004: a person's check-out reserves the file for its holder: "This prevents other users from editing
   * the file until it is unlocked" (DocSpace), "Check out a document for editing by the current user" (SuperOffice).
   */
  readonly checkOut: string | undefined;
  /** The current content as hex, so that states compare and print as plain strings. */
  readonly content: string;
  /** X-WOPI-ItemVersion: 1 for a new file, one more on every accepted PutFile. */
  readonly version: number;
  /** The file's owner; every other user of the model has an edit share. */
  readonly owner: string;
}

/** Who sends the operation: a user with edit rights, the file's owner when left out. */
interface ByUser {
  readonly user?: string;
}

export type WopiOp = ByUser &
  (
    | { readonly kind: 'Lock'; readonly lockId: string }
    | { readonly kind: 'GetLock' }
    | { readonly kind: 'RefreshLock'; readonly lockId: string }
    | { readonly kind: 'Unlock'; readonly lockId: string }
    | { readonly kind: 'UnlockAndRelock'; readonly oldLockId: string; readonly lockId: string }
    /** lockId undefined: no X-WOPI-Lock header is sent. body is hex. */
    | { readonly kind: 'PutFile'; readonly lockId: string | undefined; readonly body: string }
    | { readonly kind: 'GetFile' }
    /** DocSpace {"lockFile": true}. */
    | { readonly kind: 'CheckOut' }
    /** DocSpace {"lockFile": false}. */
    | { readonly kind: 'UndoCheckOut' }
  );

/** What a WOPI client sees of an answer; a field is undefined when the header (or body) is absent. */
export interface WopiOutcome {
  readonly status: number;
  /** X-WOPI-Lock response header. */
  readonly lock: string | undefined;
  /** X-WOPI-ItemVersion response header. */
  readonly itemVersion: string | undefined;
  /** GetFile 200: the bytes, as hex. */
  readonly content: string | undefined;
}

export function newFileModel(contentHex: string, owner = 'owner-1'): FileModel {
  return { lock: undefined, checkOut: undefined, content: contentHex, version: 1, owner };
}

export function sizeOf(file: FileModel): number {
  return file.content.length / 2;
}

/** The lock in force at `now`: an expired lock is no lock at all. */
export function liveLockOf(file: FileModel, now: number): ModelLock | undefined {
  return file.lock !== undefined && file.lock.expiresAt > now ? file.lock : undefined;
}

function outcome(status: number, fields: Partial<Omit<WopiOutcome, 'status'>> = {}): WopiOutcome {
  return { status, lock: undefined, itemVersion: undefined, content: undefined, ...fields };
}

/** One operation at instant `now`: the file afterwards and the answer the seeds require. */
export function step(
  file: FileModel,
  op: WopiOp,
  now: number,
  lockTtlMs = LOCK_TTL_MS,
): { next: FileModel; outcome: WopiOutcome } {
  const user = op.user ?? file.owner;
  const live = liveLockOf(file, now);
  const lockIs = (id: string) => live?.id === id;
  // "X-WOPI-Lock ... must always be included when responding with 409 Conflict"; "" when the file is unlocked.
  const conflict = { next: file, outcome: outcome(409, { lock: live?.id ?? '' }) };
  // "It should not be included when responding to the request with 200 OK."
  const ok = (next: FileModel) => ({ next, outcome: outcome(200) });
  const lockedWith = (id: string): FileModel => ({ ...file, lock: { id, expiresAt: now + lockTtlMs, holder: user } });
  // The holder's own sessions write as usual; everyone else's WOPI writes meet the check-out.
  const reserved = file.checkOut !== undefined && file.checkOut !== user;
  // DocSpace answers 403 to a check-out change the file's state does not allow.
  const refused = { next: file, outcome: outcome(403) };
  switch (op.kind) {
    case 'Lock':
      // Seed 000: unlocked -> lock; "matches the lock currently on the file" -> refresh the timer; else 409.
      return !reserved && (live === undefined || lockIs(op.lockId)) ? ok(lockedWith(op.lockId)) : conflict;
    case 'GetLock':
      // GetLock is the one 200 that carries X-WOPI-Lock: the current lock, "" when unlocked.
      return { next: file, outcome: outcome(200, { lock: live?.id ?? '' }) };
    case 'RefreshLock':
      return !reserved && lockIs(op.lockId) ? ok(lockedWith(op.lockId)) : conflict;
    case 'Unlock':
      return !reserved && lockIs(op.lockId) ? ok({ ...file, lock: undefined }) : conflict;
    case 'UnlockAndRelock':
      // Seed 001: "If the file is currently locked and the X-WOPI-OldLock value doesn't match ... or if the
      // file is unlocked": 409; otherwise the old lock is atomically replaced by the new one.
      return !reserved && lockIs(op.oldLockId) ? ok(lockedWith(op.lockId)) : conflict;
    case 'PutFile': {
      // Seed 002: a locked file takes the save only with its lock ID; an unlocked one only while it is 0 bytes.
      const allowed = live === undefined ? sizeOf(file) === 0 : op.lockId !== undefined && lockIs(op.lockId);
      if (reserved || !allowed) return conflict;
      const version = file.version + 1;
      return {
        next: { ...file, content: op.body, version },
        outcome: outcome(200, { itemVersion: String(version) }),
      };
    }
    case 'GetFile':
      return { next: file, outcome: outcome(200, { itemVersion: String(file.version), content: file.content }) };
    case 'CheckOut':
      // Checking out twice changes nothing; someone else's check-out, or another user's open session, refuses it
      // (no one's unsaved work is pushed aside); the user's own session does not.
      if (file.checkOut === user) return ok(file);
      if (file.checkOut !== undefined || (live !== undefined && live.holder !== user)) return refused;
      return ok({ ...file, checkOut: user });
    case 'UndoCheckOut':
      // Undoing when nothing is checked out changes nothing; only the holder or the owner may undo.
      if (file.checkOut === undefined) return ok(file);
      return file.checkOut === user || user === file.owner ? ok({ ...file, checkOut: undefined }) : refused;
  }
}

export function sameOutcome(a: WopiOutcome, b: WopiOutcome): boolean {
  return a.status === b.status && a.lock === b.lock && a.itemVersion === b.itemVersion && a.content === b.content;
}

/** A state's identity, for the linearizability checker's memo. */
export function stateKey(file: FileModel): string {
  const lock = file.lock === undefined ? '-' : `${file.lock.id}@${file.lock.expiresAt} by ${file.lock.holder}`;
  return `${lock}|${file.checkOut ?? '-'}|${file.content}|${file.version}`;
}

export function describeOp(op: WopiOp): string {
  const by = op.user === undefined ? '' : ` by ${op.user}`;
  switch (op.kind) {
    case 'GetLock':
    case 'GetFile':
    case 'CheckOut':
    case 'UndoCheckOut':
      return `${op.kind}()${by}`;
    case 'UnlockAndRelock':
      return `UnlockAndRelock(${op.oldLockId} -> ${op.lockId})${by}`;
    case 'PutFile':
      return `PutFile(${op.lockId ?? 'no lock'}, 0x${op.body})${by}`;
    default:
      return `${op.kind}(${op.lockId})${by}`;
  }
}

export function describeOutcome(o: WopiOutcome): string {
  const parts = [String(o.status)];
  if (o.lock !== undefined) parts.push(`X-WOPI-Lock=${JSON.stringify(o.lock)}`);
  if (o.itemVersion !== undefined) parts.push(`X-WOPI-ItemVersion=${o.itemVersion}`);
  if (o.content !== undefined) parts.push(`content=0x${o.content}`);
  return parts.join(' ');
}
