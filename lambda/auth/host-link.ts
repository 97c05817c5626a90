// Short-lived links to the host page (GET /host/files/{id}?link=...): printed by the CLI, or handed out as
// CheckFileInfo's HostViewUrl/HostEditUrl. A JWT with the access tokens' key and shape but its own audience
// (file-jwt.ts), carrying a rights ceiling and, when made from an access token, that token's expiry, which every
// token the page mints from the link keeps.
import type { Rights } from '../domain/access';
import { signFileJwt, verifyFileJwt } from './file-jwt';

/** Long enough to paste into a browser; the page then mints the WOPI access token that lasts the session. */
export const HOST_LINK_TTL_SECONDS = 10 * 60;

export interface HostLinkGrant {
  readonly fileId: string;
  readonly userId: string;
  /** The most the page opens the file for: 'read' opens the view action even for an editor. */
  readonly rights: Rights;
  /** Epoch ms: no token made from this link may outlive it (the access token the link was made from). */
  readonly notAfter?: number;
}

export async function mintHostLink(
  secret: Uint8Array,
  grant: HostLinkGrant,
  now: number = Date.now(),
  ttlSeconds: number = HOST_LINK_TTL_SECONDS,
): Promise<{ link: string; expiresAt: number }> {
  const extra = { rights: grant.rights, ...(grant.notAfter !== undefined && { oexp: grant.notAfter }) };
  const claims = { fileId: grant.fileId, userId: grant.userId, extra };
  const { jwt, expiresAt } = await signFileJwt(secret, 'host-page', claims, ttlSeconds, now, grant.notAfter);
  return { link: jwt, expiresAt };
}

/** The grant of a link that is valid at `now` for `fileId`, or UnauthorizedError saying why not. */
export async function verifyHostLink(
  secret: Uint8Array,
  link: string,
  fileId: string,
  now: number,
): Promise<HostLinkGrant> {
  const payload = await verifyFileJwt(secret, 'host-page', link, fileId, now, 'The link');
  // Links from before rights were carried opened by the user's role; 'write' keeps that, the file's role still caps it.
  const rights: Rights = payload.rights === 'read' ? 'read' : 'write';
  return {
    fileId,
    userId: payload.sub,
    rights,
    ...(typeof payload.oexp === 'number' && { notAfter: payload.oexp }),
  };
}
