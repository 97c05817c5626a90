// File ids are URL safe, as the spec asks, and unguessable, so an id alone reveals nothing.
import { randomBytes } from 'node:crypto';

export function newFileId(): string {
  return randomBytes(16).toString('base64url');
}

// What newFileId makes (22 base64url characters), with room for ids given by an import; nothing else names a file.
const fileIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

export function isFileId(text: string): boolean {
  return fileIdPattern.test(text);
}
