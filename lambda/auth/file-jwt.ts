// The one shape this host's signed credentials share: an HS256 JWT naming a user (sub) and one item (fid: a file, a
// container, or none for the ecosystem), told apart by audience, so a host-page link is never an access token, an
// access token never a link, a token for one kind of item never one for another, a FileUrl link opens nothing but
// the file's bytes, and an upload ticket is none of them.
import { createHmac, webcrypto } from 'node:crypto';
import { errors, type JWTPayload, jwtVerify } from 'jose';
import { UnauthorizedError } from '../domain/errors';

const issuer = 'wopi-host';

// jose imports a raw secret into WebCrypto on every call, about half of what verifying a token costs; the key is
// imported once per secret (a container keeps its secret, so once per container) and reused for verifying.
const hmacKeys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>();

function hmacKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  let key = hmacKeys.get(secret);
  if (key === undefined) {
    key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    hmacKeys.set(secret, key);
  }
  return key;
}

export type FileJwtAudience = 'wopi' | 'wopi-container' | 'wopi-ecosystem' | 'host-page' | 'file-url' | 'upload';

/** What each audience's `fid` names, in refusals. */
const itemOf: Readonly<Record<FileJwtAudience, string>> = {
  wopi: 'file',
  'wopi-container': 'container',
  'wopi-ecosystem': 'ecosystem',
  'host-page': 'file',
  'file-url': 'file',
  upload: 'file',
};

// An editing session sends the same token with every request, and WebCrypto's HMAC costs about 60 µs of CPU a call
// (node:crypto's, which jose cannot use, about 8). A token this container has verified is known by its exact string,
// signature included, so its signature is not checked again; its expiry, file and age still are, at each request.
// Kept per secret (a new secret verifies afresh) and bounded, the oldest forgotten first.
const VERIFIED_KEPT = 1000;
const verifiedBySecret = new WeakMap<Uint8Array, Map<string, JWTPayload>>();

function verifiedTokens(secret: Uint8Array): Map<string, JWTPayload> {
  let verified = verifiedBySecret.get(secret);
  if (verified === undefined) {
    verified = new Map();
    verifiedBySecret.set(secret, verified);
  }
  return verified;
}

async function verifiedPayload(
  secret: Uint8Array,
  audience: FileJwtAudience,
  jwt: string,
  now: number,
  label: string,
): Promise<JWTPayload> {
  const verified = verifiedTokens(secret);
  const cacheKey = `${audience} ${jwt}`;
  const known = verified.get(cacheKey);
  if (known !== undefined) {
    // jose's rule for exp, as it applied it when the token was first verified.
    if (typeof known.exp === 'number' && known.exp <= Math.floor(now / 1000)) {
      throw new UnauthorizedError(`${label} has expired`);
    }
    return known;
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jwt, await hmacKey(secret), {
      algorithms: ['HS256'],
      issuer,
      audience,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'iat', 'fid'],
    }));
  } catch (error) {
    throw new UnauthorizedError(`${label} ${refusalOf(error, audience)}`);
  }
  if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value as string);
  verified.set(cacheKey, payload);
  return payload;
}

export interface FileJwtClaims {
  readonly fileId: string;
  readonly userId: string;
  /** Claims of the credential's own (e.g. rights). */
  readonly extra?: Record<string, unknown>;
}

// Signed here rather than with jose's SignJWT, which goes through WebCrypto: an async job of about 85 µs of CPU a
// signature, against 9 for node:crypto's HMAC, and CheckFileInfo signs a link for each of its host-page URLs. The
// compact HS256 form is that of RFC 7515; jose verifies every token (verifiedPayload), and the tests check that what
// is signed here verifies there.
const protectedHeader = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

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
  // The extra claims first, so they never replace the registered ones; Object.assign, not a spread (file-info.ts).
  const payload = Object.assign({}, claims.extra, {
    fid: claims.fileId,
    sub: claims.userId,
    iss: issuer,
    aud: audience,
    iat: issuedAt,
    exp: expiresAtSeconds,
  });
  const signingInput = `${protectedHeader}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const jwt = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
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
  const payload = await verifiedPayload(secret, audience, jwt, now, label);
  if (payload.fid !== fileId) throw new UnauthorizedError(`${label} is for another ${itemOf[audience]}`);
  const { sub, exp, iat } = payload;
  if (typeof sub !== 'string' || typeof exp !== 'number' || typeof iat !== 'number') {
    throw new UnauthorizedError(`${label} has malformed claims`);
  }
  // Only the age is checked here: an issue time slightly ahead is another container's clock, and exp bounds it.
  if (maxAgeSeconds !== undefined && now / 1000 - iat > maxAgeSeconds)
    throw new UnauthorizedError(`${label} is too old`);
  return { ...payload, sub, exp, iat };
}

const wopiTokenKind = new Map<string, string>([
  ['wopi', "a file's token"],
  ['wopi-container', "a container's token"],
  ['wopi-ecosystem', 'an ecosystem token'],
]);

/**
 * Why jose refused it. A WOPI token of another kind is named (its signature was verified before its audience), so
 * a client that sends a file's token to a container route learns which token it should have sent.
 */
function refusalOf(error: unknown, audience: FileJwtAudience): string {
  if (error instanceof errors.JWTExpired) return 'has expired';
  const sent =
    error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud' ? error.payload.aud : undefined;
  const sentKind = typeof sent === 'string' ? wopiTokenKind.get(sent) : undefined;
  const wantedKind = wopiTokenKind.get(audience);
  return sentKind && wantedKind ? `is ${sentKind}, not ${wantedKind}` : 'is not valid';
}
