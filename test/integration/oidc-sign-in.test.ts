// OpenID Connect sign-in to the files API against a real provider on 127.0.0.1 (oauth2-mock-server): a person is
// identified by `sub`, signed up on their first GET /host/api/me with the name and e-mail of the claims, and a token
// that is expired, from another issuer, for another audience or signed with a key the issuer never published is
// refused with 401 and its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcProvider, startOidcProvider, type TokenClaims } from '../support/oidc-provider';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
let oidc: OidcProvider;

beforeAll(async () => {
  oidc = await startOidcProvider();
  host = await startTestHost({ env: oidc.env });
});

afterAll(async () => {
  await host.close();
  await oidc.close();
});

/** The provider stamps tokens with the real time; the host's test clock is set to it first. */
async function tokenFor(claims: TokenClaims, expiresInSeconds?: number): Promise<string> {
  host.clock.advance(Date.now() - host.clock.now());
  return oidc.token(claims, expiresInSeconds);
}

async function get(path: string, token: string) {
  const response = await fetch(`${host.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const subject = () => `person-${Math.random().toString(36).slice(2)}`;

describe('OpenID Connect sign-in', () => {
  it('signs a person up on their first GET /host/api/me, by sub, with the name and e-mail of the claims', async () => {
    // Prepare
    const sub = subject();
    const token = await tokenFor({ sub, name: 'Ada Lovelace', email: 'ada@example.test' });
    // Act
    const me = await get('/host/api/me', token);
    // Assess
    expect(me).toEqual({
      status: 200,
      body: {
        id: `oidc:${sub}`,
        displayName: 'Ada Lovelace',
        email: 'ada@example.test',
        rootFolderId: expect.any(String),
      },
    });
  });

  it('takes the name the issuer has now at the next sign-in', async () => {
    // Prepare
    const sub = subject();
    await get('/host/api/me', await tokenFor({ sub, name: 'Before' }));
    // Act
    const me = await get('/host/api/me', await tokenFor({ sub, name: 'After' }));
    // Assess
    expect(me.body.displayName).toBe('After');
  });

  it('lets a signed-up person use the other routes with the same kind of token', async () => {
    // Prepare
    const sub = subject();
    await get('/host/api/me', await tokenFor({ sub, name: 'Grace' }));
    // Act
    const listing = await get('/host/api/folders/root', await tokenFor({ sub, name: 'Grace' }));
    // Assess
    expect({ status: listing.status, folder: (listing.body.folder as { name: string }).name }).toEqual({
      status: 200,
      folder: 'My documents',
    });
  });

  it('refuses a person not signed up yet on any route but /me, saying how to sign up', async () => {
    // Act
    const listing = await get('/host/api/files', await tokenFor({ sub: subject() }));
    // Assess
    expect(listing).toEqual({
      status: 401,
      body: { error: { code: 'Unauthorized', message: 'Unknown user: GET /host/api/me once signs you up' } },
    });
  });

  it.each([
    ['an expired token', () => tokenFor({ sub: subject() }, -3600), 'The sign-in token has expired'],
    [
      "a token of another issuer's",
      () => tokenFor({ sub: subject(), iss: 'https://issuer.other.test/' }),
      'The sign-in token is from another issuer',
    ],
    [
      'a token for another audience',
      () => tokenFor({ sub: subject(), aud: 'another-client' }),
      'The sign-in token is for another audience',
    ],
    [
      'a token signed with a key the issuer never published',
      () => oidc.foreignToken({ sub: subject() }),
      "The sign-in token is signed with none of the issuer's keys",
    ],
  ])('refuses %s with 401 and the reason', async (_name, token, message) => {
    // Act
    const me = await get('/host/api/me', await token());
    // Assess
    expect(me).toEqual({ status: 401, body: { error: { code: 'Unauthorized', message } } });
  });
});
