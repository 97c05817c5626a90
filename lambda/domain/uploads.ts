// Uploads that go straight to the bucket, so no request body limit applies: the host hands out a URL to PUT the bytes
// to, under a key no save used before (files/<fileId>/<uuid>), and creates the file's record only when the client
// commits, after reading the object back. The bytes are counted against the quota when the URL is handed out (they
// may be stored from then on); an upload never committed is the orphan sweep's, and its count the sweep's recount's.
import { newContentKey } from './content-keys';
import { type CreateStores, recordUploadedFile } from './create-file';
import { BadRequestError, ConflictError, FileNameTakenError, PayloadTooLargeError } from './errors';
import { newFileId } from './file-id';
import { validateFileName } from './file-name';
import type { FileRecord } from './file-record';
import { fileNamespace, nameIsFree } from './names';

/** S3's largest single PUT. */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

/** What an upload was planned as; the commit takes it back from a signed ticket, so a client cannot change it. */
export interface PlannedUpload {
  readonly fileId: string;
  readonly contentKey: string;
  readonly name: string;
  readonly ownerId: string;
  /** The folder it goes in (absent: the owner's root). */
  readonly folderId?: string | undefined;
  /** Who uploads it: the owner, or an editor of the folder it goes in. */
  readonly createdBy: string;
  readonly size: number;
  /** Base64 SHA-256 the client declared, checked at the commit. */
  readonly sha256?: string | undefined;
}

const SHA256_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/** Checks what the client means to upload and counts it against the owner's quota. */
export async function planUpload(
  stores: Pick<CreateStores, 'files' | 'names' | 'quota'>,
  upload: Omit<PlannedUpload, 'fileId' | 'contentKey'>,
  now: number,
): Promise<PlannedUpload> {
  const name = validateFileName(upload.name);
  if (!Number.isSafeInteger(upload.size) || upload.size < 0) {
    throw new BadRequestError('size must be the number of bytes to upload');
  }
  if (upload.size > MAX_UPLOAD_BYTES) {
    throw new PayloadTooLargeError(`The upload is ${upload.size} bytes; this host accepts ${MAX_UPLOAD_BYTES}`);
  }
  if (upload.sha256 !== undefined && !SHA256_BASE64.test(upload.sha256)) {
    throw new BadRequestError('sha256 must be the base64 SHA-256 of the bytes');
  }
  // Refused before any byte moves; the commit claims the name for good.
  if (!(await nameIsFree(stores, fileNamespace(upload), name, now))) throw new FileNameTakenError(name, undefined);
  await stores.quota.take(upload.ownerId, upload.size, now);
  const fileId = newFileId();
  return { ...upload, name, fileId, contentKey: newContentKey(fileId) };
}

/**
 * Creates the file from its uploaded bytes, once they are what was planned. Committing again what was committed
 * answers the same file.
 */
export async function commitUpload(
  stores: Omit<CreateStores, 'quota'>,
  upload: PlannedUpload,
  now: number,
): Promise<FileRecord> {
  const existing = await stores.files.get(upload.fileId);
  if (existing !== undefined) {
    if (existing.content.contentKey === upload.contentKey && existing.ownerId === upload.ownerId) return existing;
    throw new ConflictError(`File ${upload.fileId} exists already`);
  }
  const stored = await stores.contents.digest(upload.contentKey);
  if (stored === undefined) throw new ConflictError('Nothing was uploaded to the upload URL yet');
  if (stored.size !== upload.size) {
    throw new BadRequestError(`The upload is ${stored.size} bytes, not the ${upload.size} it was planned as`);
  }
  if (upload.sha256 !== undefined && stored.sha256 !== upload.sha256) {
    throw new BadRequestError('The uploaded bytes do not have the SHA-256 the upload was planned with');
  }
  const { name, ownerId, folderId, createdBy } = upload;
  const file = { name, ownerId, folderId, createdBy };
  return recordUploadedFile(stores, upload.fileId, file, { contentKey: upload.contentKey, ...stored }, now);
}
