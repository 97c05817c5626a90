// PutFile (seed 002) against the real emulators, through the local server that calls the Lambda handlers.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestFile, bytesOf, checkFileInfo, currentBytes, lockFile, putFile, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const THIRTY_MINUTES = 30 * 60 * 1000;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

describe('PutFile (seed 002)', () => {
  it('saves when the file is locked and X-WOPI-Lock matches the lock: 200 and the new bytes are current', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, 'new bytes', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('new bytes');
  });

  it('"the host must return 409 Conflict and include the X-WOPI-Lock response header containing the value of the current lock"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, 'intruder', { 'X-WOPI-Lock': 'lock-b' });
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('lock-a');
    expect(res.headers.get('x-wopi-lockfailurereason')).toBeTruthy();
    expect((await currentBytes(host, file.fileId)).toString()).toBe('old');
  });

  it('"In the case where the file is locked by a third-party client, hosts should still always include the current lock ID"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    await host.share(file.fileId, 'other', 'edit');
    await lockFile(host, file.fileId, 'third-party-lock', await host.token(file.fileId, 'write', { userId: 'other' }));
    // Act
    const res = await putFile(host, file.fileId, 'no lock sent');
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('third-party-lock');
  });

  it('"If the file is unlocked ... If it is 0 bytes, the PutFile request should be considered valid and should proceed"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: '' });
    // Act
    const res = await putFile(host, file.fileId, 'first content');
    // Assess
    expect(res.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('first content');
  });

  it('"If it is any value other than 0 bytes ... the host should respond with 409 Conflict", with X-WOPI-Lock set to the empty string', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'not empty' });
    // Act
    const res = await putFile(host, file.fileId, 'unlocked save');
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.has('x-wopi-lock')).toBe(true);
    expect(res.headers.get('x-wopi-lock')).toBe('');
    expect((await currentBytes(host, file.fileId)).toString()).toBe('not empty');
  });

  it('"In the case where the file is unlocked, the host must set X-WOPI-Lock to the empty string" also when a lock id is sent', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'not empty' });
    // Act
    const res = await putFile(host, file.fileId, 'save with a lock nobody holds', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('');
  });

  it('treats a lock that expired (30 minutes) as no lock: 409 with X-WOPI-Lock ""', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    await lockFile(host, file.fileId, 'lock-a');
    host.clock.advance(THIRTY_MINUTES);
    // Act
    const res = await putFile(host, file.fileId, 'too late', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('');
    expect((await currentBytes(host, file.fileId)).toString()).toBe('old');
  });

  it('"X-WOPI-Lock ... should not be included when responding to the request with 200 OK"', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, 'saved', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.has('x-wopi-lock')).toBe(false);
  });

  it('"X-WOPI-ItemVersion: The file version": the 200 carries the version of the new content', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, 'saved', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    const record = await recordOf(host, file.fileId);
    expect(res.headers.get('x-wopi-itemversion')).toBe(String(record.content.version));
    expect(record.content.version).not.toBe(file.content.version);
    const info = (await (await checkFileInfo(host, file.fileId)).json()) as Record<string, unknown>;
    expect(info.Version).toBe(res.headers.get('x-wopi-itemversion'));
  });

  it('answers 200 with {"LastModifiedTime": ISO 8601} equal to the next CheckFileInfo LastModifiedTime', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    host.clock.advance(1234);
    // Act
    const res = await putFile(host, file.fileId, 'saved', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['LastModifiedTime']);
    expect(body.LastModifiedTime).toBe(new Date(host.clock.now()).toISOString());
    const info = (await (await checkFileInfo(host, file.fileId)).json()) as Record<string, unknown>;
    expect(info.LastModifiedTime).toBe(body.LastModifiedTime);
  });

  it('answers 404 for a file that does not exist, and stores nothing', async () => {
    // Prepare
    const fileId = 'no-such-file';
    // Act
    const res = await putFile(host, fileId, 'orphan', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(404);
    expect(await host.deps.recovery.list(fileId)).toEqual([]);
  });
});

describe('PutFile round trips', () => {
  it('saves a small text byte-exact: GetFile returns exactly the bytes PutFile sent', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    const text = Buffer.from('Grüße, 日本語 and a NUL \u0000 byte\r\n');
    // Act
    await putFile(host, file.fileId, text, { 'X-WOPI-Lock': 'lock-a' });
    const res = await host.wopi(file.fileId, { method: 'GET', path: '/contents' });
    // Assess
    expect(res.status).toBe(200);
    expect((await bytesOf(res)).equals(text)).toBe(true);
  });

  it('saves a random 4 MB binary byte-exact, with SHA256 and Size in CheckFileInfo', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    const bytes = randomBytes(4 * 1024 * 1024);
    // Act
    const put = await putFile(host, file.fileId, bytes, { 'X-WOPI-Lock': 'lock-a' });
    const got = await host.wopi(file.fileId, { method: 'GET', path: '/contents' });
    const info = (await (await checkFileInfo(host, file.fileId)).json()) as Record<string, unknown>;
    // Assess
    expect(put.status).toBe(200);
    expect((await bytesOf(got)).equals(bytes)).toBe(true);
    expect(info.SHA256).toBe(createHash('sha256').update(bytes).digest('base64'));
    expect(info.Size).toBe(bytes.byteLength);
  });

  it('"Version (changes on every save)": three saves give three different Versions', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    const versions = new Set<unknown>();
    const versionNow = async () =>
      ((await (await checkFileInfo(host, file.fileId)).json()) as Record<string, unknown>).Version;
    versions.add(await versionNow());
    // Act
    for (const text of ['one', 'two', 'two']) {
      expect((await putFile(host, file.fileId, text, { 'X-WOPI-Lock': 'lock-a' })).status).toBe(200);
      versions.add(await versionNow());
    }
    // Assess
    expect(versions.size).toBe(4);
  });
});

describe('PutFile versions', () => {
  it('lists earlier contents on the record, oldest first, and each listed key still holds its bytes', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    for (const text of ['v2', 'v3', 'v4']) await putFile(host, file.fileId, text, { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    const record = await recordOf(host, file.fileId);
    expect(record.versions.map((version) => version.version)).toEqual([1, 2, 3]);
    const stored = await Promise.all(record.versions.map((v) => host.deps.contents.get(v.contentKey)));
    expect(stored.map((bytes) => Buffer.from(bytes).toString())).toEqual(['v1', 'v2', 'v3']);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('v4');
  });
});

describe('PutFile request cost', () => {
  it('"PutFile costs one S3 PutObject plus at most two DynamoDB requests (early check and commit) on success"', async () => {
    // Prepare
    const file = await addTestFile(host);
    await lockFile(host, file.fileId, 'lock-a');
    host.requests.reset();
    // Act
    const res = await putFile(host, file.fileId, 'counted', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(200);
    expect(Object.fromEntries(host.requests.counts)).toEqual({
      's3.PutObject': 1,
      'dynamodb.GetItem': 1,
      'dynamodb.UpdateItem': 1,
    });
  });

  it('a Lock costs one DynamoDB request', async () => {
    // Prepare
    const file = await addTestFile(host);
    host.requests.reset();
    // Act
    const res = await lockFile(host, file.fileId, 'lock-a');
    // Assess
    expect(res.status).toBe(200);
    expect(host.requests.total('dynamodb')).toBe(1);
    expect(host.requests.total('s3')).toBe(0);
  });
});

describe('PutFile bad input', () => {
  it('answers 400 when X-WOPI-Override on /contents is not PUT, and changes nothing', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await host.wopi(file.fileId, {
      path: '/contents',
      override: 'LOCK',
      headers: { 'X-WOPI-Lock': 'lock-a' },
      body: 'new',
    });
    // Assess
    expect(res.status).toBe(400);
    expect(res.headers.get('x-wopi-servererror')).toBeTruthy();
    expect((await currentBytes(host, file.fileId)).toString()).toBe('old');
  });

  it('answers 501 for an X-WOPI-Override the host does not implement', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act
    const res = await host.wopi(file.fileId, { override: 'GET_SHARE_URL' });
    // Assess
    expect(res.status).toBe(501);
  });

  it('answers 404 ("user unauthorized") to a valid read-only token, keeps the content and no recovery copy', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    await lockFile(host, file.fileId, 'lock-a');
    const readToken = await host.token(file.fileId, 'read');
    // Act
    const res = await putFile(host, file.fileId, 'viewer bytes', { 'X-WOPI-Lock': 'lock-a' }, readToken);
    // Assess
    expect(res.status).toBe(404);
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
    expect(await host.deps.recovery.list(file.fileId)).toEqual([]);
  });

  it('answers 401 without an access token, and changes nothing', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    // Act
    const res = await host.wopi(file.fileId, { path: '/contents', override: 'PUT', body: 'anonymous', token: null });
    // Assess
    expect(res.status).toBe(401);
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
  });

  it('never stores bytes that arrived as text and lost their non-UTF-8 bytes (Content-Type: text/plain)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old', name: 'notes.txt' });
    await lockFile(host, file.fileId, 'lock-a');
    const latin1 = Buffer.from('caf\xe9 \xff\xfe', 'latin1');
    // Act
    const res = await putFile(host, file.fileId, latin1, { 'X-WOPI-Lock': 'lock-a', 'Content-Type': 'text/plain' });
    // Assess
    // Either the exact bytes are saved, or the save is refused with a 4xx and the old content stays.
    const stored = await currentBytes(host, file.fileId);
    expect([latin1.toString('hex'), Buffer.from('old').toString('hex')]).toContain(stored.toString('hex'));
    expect(res.status === 200, `status ${res.status}`).toBe(stored.equals(latin1));
    expect(res.status).toBeLessThan(500);
  });

  it('answers 400, not 500, for an X-COOL-WOPI-Timestamp that is not a time', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'old' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, 'new', { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-Timestamp': 'soon' });
    // Assess
    expect(res.status).toBe(400);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('old');
  });
});
