// File ids are URL safe, as the spec asks, and unguessable, so an id alone reveals nothing.
import { randomBytes } from 'node:crypto';

/**
 * 128 random bits as 22 base64url characters. One draw in 64 starts with "-", which command lines read as an
 * option; it is drawn again, which leaves 127.98 bits of the 128. None is ever all digits, which the DocSpace and
 * SuperOffice routes read as a document number: the last character holds the last 2 bits and 4 zero bits, so it is
 * one of A, Q, g and w.
 */
export function newFileId(): string {
  for (;;) {
    const fileId = randomBytes(16).toString('base64url');
    if (!fileId.startsWith('-')) return fileId;
  }
}

// What newFileId makes (22 base64url characters), with room for ids given by an import; nothing else names a file.
const fileIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

export function isFileId(text: string): boolean {
  return fileIdPattern.test(text);
}

/** Shaped like an id newFileId makes, or made before it kept ids from starting with "-". */
export function isGeneratedFileId(text: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(text);
}
