// CheckFileInfo and PutUserInfo against the real emulators; this host adds Collabora properties by configuration.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestFile, bytesOf, checkFileInfo } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const EXTRA = { PostMessageOrigin: 'https://x', HidePrintOption: true };

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ env: { WOPI_CHECK_FILE_INFO_EXTRA: JSON.stringify(EXTRA) } });
});
afterAll(() => host.close());

async function infoOf(fileId: string, token?: string): Promise<Record<string, unknown>> {
  const res = await checkFileInfo(host, fileId, token);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

// The property set issue 4 lists, with the JSON type each must have.
const expectedTypes: Record<string, 'string' | 'number' | 'boolean'> = {
  BaseFileName: 'string',
  OwnerId: 'string',
  Size: 'number',
  UserId: 'string',
  UserFriendlyName: 'string',
  Version: 'string',
  LastModifiedTime: 'string',
  SHA256: 'string',
  SupportsLocks: 'boolean',
  SupportsGetLock: 'boolean',
  SupportsExtendedLockLength: 'boolean',
  SupportsUpdate: 'boolean',
  SupportsRename: 'boolean',
  SupportsDeleteFile: 'boolean',
  UserCanWrite: 'boolean',
  UserCanRename: 'boolean',
  UserCanNotWriteRelative: 'boolean',
  ReadOnly: 'boolean',
};

describe('CheckFileInfo', () => {
  it('answers the full property set Office for the web and Collabora need, each with its type', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'twelve bytes', name: 'report.docx', owner: 'owner-a' });
    // Act
    const info = await infoOf(file.fileId);
    // Assess
    const types = Object.fromEntries(Object.keys(expectedTypes).map((name) => [name, typeof info[name]]));
    expect(types).toEqual(expectedTypes);
    expect(info).toMatchObject({
      BaseFileName: 'report.docx',
      OwnerId: 'owner-a',
      Size: 12,
      Version: String(file.content.version),
      SHA256: createHash('sha256').update('twelve bytes').digest('base64'),
      SupportsLocks: true,
      SupportsGetLock: true,
      SupportsExtendedLockLength: true,
      SupportsUpdate: true,
      SupportsRename: true,
      SupportsDeleteFile: true,
    });
  });

  it('costs one DynamoDB request (the record and the user info in one BatchGetItem) and no S3 request: FileUrl is a link signed locally', async () => {
    // Prepare
    const file = await host.addFile('counted');
    const token = await host.token(file.fileId);
    host.requests.reset();
    // Act
    const res = await host.wopi(file.fileId, { method: 'GET', token });
    // Assess
    expect(res.status).toBe(200);
    expect(((await res.json()) as { FileUrl?: string }).FileUrl).toMatch(/^http/);
    expect(Object.fromEntries(host.requests.counts)).toEqual({ 'dynamodb.BatchGetItem': 1 });
  });

  it('"LastModifiedTime (ISO 8601 UTC)"', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act
    const info = await infoOf(file.fileId);
    // Assess
    expect(info.LastModifiedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(Date.parse(String(info.LastModifiedTime))).toBe(file.content.modifiedAt);
  });

  it('gives a write token UserCanWrite true, UserCanRename true, UserCanNotWriteRelative false, ReadOnly false', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act
    const info = await infoOf(file.fileId, await host.token(file.fileId, 'write'));
    // Assess
    expect(info).toMatchObject({
      UserCanWrite: true,
      UserCanRename: true,
      UserCanNotWriteRelative: false,
      ReadOnly: false,
    });
  });

  it('"UserCanWrite false for a read-only token", with UserCanRename false, UserCanNotWriteRelative true, ReadOnly true', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act
    const info = await infoOf(file.fileId, await host.token(file.fileId, 'read'));
    // Assess
    expect(info).toMatchObject({
      UserCanWrite: false,
      UserCanRename: false,
      UserCanNotWriteRelative: true,
      ReadOnly: true,
    });
  });

  it('takes UserId and UserFriendlyName from the access token', async () => {
    // Prepare
    const file = await addTestFile(host);
    await host.share(file.fileId, 'u-42', 'view');
    const token = await host.token(file.fileId, 'read', { userId: 'u-42', userName: 'Ada Lovelace' });
    // Act
    const info = await infoOf(file.fileId, token);
    // Assess
    expect(info.UserId).toBe('u-42');
    expect(info.UserFriendlyName).toBe('Ada Lovelace');
  });

  it('adds the properties configured in WOPI_CHECK_FILE_INFO_EXTRA (PostMessageOrigin, HidePrintOption)', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act
    const info = await infoOf(file.fileId);
    // Assess
    expect(info).toMatchObject(EXTRA);
  });

  it('offers FileUrl, an http URL that downloads the exact bytes', async () => {
    // Prepare
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const file = await addTestFile(host, { bytes });
    // Act
    const info = await infoOf(file.fileId);
    const download = await fetch(String(info.FileUrl));
    // Assess
    expect(String(info.FileUrl)).toMatch(/^https?:\/\//);
    expect(download.status).toBe(200);
    expect((await bytesOf(download)).equals(bytes)).toBe(true);
  });

  it('answers 404 for a file that does not exist', async () => {
    // Prepare
    const fileId = 'missing-file';
    // Act
    const res = await checkFileInfo(host, fileId);
    // Assess
    expect(res.status).toBe(404);
  });

  it('answers 401 for a token minted for another file', async () => {
    // Prepare
    const file = await addTestFile(host);
    const other = await addTestFile(host);
    // Act
    const res = await checkFileInfo(host, file.fileId, await host.token(other.fileId));
    // Assess
    expect(res.status).toBe(401);
  });
});

describe('PutUserInfo', () => {
  it('"stores the body per user and returns it as UserInfo in CheckFileInfo", for that user only', async () => {
    // Prepare
    const file = await addTestFile(host);
    await host.share(file.fileId, 'info-user', 'edit');
    await host.share(file.fileId, 'someone-else', 'edit');
    const mine = await host.token(file.fileId, 'write', { userId: 'info-user' });
    const theirs = await host.token(file.fileId, 'write', { userId: 'someone-else' });
    // Act
    const res = await host.wopi(file.fileId, { override: 'PUT_USER_INFO', body: '{"theme":"dark"}', token: mine });
    // Assess
    expect(res.status).toBe(200);
    expect((await infoOf(file.fileId, mine)).UserInfo).toBe('{"theme":"dark"}');
    expect(await infoOf(file.fileId, theirs)).not.toHaveProperty('UserInfo');
  });

  it('replaces the stored string on the next PutUserInfo', async () => {
    // Prepare
    const file = await addTestFile(host);
    await host.share(file.fileId, 'info-user-2', 'edit');
    const token = await host.token(file.fileId, 'write', { userId: 'info-user-2' });
    await host.wopi(file.fileId, { override: 'PUT_USER_INFO', body: 'first', token });
    // Act
    await host.wopi(file.fileId, { override: 'PUT_USER_INFO', body: 'second', token });
    // Assess
    expect((await infoOf(file.fileId, token)).UserInfo).toBe('second');
  });

  it('answers 400 to a UserInfo longer than 1024 characters and keeps the old one', async () => {
    // Prepare
    const file = await addTestFile(host);
    await host.share(file.fileId, 'info-user-3', 'edit');
    const token = await host.token(file.fileId, 'write', { userId: 'info-user-3' });
    await host.wopi(file.fileId, { override: 'PUT_USER_INFO', body: 'kept', token });
    // Act
    const res = await host.wopi(file.fileId, { override: 'PUT_USER_INFO', body: 'x'.repeat(1025), token });
    // Assess
    expect(res.status).toBe(400);
    expect((await infoOf(file.fileId, token)).UserInfo).toBe('kept');
  });
});
