// Issue 11, finding 4: "Tokens renew themselves forever". A token or host-page link made from another token expires
// no later than the one that asked ("preventing token trading"): CheckFileInfo's HostViewUrl/HostEditUrl, the
// token the host page mints from them, PutRelativeFile's new token. HostEditUrl only for a user who may edit; a
// token older than WOPI_TOKEN_MAX_AGE_SECONDS is refused whatever its expiry says.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintAccessToken } from '../../lambda/auth/access-token';
import type { FileRecord } from '../../lambda/domain/file-record';
import { type CollaboraHost, openPage, pageForm, startCollaboraHost } from '../support/host-page';
import { checkFileInfo } from '../support/wopi-files';
import type { TestHost } from '../support/wopi-host';

const MAX_AGE_SECONDS = 2 * 3600;
const TTL_SECONDS = 10 * 3600;

let collabora: CollaboraHost;
let host: TestHost;
beforeAll(async () => {
  collabora = await startCollaboraHost({
    WOPI_TOKEN_MAX_AGE_SECONDS: String(MAX_AGE_SECONDS),
    WOPI_TOKEN_TTL_SECONDS: String(TTL_SECONDS),
  });
  ({ host } = collabora);
  // The host page opens only for a known, active user.
  for (const { userId, userName } of [OWNER, EDITOR, VIEWER]) {
    await host.deps.users.putUser({ userId, displayName: userName });
  }
});
afterAll(() => collabora.close());

const OWNER = { userId: 'owner-1', userName: 'Owner One' };
const EDITOR = { userId: 'editor-1', userName: 'Edith Editor' };
const VIEWER = { userId: 'viewer-1', userName: 'Victor Viewer' };

async function sharedFile(): Promise<FileRecord> {
  const file = await host.addFile('hello', undefined, OWNER.userId);
  await host.share(file.fileId, EDITOR.userId, 'edit');
  await host.share(file.fileId, VIEWER.userId, 'view');
  return file;
}

/** A token of `user` that expires `secondsLeft` from now (as a token does near the end of a session). */
async function expiringToken(
  fileId: string,
  user: typeof EDITOR,
  secondsLeft: number,
  rights: 'read' | 'write' = 'write',
): Promise<{ token: string; expiresAt: number }> {
  const grant = { fileId, ...user, rights };
  return mintAccessToken(host.deps.tokenSecret, grant, secondsLeft, host.clock.now());
}

async function hostUrlsOf(fileId: string, token: string): Promise<{ HostViewUrl?: string; HostEditUrl?: string }> {
  const res = await checkFileInfo(host, fileId, token);
  expect(res.status).toBe(200);
  return (await res.json()) as { HostViewUrl?: string; HostEditUrl?: string };
}

const linkOf = (url: string | undefined) => new URL(url ?? 'http://none').searchParams.get('link') ?? '';
const expiryOf = (jwt: string) => (decodeJwt(jwt).exp ?? 0) * 1000;

/** The access token the host page POSTs for this link, and the access_token_ttl beside it. */
async function pageTokenFor(fileId: string, link: string): Promise<{ token: string; ttl: number }> {
  const form = await pageForm(await openPage(host, fileId, { link }));
  return { token: form.fields.access_token ?? '', ttl: Number(form.fields.access_token_ttl) };
}

describe('HostViewUrl and HostEditUrl from CheckFileInfo', () => {
  it('never expire later than the access token that asked for them, one about to expire', async () => {
    // Prepare
    const file = await sharedFile();
    const asking = await expiringToken(file.fileId, EDITOR, 90);
    // Act
    const urls = await hostUrlsOf(file.fileId, asking.token);
    // Assess
    expect(expiryOf(linkOf(urls.HostViewUrl))).toBeLessThanOrEqual(asking.expiresAt);
    expect(expiryOf(linkOf(urls.HostEditUrl))).toBeLessThanOrEqual(asking.expiresAt);
  });

  it('open a host page whose access token (and access_token_ttl) expires no later than the token that asked', async () => {
    // Prepare
    const file = await sharedFile();
    const asking = await expiringToken(file.fileId, EDITOR, 90);
    const urls = await hostUrlsOf(file.fileId, asking.token);
    // Act
    const fromEdit = await pageTokenFor(file.fileId, linkOf(urls.HostEditUrl));
    const fromView = await pageTokenFor(file.fileId, linkOf(urls.HostViewUrl));
    // Assess
    expect([expiryOf(fromEdit.token), fromEdit.ttl, expiryOf(fromView.token), fromView.ttl]).toEqual(
      Array(4).fill(asking.expiresAt),
    );
  });

  it('cannot be traded on for a longer session: link -> page token -> CheckFileInfo -> link ... all end with the first', async () => {
    // Prepare
    const file = await sharedFile();
    const first = await expiringToken(file.fileId, EDITOR, 600);
    let token = first.token;
    // Act: five rounds of trading, a minute apart
    for (let round = 0; round < 5; round++) {
      host.clock.advance(60_000);
      token = (await pageTokenFor(file.fileId, linkOf((await hostUrlsOf(file.fileId, token)).HostEditUrl))).token;
    }
    host.clock.advance(first.expiresAt - host.clock.now());
    const afterTheFirstExpired = await checkFileInfo(host, file.fileId, token);
    // Assess
    expect(expiryOf(token)).toBe(first.expiresAt);
    expect(afterTheFirstExpired.status).toBe(401);
  });

  it('give a view token no HostEditUrl, even an editor’s read-only token', async () => {
    // Prepare
    const file = await sharedFile();
    const viewers = [
      await expiringToken(file.fileId, VIEWER, 3600, 'write'), // a view share caps a write token
      await expiringToken(file.fileId, EDITOR, 3600, 'read'), // a read token caps an edit share
    ];
    // Act
    const urls = await Promise.all(viewers.map(({ token }) => hostUrlsOf(file.fileId, token)));
    // Assess
    expect(urls.map((u) => ({ view: u.HostViewUrl !== undefined, edit: u.HostEditUrl !== undefined }))).toEqual([
      { view: true, edit: false },
      { view: true, edit: false },
    ]);
  });

  it('a view link opens a page whose token can read but not write, whatever the user’s role', async () => {
    // Prepare
    const file = await sharedFile();
    const asking = await expiringToken(file.fileId, EDITOR, 3600);
    const { HostViewUrl } = await hostUrlsOf(file.fileId, asking.token);
    const { token } = await pageTokenFor(file.fileId, linkOf(HostViewUrl));
    // Act
    const locked = await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'L' }, token });
    // Assess
    expect({ rights: decodeJwt(token).rights, lock: locked.status }).toEqual({ rights: 'read', lock: 404 });
  });
});

describe('PutRelativeFile', () => {
  it('gives a new-file token that expires no later than the one that asked', async () => {
    // Prepare
    const file = await sharedFile();
    const asking = await expiringToken(file.fileId, OWNER, 90);
    // Act
    const res = await host.wopi(file.fileId, {
      override: 'PUT_RELATIVE',
      headers: { 'X-WOPI-SuggestedTarget': '.pdf' },
      body: 'pdf bytes',
      token: asking.token,
    });
    // Assess
    const created = (await res.json()) as { Url: string; HostEditUrl?: string };
    const newToken = new URL(created.Url).searchParams.get('access_token') ?? '';
    expect(expiryOf(newToken)).toBeLessThanOrEqual(asking.expiresAt);
    expect(expiryOf(linkOf(created.HostEditUrl))).toBeLessThanOrEqual(asking.expiresAt);
  });
});

describe(`WOPI_TOKEN_MAX_AGE_SECONDS=${MAX_AGE_SECONDS}`, () => {
  it('refuses a token older than the maximum age with 401, though its expiry is hours away', async () => {
    // Prepare
    const file = await sharedFile();
    const token = await host.token(file.fileId, 'write', EDITOR);
    host.clock.advance(MAX_AGE_SECONDS * 1000 - 1000);
    const justYoungEnough = await checkFileInfo(host, file.fileId, token);
    // Act
    host.clock.advance(2000);
    const tooOld = await checkFileInfo(host, file.fileId, token);
    // Assess
    expect({ young: justYoungEnough.status, old: tooOld.status }).toEqual({ young: 200, old: 401 });
    expect(tooOld.headers.get('x-wopi-servererror')).toBe('access_token is too old');
    expect(expiryOf(token) - host.clock.now()).toBeGreaterThan(3600_000);
  });
});
