// WOPI Unlock: removes the live lock named by X-WOPI-Lock; any mismatch is 409 with the current lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLock, lock, lockedFile, lockMismatch, mismatchWith, unlock } from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

describe('Unlock', () => {
  it('answers 200 without X-WOPI-Lock when X-WOPI-Lock matches the current lock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await unlock(host, fileId, 'lock-a');
    // Assess
    expect({ status: res.status, hasLockHeader: res.headers.has('x-wopi-lock') }).toEqual({
      status: 200,
      hasLockHeader: false,
    });
  });

  it('removes the lock, so GetLock answers the empty string', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await unlock(host, fileId, 'lock-a');
    // Assess
    expect(await currentLock(host, fileId)).toBe('');
  });

  it('removes the lock, so any lock ID can lock the file again', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    await unlock(host, fileId, 'lock-a');
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(res.status).toBe(200);
  });

  it('answers 409 with the current lock in X-WOPI-Lock when X-WOPI-Lock does not match it', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await unlock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('keeps the current lock when it answers 409', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await unlock(host, fileId, 'lock-b');
    // Assess
    expect(await currentLock(host, fileId)).toBe('lock-a');
  });

  it('answers 409 with X-WOPI-Lock present and set to the empty string when the file is unlocked', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await unlock(host, fileId, 'lock-a');
    // Assess
    expect({ ...lockMismatch(res), lockHeaderPresent: res.headers.has('x-wopi-lock') }).toEqual({
      ...mismatchWith(''),
      lockHeaderPresent: true,
    });
  });

  it('answers 409 with the empty string for a second Unlock of the same lock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    await unlock(host, fileId, 'lock-a');
    // Act
    const res = await unlock(host, fileId, 'lock-a');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('answers 400 when X-WOPI-Lock is missing', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await host.wopi(fileId, { override: 'UNLOCK' });
    // Assess
    expect(res.status).toBe(400);
  });

  it('answers 400 when X-WOPI-Lock is empty', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await unlock(host, fileId, '');
    // Assess
    expect(res.status).toBe(400);
  });

  it('answers 404 for a file that does not exist', async () => {
    // Prepare
    const missingFileId = 'AAAAAAAAAAAAAAAAAAAAAA';
    // Act
    const res = await unlock(host, missingFileId, 'lock-a');
    // Assess
    expect(res.status).toBe(404);
  });
});
