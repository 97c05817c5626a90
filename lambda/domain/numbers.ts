// Stable int32 numbers: a document number per file and an associate number per user, which the DocSpace and
// SuperOffice APIs address them by. There is no counter every creation would contend on: a random number is claimed
// by a conditional put of its own claim item and drawn again on a collision. A claim is trusted only while its
// holder's record carries the number, so a claim left behind (a crash between claim and record, a lazy numbering
// that lost its race and could not give its claim back) names nothing.
import { randomInt } from 'node:crypto';
import { visibleFile } from './check-out';
import { fact } from './conditions';
import { NotFoundError } from './errors';
import { isFileId } from './file-id';
import type { FileRecord } from './file-record';
import type { FileStore, FolderStore, NumberClaims, NumberKind } from './ports';
import type { User, UserStore } from './users';

/** int32's largest value: both vendors' ids are int32, and 0 means "nobody" in SuperOffice's AssociateId. */
export const MAX_NUMBER = 2 ** 31 - 1;

// With 2^31 numbers a collision is rare; this many in a row means the space is nearly full, which is a bug.
const ATTEMPTS = 32;

export interface NumberDeps {
  readonly numbers: NumberClaims;
  /** A number in 1..MAX_NUMBER; tests shrink the space to force collisions. */
  readonly drawNumber?: () => number;
}

function randomNumber(): number {
  return randomInt(1, MAX_NUMBER + 1);
}

/** A number nobody holds, now claimed for `holder`. */
export async function claimNumber(deps: NumberDeps, kind: NumberKind, holder: string): Promise<number> {
  const draw = deps.drawNumber ?? randomNumber;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const n = draw();
    if (await deps.numbers.claim(kind, n, holder)) return n;
  }
  throw new Error(`No free ${kind} number after ${ATTEMPTS} draws`);
}

/** `text` as a number this host could have issued: canonical decimal digits, 1..MAX_NUMBER; else undefined. */
export function parseNumber(text: string): number | undefined {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= MAX_NUMBER ? n : undefined;
}

export type DocumentDeps = NumberDeps & { readonly files: FileStore; readonly folders: FolderStore };

/**
 * The file's document number; a file made before numbers gets one now. Two racing requests agree: the first write
 * wins (the record must still have none), and the loser gives its claim back.
 */
export async function documentNumberOf(deps: DocumentDeps, record: FileRecord, now: number): Promise<number> {
  if (record.docNo !== undefined) return record.docNo;
  const n = await claimNumber(deps, 'docno', record.fileId);
  const result = await deps.files.update(record.fileId, fact({ kind: 'numberless' }), { docNo: n }, now);
  if (result.applied) return n;
  await deps.numbers.release('docno', n, record.fileId);
  const kept = result.current?.docNo;
  if (kept === undefined) throw new NotFoundError(`File ${record.fileId} does not exist`);
  return kept;
}

/**
 * The file a vendor API's {documentId} names, as `user` may see it (404 otherwise): all digits is a document number;
 * anything else is still one of our string ids (newFileId never makes an all-digit one).
 */
export async function addressedFile(deps: DocumentDeps, documentId: string, user: User): Promise<FileRecord> {
  const fileId = /^[0-9]+$/.test(documentId) ? await fileIdOfNumber(deps, documentId) : documentId;
  if (fileId === undefined || !isFileId(fileId)) throw new NotFoundError(`No document ${documentId}`);
  return visibleFile(deps, fileId, user);
}

/** The file holding the document number, if any: a claim whose file does not carry the number is stale. */
async function fileIdOfNumber(deps: DocumentDeps, text: string): Promise<string | undefined> {
  const n = parseNumber(text);
  const holder = n === undefined ? undefined : await deps.numbers.holder('docno', n);
  if (holder === undefined) return undefined;
  return (await deps.files.get(holder))?.docNo === n ? holder : undefined;
}

export type AssociateDeps = NumberDeps & { readonly users: UserStore };

/** Creates the user with an associate number of their own; undefined when a user with this id exists already. */
export async function addUser(deps: AssociateDeps, user: User): Promise<User | undefined> {
  const associateId = await claimNumber(deps, 'assoc', user.userId);
  const created = { ...user, associateId };
  if (await deps.users.createUser(created)) return created;
  await deps.numbers.release('assoc', associateId, user.userId);
  return undefined;
}

/** The user's associate number; a user made before numbers gets one now, agreed on as documentNumberOf does. */
export async function associateNumberOf(deps: AssociateDeps, user: User): Promise<number> {
  if (user.associateId !== undefined) return user.associateId;
  const n = await claimNumber(deps, 'assoc', user.userId);
  const kept = await deps.users.setAssociateId(user.userId, n);
  if (kept !== n) await deps.numbers.release('assoc', n, user.userId);
  if (kept === undefined) throw new NotFoundError(`No user ${user.userId}`);
  return kept;
}
