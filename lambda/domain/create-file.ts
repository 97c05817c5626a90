// Adding a new file: claim its name and its document number, count its bytes against the owner's quota, store them
// under a fresh key, then the record that points at them. A crash after any step leaves nothing that resolves to the
// wrong file: an unfinished claim is stale (names.ts, numbers.ts), an unreferenced object is the orphan sweep's, a
// count too high its recount's.

import { newContentKey, sha256Base64 } from './content-keys';
import { deleteQuietly } from './contents';
import { FileNameTakenError } from './errors';
import { newFileId } from './file-id';
import { candidateNames, extensionOf, sanitizeFileName, validateFileName, withoutExtension } from './file-name';
import type { FileRecord } from './file-record';
import { rootFolderId } from './folder-record';
import { claimName, fileNamespace, type Holder, type NameDeps, releaseName } from './names';
import { claimNumber, type NumberDeps } from './numbers';
import type { ContentStore, FileStore, NameClaims } from './ports';
import type { Quota } from './quota';

export interface NewFile {
  readonly name: string;
  readonly ownerId: string;
  /** The folder it goes in (one of the owner's tree); absent: the owner's root. */
  readonly folderId?: string | undefined;
  readonly bytes: Uint8Array;
  /** Who sent the bytes; the owner when omitted. */
  readonly createdBy?: string;
}

export interface CreateStores extends NumberDeps, NameDeps {
  readonly files: FileStore;
  readonly contents: ContentStore;
  readonly names: NameClaims;
  readonly quota: Quota;
}

// After this many "name (n)" tries a free name is made unique with part of the new id.
const NAME_TRIES = 20;

/**
 * Creates the file. A taken name throws FileNameTakenError, unless `pickFreeName` lets the host choose
 * "name (2).ext" and so on, as PutRelativeFile's SuggestedTarget mode requires.
 */
export async function createFile(
  stores: CreateStores,
  file: NewFile,
  now: number,
  pickFreeName = false,
): Promise<FileRecord> {
  const fileId = newFileId();
  const size = file.bytes.byteLength;
  const content = { contentKey: newContentKey(fileId), size, sha256: sha256Base64(file.bytes) };
  return recordFile(stores, fileId, file, content, now, pickFreeName, {
    count: () => stores.quota.take(file.ownerId, size, now),
    store: () => stores.contents.put(content.contentKey, file.bytes),
    undo: async () => {
      await Promise.all([
        deleteQuietly(stores.contents, content.contentKey),
        stores.quota.free(file.ownerId, size, now),
      ]);
    },
  });
}

/** Bytes already stored under a key of the file's own, and what they are. */
export interface StoredContent {
  readonly contentKey: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Creates the record of a file whose bytes were uploaded (and counted against the quota) beforehand, straight to the
 * bucket. A failure leaves the bytes and their count to the orphan sweep and its recount, so the upload may be
 * committed again.
 */
export function recordUploadedFile(
  stores: Omit<CreateStores, 'contents' | 'quota'>,
  fileId: string,
  file: Omit<NewFile, 'bytes'>,
  content: StoredContent,
  now: number,
): Promise<FileRecord> {
  const nothing = async () => undefined;
  return recordFile(stores, fileId, file, content, now, false, { count: nothing, store: nothing, undo: nothing });
}

/** How a new file's bytes are counted and stored, and taken back when the record cannot be made. */
interface ContentSteps {
  count(): Promise<void>;
  store(): Promise<void>;
  undo(): Promise<void>;
}

async function recordFile(
  stores: Omit<CreateStores, 'contents' | 'quota'>,
  fileId: string,
  file: Omit<NewFile, 'bytes'>,
  content: StoredContent,
  now: number,
  pickFreeName: boolean,
  steps: ContentSteps,
): Promise<FileRecord> {
  // A file in its owner's root names no folder, as every file made before folders existed.
  const inRoot = file.folderId === undefined || file.folderId === rootFolderId(file.ownerId);
  const folder = inRoot ? {} : { folderId: file.folderId };
  const namespace = fileNamespace({ ownerId: file.ownerId, ...folder });
  const name = await claimFreeName(stores, namespace, validateFileName(file.name), fileId, now, pickFreeName);
  const createdBy = file.createdBy ?? file.ownerId;
  let docNo: number | undefined;
  try {
    await steps.count();
  } catch (error) {
    await releaseName(stores, namespace, name, fileId);
    throw error;
  }
  try {
    docNo = await claimNumber(stores, 'docno', fileId);
    await steps.store();
    const record: FileRecord = {
      fileId,
      name,
      ownerId: file.ownerId,
      ...folder,
      content: { version: 1, ...content, modifiedAt: now, modifiedBy: createdBy },
      versions: [],
      access: { [file.ownerId]: 'owner' },
      rev: 1,
      activity: [{ at: now, by: createdBy, what: 'create', detail: name }],
      docNo,
    };
    // 128 random bits: a collision is a bug, not a user error.
    if (!(await stores.files.create(record))) throw new Error(`File id ${fileId} already exists`);
    return record;
  } catch (error) {
    await Promise.all([
      steps.undo(),
      releaseName(stores, namespace, name, fileId),
      docNo !== undefined && stores.numbers.release('docno', docNo, fileId),
    ]);
    throw error;
  }
}

async function claimFreeName(
  stores: NameDeps,
  namespace: string,
  name: string,
  fileId: string,
  now: number,
  pickFreeName: boolean,
): Promise<string> {
  const candidates = pickFreeName ? [...candidateNames(name, NAME_TRIES)] : [name];
  for (const candidate of candidates) {
    const result = await claimName(stores, namespace, candidate, fileId, now);
    if (result.claimed) return candidate;
    if (!pickFreeName) throw new FileNameTakenError(candidate, fileIdOf(result.holder));
  }
  const fallback = sanitizeFileName(`${withoutExtension(name)} ${fileId.slice(0, 8)}${extensionOf(name)}`, name);
  const result = await claimName(stores, namespace, fallback, fileId, now);
  if (!result.claimed) throw new FileNameTakenError(fallback, fileIdOf(result.holder));
  return fallback;
}

function fileIdOf(holder: Holder | undefined): string | undefined {
  return holder?.kind === 'file' ? holder.record.fileId : undefined;
}
