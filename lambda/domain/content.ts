// Facts about a file's bytes that the WOPI properties need, and where each complete content lives.
import { createHash, randomUUID } from 'node:crypto';

/** CheckFileInfo SHA256: "a 256 bit SHA-2-encoded hash of the file contents, as a Base64-encoded string". */
export function sha256Base64(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** A key no save has used before, so an upload never overwrites content a record points at. */
export function newContentKey(fileId: string): string {
  return `files/${fileId}/${randomUUID()}`;
}
