// WOPI access tokens: HS256 JWTs naming one user and one file, with a ceiling on the rights. What the user may do
// is read from the file's record on every request (domain/access.ts); the token never grants more than that.
import type { Rights } from '../domain/access';
import { UnauthorizedError } from '../domain/errors';
import { signFileJwt, verifyFileJwt } from './file-jwt';

export type { Rights };

/** What a verified token says: who acts, on which file, with at most which rights, until when. */
export interface AccessGrant {
  readonly fileId: string;
  readonly userId: string;
  readonly userName: string;
  readonly rights: Rights;
  /** Epoch milliseconds; CheckFileInfo and the host page's access_token_ttl use it. */
  readonly expiresAt: number;
}

/** Mints a token for `ttlSeconds`, never past `notAfter` (the expiry of the credential that asked for it). */
export async function mintAccessToken(
  secret: Uint8Array,
  grant: Omit<AccessGrant, 'expiresAt'>,
  ttlSeconds: number,
  now: number = Date.now(),
  notAfter?: number,
): Promise<{ token: string; expiresAt: number }> {
  const claims = { fileId: grant.fileId, userId: grant.userId, extra: { name: grant.userName, rights: grant.rights } };
  const { jwt, expiresAt } = await signFileJwt(secret, 'wopi', claims, ttlSeconds, now, notAfter);
  return { token: jwt, expiresAt };
}

/** The grant of a token that is valid at `now` for `fileId`, or UnauthorizedError saying why not. */
export async function verifyAccessToken(
  secret: Uint8Array,
  token: string | undefined,
  fileId: string,
  now: number = Date.now(),
  maxAgeSeconds?: number,
): Promise<AccessGrant> {
  if (token === undefined || token === '') throw new UnauthorizedError('access_token is missing');
  const payload = await verifyFileJwt(secret, 'wopi', token, fileId, now, 'access_token', maxAgeSeconds);
  const { sub, name, rights, exp } = payload;
  if (rights !== 'read' && rights !== 'write') throw new UnauthorizedError('access_token has malformed claims');
  return { fileId, userId: sub, userName: typeof name === 'string' ? name : sub, rights, expiresAt: exp * 1000 };
}
