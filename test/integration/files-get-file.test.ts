// GetFile against the real emulators: exact bytes, X-WOPI-MaxExpectedSize, and a redirect for large files.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../lambda/http/limits';
import { addTestFile, bytesOf, wopiUrl } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

function getFile(fileId: string, headers: Record<string, string> = {}): Promise<Response> {
  return host.wopi(fileId, { method: 'GET', path: '/contents', headers });
}

describe('GetFile', () => {
  it('answers the exact bytes with X-WOPI-ItemVersion', async () => {
    // Prepare
    const bytes = randomBytes(100_000);
    const file = await addTestFile(host, { bytes });
    // Act
    const res = await getFile(file.fileId);
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('x-wopi-itemversion')).toBe(String(file.content.version));
    expect((await bytesOf(res)).equals(bytes)).toBe(true);
  });

  it('answers an empty file with 200 and no bytes', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: '' });
    // Act
    const res = await getFile(file.fileId);
    // Assess
    expect(res.status).toBe(200);
    expect((await bytesOf(res)).length).toBe(0);
  });

  it('"412 when X-WOPI-MaxExpectedSize is smaller than the file"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: '12345' });
    // Act
    const res = await getFile(file.fileId, { 'X-WOPI-MaxExpectedSize': '4' });
    // Assess
    expect(res.status).toBe(412);
  });

  it('answers 200 when X-WOPI-MaxExpectedSize equals the file size', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: '12345' });
    // Act
    const res = await getFile(file.fileId, { 'X-WOPI-MaxExpectedSize': '5' });
    // Assess
    expect(res.status).toBe(200);
    expect((await bytesOf(res)).toString()).toBe('12345');
  });

  it('answers 400 to a non-numeric X-WOPI-MaxExpectedSize', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: '12345' });
    // Act
    const res = await getFile(file.fileId, { 'X-WOPI-MaxExpectedSize': 'lots' });
    // Assess
    expect(res.status).toBe(400);
  });

  it('"GetFile for a file above the limit answers with a redirect" whose Location downloads the exact bytes', async () => {
    // Prepare
    const bytes = randomBytes(MAX_BODY_BYTES + 1);
    const file = await addTestFile(host, { bytes });
    // Act
    const res = await fetch(await wopiUrl(host, file.fileId, '/contents'), { redirect: 'manual' });
    // Assess
    expect(res.status).toBe(302);
    expect(res.headers.get('x-wopi-itemversion')).toBe(String(file.content.version));
    const download = await fetch(String(res.headers.get('location')));
    expect(download.status).toBe(200);
    expect((await bytesOf(download)).equals(bytes)).toBe(true);
  });

  it('answers a file of exactly MAX_BODY_BYTES inline', async () => {
    // Prepare
    const bytes = randomBytes(MAX_BODY_BYTES);
    const file = await addTestFile(host, { bytes });
    // Act
    const res = await fetch(await wopiUrl(host, file.fileId, '/contents'), { redirect: 'manual' });
    // Assess
    expect(res.status).toBe(200);
    expect((await bytesOf(res)).equals(bytes)).toBe(true);
  });

  it('answers 404 for a file that does not exist', async () => {
    // Prepare
    const fileId = 'missing-file';
    // Act
    const res = await getFile(fileId);
    // Assess
    expect(res.status).toBe(404);
  });
});
