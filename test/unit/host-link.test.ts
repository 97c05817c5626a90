// auth/host-link.ts: the CLI's short-lived host page links; same key as access tokens, its own audience.
import { describe, expect, it } from 'vitest';
import { mintAccessToken, verifyAccessToken } from '../../lambda/auth/access-token';
import { HOST_LINK_TTL_SECONDS, mintHostLink, verifyHostLink } from '../../lambda/auth/host-link';
import { UnauthorizedError } from '../../lambda/domain/errors';

const secret = new TextEncoder().encode('unit-test-secret-that-is-long-enough-for-hs256');
const now = Date.UTC(2026, 0, 1, 9, 0, 0);
const grant = { fileId: 'file-1', userId: 'user-1', rights: 'write' as const };

async function outcome(verify: Promise<unknown>): Promise<unknown> {
  return verify.then(
    (value) => value,
    (error: unknown) => (error instanceof UnauthorizedError ? `401: ${error.message}` : error),
  );
}

describe('mintHostLink / verifyHostLink', () => {
  it('round-trips: a link names its user for its file', async () => {
    // Prepare
    const { link } = await mintHostLink(secret, grant, now);
    // Act
    const verified = await outcome(verifyHostLink(secret, link, 'file-1', now));
    // Assess
    expect(verified).toEqual({ fileId: 'file-1', userId: 'user-1', rights: 'write' });
  });

  it('lasts 10 minutes by default: valid a second before, expired at the end', async () => {
    // Prepare
    const { link, expiresAt } = await mintHostLink(secret, grant, now);
    // Act
    const [before, at] = await Promise.all([
      outcome(verifyHostLink(secret, link, 'file-1', expiresAt - 1000).then((verified) => verified.userId)),
      outcome(verifyHostLink(secret, link, 'file-1', expiresAt)),
    ]);
    // Assess
    expect({ lifetime: expiresAt - now, before, at }).toEqual({
      lifetime: HOST_LINK_TTL_SECONDS * 1000,
      before: 'user-1',
      at: '401: The link has expired',
    });
  });

  it('never outlives the access token it was made from, and carries that expiry to what is minted from it', async () => {
    // Prepare: a token that ends in 2 minutes asks for a link
    const notAfter = now + 2 * 60 * 1000;
    const { link, expiresAt } = await mintHostLink(secret, { ...grant, rights: 'read', notAfter }, now);
    // Act
    const verified = await outcome(verifyHostLink(secret, link, 'file-1', now));
    // Assess
    expect({ expiresAt, verified }).toEqual({ expiresAt: notAfter, verified: { ...grant, rights: 'read', notAfter } });
  });

  it('refuses a link for another file', async () => {
    // Prepare
    const { link } = await mintHostLink(secret, grant, now);
    // Act
    const result = await outcome(verifyHostLink(secret, link, 'file-2', now));
    // Assess
    expect(result).toBe('401: The link is for another file');
  });

  it('refuses a WOPI access token as a link (audience wopi, not host-page)', async () => {
    // Prepare
    const { token } = await mintAccessToken(secret, { ...grant, userName: 'User One', rights: 'write' }, 3600, now);
    // Act
    const result = await outcome(verifyHostLink(secret, token, 'file-1', now));
    // Assess
    expect(result).toBe('401: The link is not valid');
  });

  it('is never accepted as a WOPI access token (audience host-page, not wopi)', async () => {
    // Prepare
    const { link } = await mintHostLink(secret, grant, now);
    // Act
    const result = await outcome(verifyAccessToken(secret, link, 'file-1', now));
    // Assess
    expect(result).toBe('401: access_token is not valid');
  });
});
