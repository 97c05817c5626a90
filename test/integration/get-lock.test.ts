// WOPI GetLock: "retrieves a lock on a file"; X-WOPI-Lock carries the current lock, the empty string when unlocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLock, lockedFile, unlock } from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

function lockAnswer(res: Response) {
  return { status: res.status, lock: res.headers.get('x-wopi-lock') };
}

describe('GetLock', () => {
  it('answers 200 with the current lock ID in X-WOPI-Lock when the file is locked', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await getLock(host, fileId);
    // Assess
    expect(lockAnswer(res)).toEqual({ status: 200, lock: 'lock-a' });
  });

  it('answers 200 with X-WOPI-Lock present and set to the empty string when the file is unlocked', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await getLock(host, fileId);
    // Assess
    expect(lockAnswer(res)).toEqual({ status: 200, lock: '' });
  });

  it('answers the empty string once the lock was removed by Unlock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    await unlock(host, fileId, 'lock-a');
    // Act
    const res = await getLock(host, fileId);
    // Assess
    expect(lockAnswer(res)).toEqual({ status: 200, lock: '' });
  });

  it('does not change the lock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const before = await host.deps.files.get(fileId);
    // Act
    await getLock(host, fileId);
    // Assess
    expect((await host.deps.files.get(fileId))?.lock).toEqual(before?.lock);
  });

  it('ignores an X-WOPI-Lock request header (GetLock sends none; the answer is still the current lock)', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await getLock(host, fileId, { headers: { 'X-WOPI-Lock': 'lock-b' } });
    // Assess
    expect(lockAnswer(res)).toEqual({ status: 200, lock: 'lock-a' });
  });

  it('answers 404 for a file that does not exist', async () => {
    // Prepare
    const missingFileId = 'AAAAAAAAAAAAAAAAAAAAAA';
    // Act
    const res = await getLock(host, missingFileId);
    // Assess
    expect(res.status).toBe(404);
  });
});
