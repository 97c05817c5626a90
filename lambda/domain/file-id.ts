// File ids are URL safe, as the spec asks, and unguessable, so an id alone reveals nothing.
import { randomBytes } from 'node:crypto';

export function newFileId(): string {
  return randomBytes(16).toString('base64url');
}
