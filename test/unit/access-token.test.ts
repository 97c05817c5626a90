// auth/access-token.ts: HS256 JWTs scoped to one file, one user and rights; anything else is 401.
import { decodeProtectedHeader, jwtVerify, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { type AccessGrant, mintAccessToken, verifyAccessToken } from '../../lambda/auth/access-token';
import { verifyHostLink } from '../../lambda/auth/host-link';
import { UnauthorizedError } from '../../lambda/domain/errors';

const secret = new TextEncoder().encode('unit-test-secret-that-is-long-enough-for-hs256');
const now = Date.UTC(2026, 0, 1, 9, 0, 0);
const grant: Omit<AccessGrant, 'expiresAt'> = {
  fileId: 'file-1',
  userId: 'user-1',
  userName: 'User One',
  rights: 'write',
};

/** A token signed with the right secret whose claims are exactly these (to test what verify demands). */
function signed(claims: Record<string, unknown>, options: { subject?: string; expiresAt?: number } = {}) {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('wopi-host')
    .setAudience('wopi')
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(options.expiresAt ?? Math.floor(now / 1000) + 3600);
  if (options.subject !== undefined) jwt.setSubject(options.subject);
  return jwt.sign(secret);
}

async function refusal(verify: Promise<unknown>): Promise<unknown> {
  return verify.then(
    () => 'accepted',
    (error: unknown) => (error instanceof UnauthorizedError ? `401: ${error.message}` : error),
  );
}

describe('mintAccessToken / verifyAccessToken', () => {
  it('round-trips: the verified grant is the minted one, with its expiry', async () => {
    // Prepare
    const { token, expiresAt } = await mintAccessToken(secret, grant, 3600, now);
    // Act
    const verified = await verifyAccessToken(secret, token, 'file-1', now);
    // Assess
    expect(verified).toEqual({ ...grant, expiresAt });
  });

  it('signs a compact HS256 JWT that jose alone verifies, and whose altered payload it refuses', async () => {
    // Prepare: a token signed by this host (node:crypto's HMAC, not jose's)
    const { token, expiresAt } = await mintAccessToken(secret, grant, 3600, now);
    // Act: jose verifies it with the same key and no help from this host
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: 'wopi-host',
      audience: 'wopi',
      currentDate: new Date(now),
    });
    // Assess
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256' });
    expect(payload).toMatchObject({ sub: 'user-1', fid: 'file-1', iat: now / 1000, exp: expiresAt / 1000 });
    const [header, body, signature] = token.split('.');
    const otherFile = Buffer.from(JSON.stringify({ ...payload, fid: 'file-2' })).toString('base64url');
    await expect(jwtVerify(`${header}.${otherFile}.${signature}`, secret)).rejects.toThrow(
      'signature verification failed',
    );
    expect(body).not.toBe(otherFile);
  });

  it('states the expiry in epoch milliseconds, ttl seconds after minting', async () => {
    // Prepare
    const ttlSeconds = 600;
    // Act
    const { expiresAt } = await mintAccessToken(secret, grant, ttlSeconds, now);
    // Assess
    expect(expiresAt).toBe(now + ttlSeconds * 1000);
  });

  it('keeps read-only rights', async () => {
    // Prepare
    const { token } = await mintAccessToken(secret, { ...grant, rights: 'read' }, 3600, now);
    // Act
    const verified = await verifyAccessToken(secret, token, 'file-1', now);
    // Assess
    expect(verified.rights).toBe('read');
  });

  it('accepts a token one second before it expires', async () => {
    // Prepare
    const { token } = await mintAccessToken(secret, grant, 3600, now);
    // Act
    const outcome = await refusal(verifyAccessToken(secret, token, 'file-1', now + 3599_000));
    // Assess
    expect(outcome).toBe('accepted');
  });

  it.each<[string, () => Promise<string | undefined>, string]>([
    ['missing', async () => undefined, '401: access_token is missing'],
    ['empty', async () => '', '401: access_token is missing'],
    ['not a JWT', async () => 'not-a-token', '401: access_token is not valid'],
    [
      'signed with another secret',
      async () =>
        (await mintAccessToken(new TextEncoder().encode('another-secret-another-secret-another'), grant, 3600, now))
          .token,
      '401: access_token is not valid',
    ],
    [
      'tampered: claims changed under the signature',
      async () => {
        const [header, , signature] = (await mintAccessToken(secret, grant, 3600, now)).token.split('.');
        const claims = Buffer.from(JSON.stringify({ fid: 'file-1', sub: 'admin', rights: 'write' })).toString(
          'base64url',
        );
        return `${header}.${claims}.${signature}`;
      },
      '401: access_token is not valid',
    ],
    [
      'unsigned (alg "none")',
      async () => new UnsecuredJWT({ fid: 'file-1', sub: 'user-1' }).encode(),
      '401: access_token is not valid',
    ],
    [
      'from another issuer',
      async () =>
        new SignJWT({ fid: 'file-1', rights: 'write' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('user-1')
          .setIssuer('someone-else')
          .setAudience('wopi')
          .setExpirationTime(Math.floor(now / 1000) + 3600)
          .sign(secret),
      '401: access_token is not valid',
    ],
    ['without a subject', () => signed({ fid: 'file-1', rights: 'write' }), '401: access_token is not valid'],
    [
      'for another file',
      async () => (await mintAccessToken(secret, { ...grant, fileId: 'file-2' }, 3600, now)).token,
      '401: access_token is for another file',
    ],
    [
      'with unknown rights',
      () => signed({ fid: 'file-1', rights: 'admin' }, { subject: 'user-1' }),
      '401: access_token has malformed claims',
    ],
    [
      'expired exactly at its expiry time',
      async () => (await mintAccessToken(secret, grant, 3600, now - 3600_000)).token,
      '401: access_token has expired',
    ],
    [
      'expired an hour ago',
      async () => (await mintAccessToken(secret, grant, 3600, now - 7200_000)).token,
      '401: access_token has expired',
    ],
  ])('refuses a token that is %s with UnauthorizedError (401)', async (_, makeToken, expected) => {
    // Prepare
    const token = await makeToken();
    // Act
    const outcome = await refusal(verifyAccessToken(secret, token, 'file-1', now));
    // Assess
    expect(outcome).toBe(expected);
  });
});

describe('verifyAccessToken of a token it verified before (the container remembers its signature is good)', () => {
  const other = new TextEncoder().encode('another-secret-another-secret-another');

  it.each<[string, (token: string) => Promise<unknown>, string]>([
    [
      'refuses it once the clock reaches its expiry',
      (token) => verifyAccessToken(secret, token, 'file-1', now + 3600_000),
      '401: access_token has expired',
    ],
    [
      'refuses it for another file',
      (token) => verifyAccessToken(secret, token, 'file-2', now),
      '401: access_token is for another file',
    ],
    [
      'refuses it past the most age a token may have',
      (token) => verifyAccessToken(secret, token, 'file-1', now + 600_000, 300),
      '401: access_token is too old',
    ],
    [
      'refuses it under another secret (a rotated key)',
      (token) => verifyAccessToken(other, token, 'file-1', now),
      '401: access_token is not valid',
    ],
    [
      'refuses it with one character inside its signature changed',
      (token) => {
        const at = token.length - 10; // not the last character, whose low bits are padding
        const changed = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
        return verifyAccessToken(secret, changed, 'file-1', now);
      },
      '401: access_token is not valid',
    ],
    [
      'refuses it as a host-page link (another audience)',
      (token) => verifyHostLink(secret, token, 'file-1', now),
      '401: The link is not valid',
    ],
    ['accepts it again while valid', (token) => verifyAccessToken(secret, token, 'file-1', now + 1000), 'accepted'],
  ])('%s', async (_, verifyAgain, expected) => {
    // Prepare: a fresh token, verified once
    const { token } = await mintAccessToken(secret, grant, 3600, now);
    await verifyAccessToken(secret, token, 'file-1', now);
    // Act
    const outcome = await refusal(verifyAgain(token));
    // Assess
    expect(outcome).toBe(expected);
  });
});
