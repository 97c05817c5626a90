// POST /wopi/files/{file_id}: X-WOPI-Override picks the lock operation; a bad override or file id is a 4xx, never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLock, lockedFile } from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

describe('X-WOPI-Override dispatch', () => {
  it.each(['DELETE_EVERYTHING', 'PUT_RELATIVE_LOCK', '__proto__', 'constructor', 'toString'])(
    'answers 501 Not Implemented, with a reason, for the unknown X-WOPI-Override "%s"',
    async (override) => {
      // Prepare
      const { fileId } = await host.addFile();
      // Act
      const res = await host.wopi(fileId, { override, headers: { 'X-WOPI-Lock': 'lock-a' } });
      // Assess
      expect({ status: res.status, hasReason: res.headers.has('x-wopi-servererror') }).toEqual({
        status: 501,
        hasReason: true,
      });
    },
  );

  it('answers 400, with a reason, when X-WOPI-Override is missing', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await host.wopi(fileId, { headers: { 'X-WOPI-Lock': 'lock-a' } });
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 400,
      reason: 'X-WOPI-Override is missing',
    });
  });

  it('answers 400 when X-WOPI-Override is empty', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await host.wopi(fileId, { override: '', headers: { 'X-WOPI-Lock': 'lock-a' } });
    // Assess
    expect(res.status).toBe(400);
  });

  it('changes nothing when it answers 501', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await host.wopi(fileId, { override: 'UNLOCK_EVERYTHING', headers: { 'X-WOPI-Lock': 'lock-a' } });
    // Assess
    expect(await currentLock(host, fileId)).toBe('lock-a');
  });
});

describe('file ids', () => {
  it.each(['LOCK', 'GET_LOCK', 'REFRESH_LOCK', 'UNLOCK'])(
    'answers 404 to %s on a well-formed file id that names no file',
    async (override) => {
      // Prepare
      const missingFileId = 'NoSuchFile000000000000';
      // Act
      const res = await host.wopi(missingFileId, { override, headers: { 'X-WOPI-Lock': 'lock-a' } });
      // Assess
      expect(res.status).toBe(404);
    },
  );

  it('answers 404 to a file id that reads like an object key ("__proto__")', async () => {
    // Prepare
    const trickyFileId = '__proto__';
    // Act
    const res = await host.wopi(trickyFileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'lock-a' } });
    // Assess
    expect(res.status).toBe(404);
  });

  it.each([
    ['a parent-folder path', '..%2F..%2Fetc%2Fpasswd'],
    ['dot segments', '%2e%2e'],
    ['a NUL byte', 'abc%00def'],
    ['broken percent-encoding', '%E0%A4%A'],
    ['a key separator', 'file%23abc'],
    ['an encoded slash', 'AAAA%2FBBBB'],
    ['a space', 'abc%20def'],
    ['non-ASCII', '%C3%A9t%C3%A9'],
    ['129 characters', 'A'.repeat(129)],
  ])('answers 404, never 500, to a file id with %s in the path', async (_, encodedId) => {
    // Prepare
    const token = await host.token(decodeURIComponentSafely(encodedId));
    // Act
    const res = await fetch(`${host.baseUrl}/wopi/files/${encodedId}?access_token=${token}`, {
      method: 'POST',
      headers: { 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': 'lock-a' },
    });
    // Assess
    expect(res.status).toBe(404);
  });
});

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
