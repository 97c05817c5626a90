// Lock expiry: "Locks expire 30 minutes after they were set or last refreshed"; an expired lock behaves exactly
// like no lock. The clock is the host's TestClock, moved by hand: nothing sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentLock,
  lock,
  lockedFile,
  lockMismatch,
  MINUTE,
  mismatchWith,
  refreshLock,
  unlock,
  unlockAndRelock,
} from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

const SECOND = 1000;

describe('lock expiry with the default WOPI_LOCK_TTL_SECONDS (1800 s)', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host.close());

  it('a lock 29 min 59 s old still blocks another lock ID', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(29 * MINUTE + 59 * SECOND);
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('a lock 29 min 59 s old is still reported by GetLock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(29 * MINUTE + 59 * SECOND);
    // Act
    const reported = await currentLock(host, fileId);
    // Assess
    expect(reported).toBe('lock-a');
  });

  it('a lock 30 min old counts as no lock: another lock ID can Lock the file', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(30 * MINUTE);
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect({ status: res.status, lock: await currentLock(host, fileId) }).toEqual({ status: 200, lock: 'lock-b' });
  });

  it('a lock 30 min old counts as no lock: GetLock answers the empty string', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(30 * MINUTE);
    // Act
    const reported = await currentLock(host, fileId);
    // Assess
    expect(reported).toBe('');
  });

  it('a lock 30 min old counts as no lock: Unlock with its ID gets 409 with the empty string', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(30 * MINUTE);
    // Act
    const res = await unlock(host, fileId, 'lock-a');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('a lock 30 min old counts as no lock: RefreshLock with its ID gets 409 with the empty string', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(30 * MINUTE);
    // Act
    const res = await refreshLock(host, fileId, 'lock-a');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('a lock 30 min old counts as no lock: UnlockAndRelock from its ID gets 409 with the empty string', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(30 * MINUTE);
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('a lock 30 min old counts as no lock: Lock with its own ID locks the file for another 30 min', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(30 * MINUTE);
    await lock(host, fileId, 'lock-a');
    host.clock.advance(29 * MINUTE);
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('RefreshLock restarts the 30 minutes: refreshed at 20 min, the lock still blocks at 49 min 59 s', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(20 * MINUTE);
    await refreshLock(host, fileId, 'lock-a');
    host.clock.advance(29 * MINUTE + 59 * SECOND);
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('RefreshLock restarts the 30 minutes: refreshed at 20 min, the lock is gone at 50 min', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(20 * MINUTE);
    await refreshLock(host, fileId, 'lock-a');
    host.clock.advance(30 * MINUTE);
    // Act
    const reported = await currentLock(host, fileId);
    // Assess
    expect(reported).toBe('');
  });

  it('an expired lock is treated as absent without anything deleting it from the table', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(31 * MINUTE);
    // Act
    const [stored, reported] = [(await host.deps.files.get(fileId))?.lock?.id, await currentLock(host, fileId)];
    // Assess
    expect({ stored, reported }).toEqual({ stored: 'lock-a', reported: '' });
  });
});

describe('lock expiry with WOPI_LOCK_TTL_SECONDS=60', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({ env: { WOPI_LOCK_TTL_SECONDS: '60' } });
  });
  afterAll(() => host.close());

  it('a lock 59 s old still blocks another lock ID', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(59 * SECOND);
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('a lock 60 s old counts as no lock: another lock ID can Lock the file', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(60 * SECOND);
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(res.status).toBe(200);
  });

  it('RefreshLock restarts the 60 s: refreshed at 40 s, the lock still blocks at 99 s and is gone at 100 s', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(40 * SECOND);
    await refreshLock(host, fileId, 'lock-a');
    host.clock.advance(59 * SECOND);
    // Act
    const at99s = await currentLock(host, fileId);
    host.clock.advance(1 * SECOND);
    const at100s = await currentLock(host, fileId);
    // Assess
    expect({ at99s, at100s }).toEqual({ at99s: 'lock-a', at100s: '' });
  });
});
