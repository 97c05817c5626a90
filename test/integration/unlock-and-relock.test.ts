// WOPI UnlockAndRelock (seed 001), sentence by sentence, through the local HTTP server against dynalite.
// Its atomicity under concurrent requests is shown in lock-concurrency.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkedOutFile,
  currentLock,
  lock,
  lockedFile,
  lockMismatch,
  MINUTE,
  mismatchWith,
  unlock,
  unlockAndRelock,
} from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

function badRequest(res: Response) {
  return { status: res.status, reason: res.headers.get('x-wopi-servererror') };
}

describe('UnlockAndRelock (seed 001)', () => {
  it('"The UnlockAndRelock operation releases a lock on a file, and then immediately places a new lock on the file."', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'old-lock');
    // Act
    const res = await unlockAndRelock(host, fileId, 'old-lock', 'new-lock');
    // Assess
    expect({ status: res.status, lock: await currentLock(host, fileId) }).toEqual({ status: 200, lock: 'new-lock' });
  });

  it('"X-WOPI-Lock ... should not be included when responding to the request with 200 OK."', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'old-lock');
    // Act
    const res = await unlockAndRelock(host, fileId, 'old-lock', 'new-lock');
    // Assess
    expect(res.headers.has('x-wopi-lock')).toBe(false);
  });

  it('"The X-WOPI-Lock value is the lock ID for the new lock.": the old lock ID no longer unlocks the file', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'old-lock');
    await unlockAndRelock(host, fileId, 'old-lock', 'new-lock');
    // Act
    const res = await unlock(host, fileId, 'old-lock');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('new-lock'));
  });

  it('"... immediately places a new lock on the file.": the new lock gets a full 30 minutes from the relock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'old-lock');
    host.clock.advance(20 * MINUTE);
    await unlockAndRelock(host, fileId, 'old-lock', 'new-lock');
    host.clock.advance(29 * MINUTE);
    // Act
    const res = await lock(host, fileId, 'intruder');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('new-lock'));
  });

  it('"hosts must differentiate the two operations based on the presence, or lack of, the X-WOPI-OldLock request header." (with it: UnlockAndRelock)', async () => {
    // Prepare: on an unlocked file Lock would answer 200, UnlockAndRelock 409
    const { fileId } = await host.addFile();
    // Act
    const res = await unlockAndRelock(host, fileId, 'old-lock', 'new-lock');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('"If X-WOPI-OldLock is not provided, the request is identical to a Lock request."', async () => {
    // Prepare: on a file locked with A, Lock(B) answers 409 A, while UnlockAndRelock(A -> B) would answer 200
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await host.wopi(fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'lock-b' } });
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('"If the file is currently locked and the X-WOPI-OldLock value doesn\'t match the lock currently on the file ... Return a lock mismatch response (409 Conflict) ... Include an X-WOPI-Lock response header containing the value of the current lock on the file"', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-x', 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it("answers 409 to anyone but the check-out's holder, even with the holder's session's lock ID", async () => {
    // Prepare
    const fileId = await checkedOutFile(host, 'holder-1');
    const holder = await host.token(fileId, 'write', { userId: 'holder-1' });
    await host.wopi(fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'holder-lock' }, token: holder });
    // Act
    const res = await unlockAndRelock(host, fileId, 'holder-lock', 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('holder-lock'));
    expect(await currentLock(host, fileId)).toBe('holder-lock');
  });

  it('keeps the current lock when X-WOPI-OldLock does not match', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await unlockAndRelock(host, fileId, 'lock-x', 'lock-b');
    // Assess
    expect(await currentLock(host, fileId)).toBe('lock-a');
  });

  it('"... or if the file is unlocked, the host must: Return a lock mismatch response (409 Conflict)" and "In cases where the file is unlocked, the host must set X-WOPI-Lock to the empty string."', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', 'lock-b');
    // Assess
    expect({ ...lockMismatch(res), lockHeaderPresent: res.headers.has('x-wopi-lock') }).toEqual({
      ...mismatchWith(''),
      lockHeaderPresent: true,
    });
  });

  it('leaves an unlocked file unlocked when it answers 409', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    await unlockAndRelock(host, fileId, 'lock-a', 'lock-b');
    // Assess
    expect(await currentLock(host, fileId)).toBe('');
  });

  it('"In cases where the file is locked by someone other than a WOPI client, hosts should still always include the current lock ID in the X-WOPI-Lock response header."', async () => {
    // Prepare: a lock set by something other than a WOPI client, written straight into the store
    const { fileId } = await host.addFile();
    const now = host.clock.now();
    const foreign = { id: 'locked-elsewhere', expiresAt: now + 30 * MINUTE, holder: 'another-app' };
    await host.deps.files.update(fileId, [[{ kind: 'active' }]], { lock: foreign }, now);
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('locked-elsewhere'));
  });

  it('"if the current lock ID isn\'t representable as a WOPI lock (for example, it\'s longer than the maximum lock length), you should set the X-WOPI-Lock response header to the empty string"', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    const now = host.clock.now();
    const foreign = { id: 'y'.repeat(1500), expiresAt: now + 30 * MINUTE, holder: 'another-app' };
    await host.deps.files.update(fileId, [[{ kind: 'active' }]], { lock: foreign }, now);
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('"400 Bad Request – X-WOPI-Lock was not provided": X-WOPI-OldLock without X-WOPI-Lock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await host.wopi(fileId, { override: 'LOCK', headers: { 'X-WOPI-OldLock': 'lock-a' } });
    // Assess
    expect(badRequest(res)).toEqual({ status: 400, reason: 'X-WOPI-Lock was not provided or was empty' });
  });

  it('"400 Bad Request – X-WOPI-Lock was ... empty"', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', '');
    // Assess
    expect(badRequest(res)).toEqual({ status: 400, reason: 'X-WOPI-Lock was not provided or was empty' });
  });

  it('"X-WOPI-OldLock – ... Required.": an empty X-WOPI-OldLock is 400, not a Lock', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await unlockAndRelock(host, fileId, '', 'lock-b');
    // Assess
    expect(badRequest(res)).toEqual({ status: 400, reason: 'X-WOPI-OldLock was not provided or was empty' });
  });

  it('leaves the lock as it was when it answers 400', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await unlockAndRelock(host, fileId, 'lock-a', '');
    // Assess
    expect(await currentLock(host, fileId)).toBe('lock-a');
  });

  it('"The maximum length of a lock ID is 1024 ASCII characters.": a 1024-character new lock is placed', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const longest = 'n'.repeat(1024);
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', longest);
    // Assess
    expect({ status: res.status, lock: await currentLock(host, fileId) }).toEqual({ status: 200, lock: longest });
  });

  it('"The maximum length of a lock ID is 1024 ASCII characters.": a 1025-character new lock is 400', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', 'n'.repeat(1025));
    // Assess
    expect(res.status).toBe(400);
  });

  it('"409 Conflict – Lock mismatch": an expired X-WOPI-OldLock is no lock, so X-WOPI-Lock is the empty string', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(30 * MINUTE);
    // Act
    const res = await unlockAndRelock(host, fileId, 'lock-a', 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('"404 Not Found – Resource not found"', async () => {
    // Prepare
    const missingFileId = 'AAAAAAAAAAAAAAAAAAAAAA';
    // Act
    const res = await unlockAndRelock(host, missingFileId, 'lock-a', 'lock-b');
    // Assess
    expect(res.status).toBe(404);
  });
});
