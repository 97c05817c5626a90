// WOPI Lock (seed 000), sentence by sentence, through the local HTTP server against dynalite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkedOutFile,
  currentLock,
  lock,
  lockedFile,
  lockMismatch,
  MINUTE,
  mismatchWith,
  refreshLock,
  unlock,
} from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

describe('Lock (seed 000)', () => {
  it('"If the file is unlocked, the host should lock the file and return 200 OK."', async () => {
    // Prepare
    const file = await host.addFile();
    // Act
    const res = await lock(host, file.fileId, 'lock-a');
    // Assess
    expect(res.status).toBe(200);
    expect((await host.deps.files.get(file.fileId))?.lock?.id).toBe('lock-a');
  });

  it('"X-WOPI-Lock ... should not be included when responding to the request with 200 OK."', async () => {
    // Prepare
    const file = await host.addFile();
    // Act
    const res = await lock(host, file.fileId, 'lock-a');
    // Assess
    expect(res.headers.has('x-wopi-lock')).toBe(false);
  });

  it('"If the file is already locked and the X-WOPI-Lock value matches the lock currently on the file, the host should ... return 200 OK."', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await lock(host, fileId, 'lock-a');
    // Assess
    expect({ status: res.status, hasLockHeader: res.headers.has('x-wopi-lock') }).toEqual({
      status: 200,
      hasLockHeader: false,
    });
  });

  it('"... the host should refresh the lock timer": locked at 0, locked again at 20 min, still locked at 40 min', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    host.clock.advance(20 * MINUTE);
    await lock(host, fileId, 'lock-a');
    host.clock.advance(20 * MINUTE);
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('"In all other cases, the host must return 409 Conflict ("lock mismatch") and include the X-WOPI-Lock response header containing the value of the current lock on the file."', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await lock(host, fileId, 'lock-b');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('lock-a'));
  });

  it('leaves the current lock in place when it answers 409', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await lock(host, fileId, 'lock-b');
    // Assess
    expect(await currentLock(host, fileId)).toBe('lock-a');
  });

  it('"X-WOPI-LockFailureReason ... may be included when responding to the request with 409 Conflict": it is, on every 409', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const answers = [
      await lock(host, fileId, 'lock-b'),
      await refreshLock(host, fileId, 'lock-b'),
      await unlock(host, fileId, 'lock-b'),
    ];
    // Assess
    expect(answers.map((res) => lockMismatch(res))).toEqual([
      mismatchWith('lock-a'),
      mismatchWith('lock-a'),
      mismatchWith('lock-a'),
    ]);
  });

  it('"In the case where the file is locked by a third-party client, hosts should still always include the current lock ID in the X-WOPI-Lock response header." (another user\'s WOPI client)', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    await host.share(fileId, 'user-2', 'edit');
    await lock(host, fileId, 'their-lock', { token: await host.token(fileId, 'write', { userId: 'user-2' }) });
    // Act
    const res = await lock(host, fileId, 'my-lock');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith('their-lock'));
  });

  it('answers 409 with "File is checked out by <name>" and X-WOPI-Lock empty while another user has checked the file out', async () => {
    // Prepare
    const fileId = await checkedOutFile(host, 'Ines Holder');
    // Act
    const res = await lock(host, fileId, 'my-lock');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
    expect(res.headers.get('x-wopi-lockfailurereason')).toBe('File is checked out by Ines Holder');
  });

  it("lets the check-out's holder lock as usual: their WOPI session edits the file they reserved", async () => {
    // Prepare
    const fileId = await checkedOutFile(host, 'Ines Holder');
    const token = await host.token(fileId, 'write', { userId: 'Ines Holder' });
    // Act
    const res = await lock(host, fileId, 'holder-session', { token });
    // Assess
    expect(res.status).toBe(200);
    expect(await currentLock(host, fileId)).toBe('holder-session');
  });

  it('"if the current lock ID isn\'t representable as a WOPI lock (for example, it\'s longer than the maximum lock length), you should set the X-WOPI-Lock response header to the empty string"', async () => {
    // Prepare: a lock set by something other than a WOPI client, written straight into the store
    const { fileId } = await host.addFile();
    const now = host.clock.now();
    const foreign = { id: 'x'.repeat(2000), expiresAt: now + 30 * MINUTE, holder: 'another-app' };
    await host.deps.files.update(fileId, [[{ kind: 'active' }]], { lock: foreign }, now);
    // Act
    const res = await lock(host, fileId, 'my-lock');
    // Assess
    expect(lockMismatch(res)).toEqual(mismatchWith(''));
  });

  it('"400 Bad Request – X-WOPI-Lock was not provided": a Lock without X-WOPI-Lock', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await host.wopi(fileId, { override: 'LOCK' });
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 400,
      reason: 'X-WOPI-Lock was not provided or was empty',
    });
  });

  it('"400 Bad Request – X-WOPI-Lock was ... empty": a Lock with an empty X-WOPI-Lock', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    // Act
    const res = await lock(host, fileId, '');
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 400,
      reason: 'X-WOPI-Lock was not provided or was empty',
    });
  });

  it('leaves a locked file as it was when a Lock is refused with 400', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    await lock(host, fileId, '');
    // Assess
    expect(await currentLock(host, fileId)).toBe('lock-a');
  });
});
