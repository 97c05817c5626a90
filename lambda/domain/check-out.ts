// Check-out from outside WOPI (the DocSpace and SuperOffice APIs): a person reserves the file for editing. While
// user U holds it, U's WOPI sessions lock and save as usual and everyone else's writes are refused
// (write-rules.ts wopiWrite); it lives on the file's one item beside the WOPI lock, so every change of either is
// still one conditional write.
import { canEdit } from './access';
import { withActivity } from './activity';
import { allOf, anyOf, fact, type Rule } from './conditions';
import { CheckOutRefusedError, ForbiddenError, NotFoundError, NotPermittedError } from './errors';
import type { FileRecord } from './file-record';
import { readableFile } from './folders';
import { liveLock } from './lock';
import type { FileStore, FolderStore } from './ports';
import type { User } from './users';
import { revisedWrite } from './write-rules';

export interface CheckOutDeps {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly now: number;
}

export type CheckOutState = 'NotCheckedOut' | 'CheckedOutOwn' | 'CheckedOutOther';

/** SuperOffice's GetCheckoutState, from the user's point of view. */
export function checkOutStateOf(record: FileRecord, userId: string): CheckOutState {
  if (record.checkOut === undefined) return 'NotCheckedOut';
  return record.checkOut.holder === userId ? 'CheckedOutOwn' : 'CheckedOutOther';
}

/** The file as `user` may see it; a file they have no access to does not exist for them. */
export async function visibleFile(
  deps: { readonly files: FileStore; readonly folders: FolderStore },
  fileId: string,
  user: User,
): Promise<FileRecord> {
  try {
    return await readableFile(deps, fileId, user.userId);
  } catch (error) {
    // The APIs outside WOPI say the same for both, so a document number reveals nothing.
    if (error instanceof NotPermittedError) throw new NotFoundError(`File ${fileId} does not exist`);
    throw error;
  }
}

/** The most of a check-in's version description a version keeps. */
export const DESCRIPTION_KEPT_CHARS = 1024;

// Each further attempt means another write to the file came between the read and the check-out.
const ATTEMPTS = 5;

/**
 * Checks the file out to `user`. Refused while someone else holds a check-out, or while another user's WOPI session
 * holds a live lock (their unsaved work is never pushed aside); granted while the user's own session holds it.
 * Checking out what one already holds changes nothing.
 */
export async function checkOut(deps: CheckOutDeps, fileId: string, user: User): Promise<FileRecord> {
  return change(deps, fileId, user, (record) => {
    if (!canEdit(record, user.userId)) throw new ForbiddenError('Only a user with edit rights can check out');
    if (record.checkOut?.holder === user.userId) return undefined;
    if (record.checkOut !== undefined) {
      throw new CheckOutRefusedError(`The file is checked out by ${record.checkOut.holderName}`, record);
    }
    const live = liveLock(record.lock, deps.now);
    if (live !== undefined && live.holder !== user.userId) {
      throw new CheckOutRefusedError(`The file is being edited by ${live.holderName ?? live.holder}`, record);
    }
    const checkOut = { holder: user.userId, holderName: user.displayName, at: deps.now };
    // The WOPI lock may change without a new revision, so the condition states it again.
    const noOtherSession = anyOf(fact({ kind: 'unlocked' }), fact({ kind: 'lockHeldBy', userId: user.userId }));
    return { rule: allOf(revisedWrite(record), noOtherSession), checkOut, what: 'check-out' };
  });
}

/** Undoes a check-out: only its holder or the file's owner may. Undoing when none is held changes nothing. */
export async function undoCheckOut(deps: CheckOutDeps, fileId: string, user: User): Promise<FileRecord> {
  return change(deps, fileId, user, (record) => {
    if (record.checkOut === undefined) return undefined;
    if (record.checkOut.holder !== user.userId && record.access[user.userId] !== 'owner') {
      throw new ForbiddenError(`Only ${record.checkOut.holderName} or the owner can undo this check-out`);
    }
    return { rule: revisedWrite(record), checkOut: null, what: 'undo-check-out' };
  });
}

/**
 * Checks the file in (SuperOffice PUT .../Lock): ends the holder's check-out and records `description` on the
 * current version, which the version listing then shows.
 */
export async function checkIn(
  deps: CheckOutDeps,
  fileId: string,
  user: User,
  description: string | undefined,
): Promise<FileRecord> {
  return change(deps, fileId, user, (record) => {
    if (record.checkOut?.holder !== user.userId) {
      const holder = record.checkOut?.holderName;
      throw new CheckOutRefusedError(
        holder === undefined ? 'The file is not checked out' : `The file is checked out by ${holder}`,
        record,
      );
    }
    // Kept on the version and in the activity list, so bounded like everything else the item holds.
    const kept = description?.slice(0, DESCRIPTION_KEPT_CHARS);
    const content = kept ? { ...record.content, description: kept } : record.content;
    return { rule: revisedWrite(record), checkOut: null, content, what: 'check-in', detail: kept };
  });
}

interface CheckOutChange {
  readonly rule: Rule;
  readonly checkOut: FileRecord['checkOut'] | null;
  readonly content?: FileRecord['content'];
  readonly what: 'check-out' | 'undo-check-out' | 'check-in';
  readonly detail?: string | undefined;
}

/** Reads, decides (`decide` throws a refusal, or says nothing is to change), writes; again if another write came. */
async function change(
  deps: CheckOutDeps,
  fileId: string,
  user: User,
  decide: (record: FileRecord) => CheckOutChange | undefined,
): Promise<FileRecord> {
  for (let attempt = 1; ; attempt++) {
    const record = await visibleFile(deps, fileId, user);
    const planned = decide(record);
    if (planned === undefined) return record;
    const entry = {
      at: deps.now,
      by: user.userId,
      what: planned.what,
      ...(planned.detail && { detail: planned.detail }),
    };
    const next = {
      checkOut: planned.checkOut,
      ...(planned.content && { content: planned.content }),
      activity: withActivity(record.activity, entry),
      rev: record.rev + 1,
    };
    const result = await deps.files.update(fileId, planned.rule, next, deps.now, { returnRecord: true });
    if (result.applied) return result.record ?? record;
    // The next read decides again, and refuses if the new state does not allow the change.
    if (attempt === ATTEMPTS) throw new CheckOutRefusedError('The file kept changing; try again', result.current);
  }
}
