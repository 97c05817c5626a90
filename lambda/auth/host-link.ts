// Short-lived links to the host page (GET /host/files/{id}?link=...), printed by the CLI: an HS256 JWT with the
// access tokens' key but its own audience, so a link is never a WOPI access token and a token never a link.
import { errors, jwtVerify, SignJWT } from 'jose';
import { UnauthorizedError } from '../domain/errors';

const issuer = 'wopi-host';
const audience = 'host-page';

/** Long enough to paste into a browser; the page then mints the WOPI access token that lasts the session. */
export const HOST_LINK_TTL_SECONDS = 10 * 60;

export interface HostLinkGrant {
  readonly fileId: string;
  readonly userId: string;
}

export async function mintHostLink(
  secret: Uint8Array,
  grant: HostLinkGrant,
  now: number = Date.now(),
  ttlSeconds: number = HOST_LINK_TTL_SECONDS,
): Promise<{ link: string; expiresAt: number }> {
  const issuedAt = Math.floor(now / 1000);
  const link = await new SignJWT({ fid: grant.fileId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(grant.userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(secret);
  return { link, expiresAt: (issuedAt + ttlSeconds) * 1000 };
}

/** The user id of a link that is valid at `now` for `fileId`, or UnauthorizedError saying why not. */
export async function verifyHostLink(secret: Uint8Array, link: string, fileId: string, now: number): Promise<string> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(link, secret, {
      algorithms: ['HS256'],
      issuer,
      audience,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'fid'],
    }));
  } catch (error) {
    throw new UnauthorizedError(error instanceof errors.JWTExpired ? 'The link has expired' : 'The link is not valid');
  }
  if (payload.fid !== fileId) throw new UnauthorizedError('The link is for another file');
  if (typeof payload.sub !== 'string') throw new UnauthorizedError('The link has malformed claims');
  return payload.sub;
}
