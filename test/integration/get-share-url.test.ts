// WOPI GetShareUrl for files against the emulators, with Collabora's discovery: ReadOnly and ReadWrite give an
// absolute URL of the host page that carries no credential, so it opens the file only for a visitor who signs in
// and only with the least of the URL's mode and their own rights; any other type is 501, as the docs say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '../../lambda/auth/access-token';
import type { FileRecord } from '../../lambda/domain/file-record';
import { issueApiKey, type User } from '../../lambda/domain/users';
import { type CollaboraHost, pageForm, startCollaboraHost } from '../support/host-page';
import type { TestHost } from '../support/wopi-host';

const OWNER: User = { userId: 'share-owner', displayName: 'Owner' };
const EDITOR: User = { userId: 'share-editor', displayName: 'Editor' };
const VIEWER: User = { userId: 'share-viewer', displayName: 'Viewer' };
const STRANGER: User = { userId: 'share-stranger', displayName: 'Stranger' };

let collabora: CollaboraHost;
let host: TestHost;
const apiKeys = new Map<string, string>();

beforeAll(async () => {
  collabora = await startCollaboraHost();
  ({ host } = collabora);
  for (const user of [OWNER, EDITOR, VIEWER, STRANGER]) {
    await host.deps.users.putUser(user);
    apiKeys.set(user.userId, await issueApiKey(host.deps.users, user.userId, host.clock.now()));
  }
});
afterAll(() => collabora.close());

let fileCount = 0;
async function sharedFile(): Promise<FileRecord> {
  const file = await host.addFile('hello', `shared-${++fileCount}.docx`, OWNER.userId);
  await host.share(file.fileId, EDITOR.userId, 'edit');
  await host.share(file.fileId, VIEWER.userId, 'view');
  return file;
}

async function getShareUrl(file: FileRecord, urlType: string | undefined, user: User = EDITOR) {
  const token = await host.token(file.fileId, 'write', { userId: user.userId });
  const headers: Record<string, string> = urlType === undefined ? {} : { 'X-WOPI-UrlType': urlType };
  return host.wopi(file.fileId, { override: 'GET_SHARE_URL', headers, token });
}

async function shareUrlOf(file: FileRecord, urlType: string): Promise<string> {
  const res = await getShareUrl(file, urlType);
  expect(res.status).toBe(200);
  return ((await res.json()) as { ShareUrl: string }).ShareUrl;
}

/** The rights the host page's access token gives `user`, who opened `url` signed in with their API key. */
async function openedRights(file: FileRecord, url: string, user: User): Promise<string> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${apiKeys.get(user.userId)}` } });
  const token = (await pageForm(res)).fields.access_token;
  return (await verifyAccessToken(host.deps.tokenSecret, token, file.fileId, host.clock.now())).rights;
}

describe('GetShareUrl (files)', () => {
  it('gives an absolute URL of the host page with no credential in it', async () => {
    // Prepare
    const file = await sharedFile();
    // Act
    const url = new URL(await shareUrlOf(file, 'ReadOnly'));
    // Assess
    expect(`${url.origin}${url.pathname}`).toBe(`${host.baseUrl}/host/files/${file.fileId}`);
    expect([...url.searchParams.keys()]).toEqual(['mode']);
  });

  it('opens a ReadOnly URL read-only even for an editor, and a ReadWrite URL with each visitor’s own rights', async () => {
    // Prepare
    const file = await sharedFile();
    const readOnly = await shareUrlOf(file, 'ReadOnly');
    const readWrite = await shareUrlOf(file, 'ReadWrite');
    // Act
    const opened = {
      readOnlyByEditor: await openedRights(file, readOnly, EDITOR),
      readWriteByEditor: await openedRights(file, readWrite, EDITOR),
      readWriteByViewer: await openedRights(file, readWrite, VIEWER),
    };
    // Assess
    expect(opened).toEqual({ readOnlyByEditor: 'read', readWriteByEditor: 'write', readWriteByViewer: 'read' });
  });

  it('opens for nobody without signing in, and for nobody the file was not given', async () => {
    // Prepare
    const file = await sharedFile();
    const url = await shareUrlOf(file, 'ReadWrite');
    // Act
    const anonymous = await fetch(url);
    const stranger = await fetch(url, { headers: { Authorization: `Bearer ${apiKeys.get(STRANGER.userId)}` } });
    // Assess
    expect([anonymous.status, stranger.status]).toEqual([401, 404]);
  });

  it.each([['UnknownType'], ['readonly'], [undefined]])('answers X-WOPI-UrlType %s with 501', async (urlType) => {
    // Prepare
    const file = await sharedFile();
    // Act
    const res = await getShareUrl(file, urlType);
    // Assess
    expect(res.status).toBe(501);
  });

  it('answers 404 to a user the file was not given', async () => {
    // Prepare
    const file = await sharedFile();
    // Act
    const res = await getShareUrl(file, 'ReadOnly', STRANGER);
    // Assess
    expect(res.status).toBe(404);
  });

  it('refuses a host page mode it does not know with 400', async () => {
    // Prepare
    const file = await sharedFile();
    // Act
    const res = await fetch(`${host.baseUrl}/host/files/${file.fileId}?mode=admin`, {
      headers: { Authorization: `Bearer ${apiKeys.get(OWNER.userId)}` },
    });
    // Assess
    expect(res.status).toBe(400);
  });

  it('is announced in CheckFileInfo with both types', async () => {
    // Prepare
    const file = await sharedFile();
    // Act
    const info = (await (await host.wopi(file.fileId, { method: 'GET' })).json()) as Record<string, unknown>;
    // Assess
    expect(info.SupportedShareUrlTypes).toEqual(['ReadOnly', 'ReadWrite']);
  });
});
