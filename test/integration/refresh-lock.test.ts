// WOPI RefreshLock: restarts the timer of the live lock named by X-WOPI-Lock; any mismatch is 409.
// Its effect on expiry over time is in lock-expiry.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentLock, lockedFile, lockMismatch, MINUTE, mismatchWith, refreshLock } from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

describe('RefreshLock', () => {
  it('answers 200 without X-WOPI-Lock when X-WOPI-Lock matches the current lock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await refreshLock(host, fileId, 'lock-a');
    // Assess
    expect({ status: res.status, hasLockHeader: res.headers.has('x-wopi-lock') }).toEqual({
      status: 200,
      hasLockHeader: false,
    });
  });

  it('restarts the 30-minute timer of the lock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(10 * MINUTE);
    // Act
    await refreshLock(host, fileId, 'lock-a');
    // Assess
    expect((await host.deps.files.get(fileId))?.lock?.expiresAt).toBe(host.clock.now() + 30 * MINUTE);
  });

  it('answers 409 with the current lock in X-WOPI-Lock when X-WOPI-Lock does not match it', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await refreshLock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('keeps the current lock when it answers 409', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await refreshLock(host, fileId, 'lock-b');
    // Assess
    expect(await currentLock(host, fileId)).toBe('lock-a');
  });

  it('answers 409 with X-WOPI-Lock present and set to the empty string when the file is unlocked', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await refreshLock(host, fileId, 'lock-a');
    // Assess
    expect({ ...lockMismatch(res), lockHeaderPresent: res.headers.has('x-wopi-lock') }).toEqual({
      ...mismatchWith(''),
      lockHeaderPresent: true,
    });
  });

  it('does not lock an unlocked file', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    await refreshLock(host, fileId, 'lock-a');
    // Assess
    expect(await currentLock(host, fileId)).toBe('');
  });

  it('answers 400 when X-WOPI-Lock is missing', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await host.wopi(fileId, { override: 'REFRESH_LOCK' });
    // Assess
    expect(res.status).toBe(400);
  });

  it('answers 400 when X-WOPI-Lock is empty', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await refreshLock(host, fileId, '');
    // Assess
    expect(res.status).toBe(400);
  });

  it('answers 404 for a file that does not exist', async () => {
    // Prepare
    const missingFileId = 'AAAAAAAAAAAAAAAAAAAAAA';
    // Act
    const res = await refreshLock(host, missingFileId, 'lock-a');
    // Assess
    expect(res.status).toBe(404);
  });
});
