// CheckFileInfo's FileUrl: a link to GET /download/files/{id} that names one user and one file and expires soon.
// The WOPI docs let a client fetch FileUrl instead of GetFile, at any time in the session, and forbid it to add the
// access token or proofs; so the link is a credential of its own (file-jwt.ts), which opens only the file's current
// bytes, and the user's role is read from the file at each download, as GetFile does.
import { signFileJwt, verifyFileJwt } from './file-jwt';

export interface FileUrlGrant {
  readonly fileId: string;
  readonly userId: string;
}

/** For `ttlSeconds`, never past `notAfter` (epoch ms): the expiry of the access token CheckFileInfo was called with. */
export async function mintFileUrlLink(
  secret: Uint8Array,
  grant: FileUrlGrant,
  ttlSeconds: number,
  now: number,
  notAfter?: number,
): Promise<string> {
  const claims = { fileId: grant.fileId, userId: grant.userId };
  return (await signFileJwt(secret, 'file-url', claims, ttlSeconds, now, notAfter)).jwt;
}

/** The grant of a link valid at `now` for `fileId`, or UnauthorizedError saying why not. */
export async function verifyFileUrlLink(
  secret: Uint8Array,
  link: string | undefined,
  fileId: string,
  now: number,
): Promise<FileUrlGrant> {
  const payload = await verifyFileJwt(secret, 'file-url', link ?? '', fileId, now, 'The link');
  return { fileId, userId: payload.sub };
}
