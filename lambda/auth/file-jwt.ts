// The one shape this host's signed credentials share: an HS256 JWT naming a user (sub) and one file (fid), told
// apart by audience, so a host-page link is never an access token, an access token never a link, a FileUrl link
// opens nothing but the file's bytes, and an upload ticket is none of them.
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { UnauthorizedError } from '../domain/errors';

const issuer = 'wopi-host';

export type FileJwtAudience = 'wopi' | 'host-page' | 'file-url' | 'upload';

export interface FileJwtClaims {
  readonly fileId: string;
  readonly userId: string;
  /** Claims of the credential's own (e.g. rights). */
  readonly extra?: Record<string, unknown>;
}

/**
 * Signs for `ttlSeconds`, but never past `notAfter` (epoch ms): a credential made from another one expires no later
 * than the one that asked for it, so tokens cannot renew themselves by trading.
 */
export async function signFileJwt(
  secret: Uint8Array,
  audience: FileJwtAudience,
  claims: FileJwtClaims,
  ttlSeconds: number,
  now: number,
  notAfter?: number,
): Promise<{ jwt: string; expiresAt: number }> {
  const issuedAt = Math.floor(now / 1000);
  const cap = notAfter === undefined ? Number.POSITIVE_INFINITY : Math.floor(notAfter / 1000);
  const expiresAtSeconds = Math.min(issuedAt + ttlSeconds, cap);
  const jwt = await new SignJWT({ ...claims.extra, fid: claims.fileId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAtSeconds)
    .sign(secret);
  return { jwt, expiresAt: expiresAtSeconds * 1000 };
}

/**
 * The payload of a JWT valid at `now` for `fileId` and this audience, issued no more than `maxAgeSeconds` ago, or
 * UnauthorizedError saying why not, in the words of `label` ("access_token", "The link").
 */
export async function verifyFileJwt(
  secret: Uint8Array,
  audience: FileJwtAudience,
  jwt: string,
  fileId: string,
  now: number,
  label: string,
  maxAgeSeconds?: number,
): Promise<JWTPayload & { sub: string; exp: number; iat: number }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jwt, secret, {
      algorithms: ['HS256'],
      issuer,
      audience,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'iat', 'fid'],
    }));
  } catch (error) {
    throw new UnauthorizedError(`${label} ${error instanceof errors.JWTExpired ? 'has expired' : 'is not valid'}`);
  }
  if (payload.fid !== fileId) throw new UnauthorizedError(`${label} is for another file`);
  const { sub, exp, iat } = payload;
  if (typeof sub !== 'string' || typeof exp !== 'number' || typeof iat !== 'number') {
    throw new UnauthorizedError(`${label} has malformed claims`);
  }
  // Only the age is checked here: an issue time slightly ahead is another container's clock, and exp bounds it.
  if (maxAgeSeconds !== undefined && now / 1000 - iat > maxAgeSeconds)
    throw new UnauthorizedError(`${label} is too old`);
  return { ...payload, sub, exp, iat };
}
