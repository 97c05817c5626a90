// Where contents live in the bucket, stated once: the saves write these keys, the sweep reads them back, and the
// stack grants and expires by these prefixes.
import { createHash, randomUUID } from 'node:crypto';

/** A file's contents (current and earlier versions): files/<fileId>/<uuid>. */
export const CONTENT_PREFIX = 'files/';
/** Refused saves kept for their owner: recovery/<fileId>/<copyId>. */
export const RECOVERY_PREFIX = 'recovery/';
/** Every prefix whose keys name a file, in the order the sweep lists them. */
export const FILE_KEY_PREFIXES = [CONTENT_PREFIX, RECOVERY_PREFIX] as const;

/** A key no save has used before, so an upload never overwrites content a record points at. */
export function newContentKey(fileId: string): string {
  return `${CONTENT_PREFIX}${fileId}/${randomUUID()}`;
}

export function recoveryKey(fileId: string, copyId: string): string {
  return `${RECOVERY_PREFIX}${fileId}/${copyId}`;
}

const keyPattern = /^(?:files|recovery)\/([^/]+)\/[^/]+$/;

/** The file a key of ours belongs to, or undefined for a key this layout did not make. */
export function fileIdOfKey(key: string): string | undefined {
  return keyPattern.exec(key)?.[1];
}

/** CheckFileInfo SHA256: "a 256 bit SHA-2-encoded hash of the file contents, as a Base64-encoded string". */
export function sha256Base64(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
