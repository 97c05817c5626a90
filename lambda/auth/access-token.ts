// WOPI access tokens: HS256 JWTs scoped to one file, one user and a set of rights.
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Rights } from '../domain/access';
import { UnauthorizedError } from '../domain/errors';

export type { Rights };

/** What a verified token allows: who acts, on which file, with which rights, until when. */
export interface AccessGrant {
  readonly fileId: string;
  readonly userId: string;
  readonly userName: string;
  readonly rights: Rights;
  /** Epoch milliseconds; CheckFileInfo and the host page's access_token_ttl use it. */
  readonly expiresAt: number;
}

const issuer = 'wopi-host';
const audience = 'wopi';

export async function mintAccessToken(
  secret: Uint8Array,
  grant: Omit<AccessGrant, 'expiresAt'>,
  ttlSeconds: number,
  now: number = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  const issuedAt = Math.floor(now / 1000);
  const expiresAtSeconds = issuedAt + ttlSeconds;
  const token = await new SignJWT({ fid: grant.fileId, name: grant.userName, rights: grant.rights })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(grant.userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAtSeconds)
    .sign(secret);
  return { token, expiresAt: expiresAtSeconds * 1000 };
}

/** The grant of a token that is valid at `now` for `fileId`, or UnauthorizedError saying why not. */
export async function verifyAccessToken(
  secret: Uint8Array,
  token: string | undefined,
  fileId: string,
  now: number = Date.now(),
): Promise<AccessGrant> {
  if (token === undefined || token === '') throw new UnauthorizedError('access_token is missing');
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer,
      audience,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'fid'],
    }));
  } catch (error) {
    const why = error instanceof errors.JWTExpired ? 'access_token has expired' : 'access_token is not valid';
    throw new UnauthorizedError(why);
  }
  const { sub, fid, name, rights, exp } = payload as Record<string, unknown>;
  if (fid !== fileId) throw new UnauthorizedError('access_token is for another file');
  if (typeof sub !== 'string' || (rights !== 'read' && rights !== 'write') || typeof exp !== 'number') {
    throw new UnauthorizedError('access_token has malformed claims');
  }
  return { fileId, userId: sub, userName: typeof name === 'string' ? name : sub, rights, expiresAt: exp * 1000 };
}
