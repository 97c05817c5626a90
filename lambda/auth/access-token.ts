// WOPI access tokens: HS256 JWTs naming one user and what they are for (one file, one container, or the user's
// ecosystem), with a ceiling on the rights. What the user may do is read from the file's or the folders' items on
// every request (domain/access.ts, domain/folders.ts); the token never grants more than that.
import type { Rights } from '../domain/access';
import { UnauthorizedError } from '../domain/errors';
import { type FileJwtAudience, signFileJwt, verifyFileJwt } from './file-jwt';

export type { Rights };

/**
 * What a token is for. Each kind has its own audience, so a file's token never opens a container route, a
 * container's never a file route, and neither the ecosystem's.
 */
export type TokenScope =
  | { readonly kind: 'file'; readonly id: string }
  | { readonly kind: 'container'; readonly id: string }
  /** The user's own ecosystem (their root container, their files by id): no item of its own. */
  | { readonly kind: 'ecosystem' };

/** What a verified token says of its bearer: who acts, with at most which rights, until when. */
export interface TokenGrant {
  readonly userId: string;
  readonly userName: string;
  readonly rights: Rights;
  /** Epoch milliseconds; CheckFileInfo and the host page's access_token_ttl use it. */
  readonly expiresAt: number;
}

/** A file token's grant. */
export interface AccessGrant extends TokenGrant {
  readonly fileId: string;
}

const audienceOf = { file: 'wopi', container: 'wopi-container', ecosystem: 'wopi-ecosystem' } as const satisfies Record<
  TokenScope['kind'],
  FileJwtAudience
>;

const itemIdOf = (scope: TokenScope) => (scope.kind === 'ecosystem' ? '' : scope.id);

/** Mints a token for `scope` for `ttlSeconds`, never past `notAfter` (the expiry of the credential that asked). */
export async function mintScopedToken(
  secret: Uint8Array,
  scope: TokenScope,
  grant: Omit<TokenGrant, 'expiresAt'>,
  ttlSeconds: number,
  now: number = Date.now(),
  notAfter?: number,
): Promise<{ token: string; expiresAt: number }> {
  const claims = {
    fileId: itemIdOf(scope),
    userId: grant.userId,
    extra: { name: grant.userName, rights: grant.rights },
  };
  const { jwt, expiresAt } = await signFileJwt(secret, audienceOf[scope.kind], claims, ttlSeconds, now, notAfter);
  return { token: jwt, expiresAt };
}

/** A file token (mintScopedToken for one file). */
export function mintAccessToken(
  secret: Uint8Array,
  grant: Omit<AccessGrant, 'expiresAt'>,
  ttlSeconds: number,
  now: number = Date.now(),
  notAfter?: number,
): Promise<{ token: string; expiresAt: number }> {
  return mintScopedToken(secret, { kind: 'file', id: grant.fileId }, grant, ttlSeconds, now, notAfter);
}

/** The grant of a token that is valid at `now` for `scope`, or UnauthorizedError saying why not. */
export async function verifyScopedToken(
  secret: Uint8Array,
  token: string | undefined,
  scope: TokenScope,
  now: number = Date.now(),
  maxAgeSeconds?: number,
): Promise<TokenGrant> {
  if (token === undefined || token === '') throw new UnauthorizedError('access_token is missing');
  const audience = audienceOf[scope.kind];
  const payload = await verifyFileJwt(secret, audience, token, itemIdOf(scope), now, 'access_token', maxAgeSeconds);
  const { sub, name, rights, exp } = payload;
  if (rights !== 'read' && rights !== 'write') throw new UnauthorizedError('access_token has malformed claims');
  return { userId: sub, userName: typeof name === 'string' ? name : sub, rights, expiresAt: exp * 1000 };
}

/** The grant of a file token (verifyScopedToken for one file). */
export async function verifyAccessToken(
  secret: Uint8Array,
  token: string | undefined,
  fileId: string,
  now: number = Date.now(),
  maxAgeSeconds?: number,
): Promise<AccessGrant> {
  return { fileId, ...(await verifyScopedToken(secret, token, { kind: 'file', id: fileId }, now, maxAgeSeconds)) };
}
