import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../lambda/domain/file-record';
import { issueApiKey } from '../../lambda/domain/users';
import { startTestHost, type TestHost, type WopiCall } from '../support/wopi-host';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the JSON shapes of other systems' APIs
const jsonOf = async (res: Response): Promise<any> => res.json();

let host: TestHost;
const keys: Record<string, string> = {};
const names: Record<string, string> = {};
beforeAll(async () => {
  host = await startTestHost();
  for (const [userId, displayName] of [
    ['owner-1', 'Olivia Owner'],
    ['editor-1', 'Eddie Editor'],
    ['editor-2', 'Erin Editor'],
    ['viewer-1', 'Vic Viewer'],
    ['stranger', 'Sam Stranger'],
  ]) {
    await host.deps.users.putUser({ userId: userId ?? '', displayName: displayName ?? '' });
    names[userId ?? ''] = displayName ?? '';
    keys[userId ?? ''] = await issueApiKey(host.deps.users, userId ?? '', host.clock.now());
  }
});
afterAll(() => host.close());

async function sharedFile(): Promise<FileRecord> {
  const file = await host.addFile('shared content', undefined, 'owner-1');
  await host.share(file.fileId, 'editor-1', 'edit');
  await host.share(file.fileId, 'editor-2', 'edit');
  await host.share(file.fileId, 'viewer-1', 'view');
  return file;
}

function docSpaceLock(fileId: string, user: string, lockFile: unknown, auth = `Bearer ${keys[user]}`) {
  return fetch(`${host.baseUrl}/api/2.0/files/file/${fileId}/lock`, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: typeof lockFile === 'string' ? lockFile : JSON.stringify({ lockFile }),
  });
}

/** A WOPI request with a fresh write token of `user` (what the file gives them is on its record). */
async function wopiAs(fileId: string, user: string, call: WopiCall): Promise<Response> {
  return host.wopi(fileId, {
    ...call,
    token: await host.token(fileId, 'write', { userId: user, userName: names[user] }),
  });
}

describe('a check-out reserves the file for its holder: the holder edits, everyone else waits', () => {
  const lockAs = (fileId: string, user: string, lockId: string, oldLockId?: string) =>
    wopiAs(fileId, user, {
      override: 'LOCK',
      headers: { 'X-WOPI-Lock': lockId, ...(oldLockId !== undefined && { 'X-WOPI-OldLock': oldLockId }) },
    });
  const saveAs = (fileId: string, user: string, lockId: string, body: string) =>
    wopiAs(fileId, user, { path: '/contents', override: 'PUT', headers: { 'X-WOPI-Lock': lockId }, body });

  it("lets the holder's Collabora-style session lock, save and unlock as if there were no check-out", async () => {
    // Prepare
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    // Act
    const locked = await lockAs(file.fileId, 'editor-1', 'cool-1');
    const saved = await saveAs(file.fileId, 'editor-1', 'cool-1', 'the holder edits');
    const unlocked = await wopiAs(file.fileId, 'editor-1', {
      override: 'UNLOCK',
      headers: { 'X-WOPI-Lock': 'cool-1' },
    });
    // Assess
    expect([locked.status, saved.status, unlocked.status]).toEqual([200, 200, 200]);
    const record = await host.deps.files.get(file.fileId);
    expect({ version: record?.content.version, holder: record?.checkOut?.holder }).toEqual({
      version: 2,
      holder: 'editor-1',
    });
  });

  it('answers every other user\'s Lock/UnlockAndRelock/RefreshLock/Unlock/PutFile/RenameFile/DeleteFile with 409, the live lock in X-WOPI-Lock and "File is checked out by <name>"', async () => {
    // Prepare: the holder's session holds lock cool-1
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    await lockAs(file.fileId, 'editor-1', 'cool-1');
    const calls: WopiCall[] = [
      { override: 'LOCK', headers: { 'X-WOPI-Lock': 'cool-1' } },
      { override: 'LOCK', headers: { 'X-WOPI-Lock': 'wopi-2', 'X-WOPI-OldLock': 'cool-1' } },
      { override: 'REFRESH_LOCK', headers: { 'X-WOPI-Lock': 'cool-1' } },
      { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'cool-1' } },
      { path: '/contents' as const, override: 'PUT', headers: { 'X-WOPI-Lock': 'cool-1' }, body: 'not yours' },
      { override: 'RENAME_FILE', headers: { 'X-WOPI-RequestedName': 'other', 'X-WOPI-Lock': 'cool-1' } },
      { override: 'DELETE' },
    ];
    for (const user of ['owner-1', 'editor-2']) {
      for (const call of calls) {
        // Act
        const res = await wopiAs(file.fileId, user, call);
        // Assess
        expect(res.status, `${call.override} by ${user}`).toBe(409);
        expect(res.headers.get('x-wopi-lock'), `${call.override} by ${user}`).toBe('cool-1');
        expect(res.headers.get('x-wopi-lockfailurereason')).toBe('File is checked out by Eddie Editor');
      }
    }
    const record = await host.deps.files.get(file.fileId);
    expect({ lock: record?.lock?.id, version: record?.content.version, name: record?.name }).toEqual({
      lock: 'cool-1',
      version: 1,
      name: file.name,
    });
  });

  it("keeps another user's refused save as a recovery copy, with X-WOPI-Lock empty when no session holds the file", async () => {
    // Prepare
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    // Act
    const res = await saveAs(file.fileId, 'editor-2', 'cool-2', 'edited while checked out');
    // Assess
    expect({ status: res.status, lock: res.headers.get('x-wopi-lock') }).toEqual({ status: 409, lock: '' });
    const copies = await host.deps.recovery.list(file.fileId);
    expect(copies.map((copy) => [copy.sentBy, copy.reason])).toEqual([['editor-2', 'checked-out']]);
    expect(Buffer.from(await host.deps.contents.get(copies[0]?.contentKey ?? '')).toString()).toBe(
      'edited while checked out',
    );
  });

  it('opens read-only for everyone but the holder: their CheckFileInfo says UserCanWrite false, ReadOnly true, UserCanRename false', async () => {
    // Prepare
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    const infoOf = async (user: string) => {
      const info = await jsonOf(await wopiAs(file.fileId, user, { method: 'GET' }));
      return { UserCanWrite: info.UserCanWrite, ReadOnly: info.ReadOnly, UserCanRename: info.UserCanRename };
    };
    // Act
    const [holder, owner, other] = [await infoOf('editor-1'), await infoOf('owner-1'), await infoOf('editor-2')];
    // Assess
    expect(holder).toEqual({ UserCanWrite: true, ReadOnly: false, UserCanRename: true });
    expect(owner).toEqual({ UserCanWrite: false, ReadOnly: true, UserCanRename: false });
    expect(other).toEqual(owner);
  });

  it("refuses a check-out while another user's WOPI session holds a live lock, naming who is editing", async () => {
    // Prepare
    const file = await sharedFile();
    await lockAs(file.fileId, 'editor-2', 'office-1');
    // Act
    const res = await docSpaceLock(file.fileId, 'editor-1', true);
    // Assess
    expect(res.status).toBe(403);
    expect((await jsonOf(res)).error.message).toBe('The file is being edited by Erin Editor');
    expect((await host.deps.files.get(file.fileId))?.checkOut).toBeUndefined();
  });

  it("grants the check-out while the user's own WOPI session holds the lock", async () => {
    // Prepare
    const file = await sharedFile();
    await lockAs(file.fileId, 'editor-1', 'office-1');
    // Act
    const res = await docSpaceLock(file.fileId, 'editor-1', true);
    // Assess
    expect(res.status).toBe(200);
    expect((await host.deps.files.get(file.fileId))?.checkOut?.holder).toBe('editor-1');
  });

  it('a WOPI lock that expired does not block a check-out', async () => {
    const file = await sharedFile();
    await lockAs(file.fileId, 'editor-2', 'office-1');
    host.clock.advance(30 * 60 * 1000);
    expect((await docSpaceLock(file.fileId, 'editor-1', true)).status).toBe(200);
  });

  it('racing check-outs by two users and a WOPI Lock by a third: exactly one wins, and the file says which', async () => {
    for (let round = 0; round < 10; round++) {
      // Prepare
      const file = await sharedFile();
      // Act
      const [byEditor1, byEditor2, byOwnerSession] = await Promise.all([
        docSpaceLock(file.fileId, 'editor-1', true),
        docSpaceLock(file.fileId, 'editor-2', true),
        lockAs(file.fileId, 'owner-1', 'owner-session'),
      ]);
      // Assess
      const statuses = [byEditor1.status, byEditor2.status, byOwnerSession.status];
      expect(
        statuses.filter((status) => status === 200),
        `round ${round}: ${statuses}`,
      ).toHaveLength(1);
      const record = await host.deps.files.get(file.fileId);
      const winner = byOwnerSession.status === 200 ? 'lock' : byEditor1.status === 200 ? 'editor-1' : 'editor-2';
      expect(winner === 'lock' ? record?.lock?.id : record?.checkOut?.holder).toBe(
        winner === 'lock' ? 'owner-session' : winner,
      );
      expect(winner === 'lock' ? record?.checkOut : record?.lock).toBeUndefined();
    }
  });
});
