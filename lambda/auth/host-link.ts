// Short-lived links to the host page (GET /host/files/{id}?link=...), printed by the CLI: a JWT with the access
// tokens' key and shape but its own audience (file-jwt.ts).
import { signFileJwt, verifyFileJwt } from './file-jwt';

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
  const { jwt, expiresAt } = await signFileJwt(secret, 'host-page', grant, ttlSeconds, now);
  return { link: jwt, expiresAt };
}

/** The user id of a link that is valid at `now` for `fileId`, or UnauthorizedError saying why not. */
export async function verifyHostLink(secret: Uint8Array, link: string, fileId: string, now: number): Promise<string> {
  return (await verifyFileJwt(secret, 'host-page', link, fileId, now, 'The link')).sub;
}
