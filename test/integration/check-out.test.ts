import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../lambda/domain/file-record';
import { issueApiKey } from '../../lambda/domain/users';
import { startTestHost, type TestHost, type WopiCall } from '../support/wopi-host';

// biome-ignore lint/suspicious/noExplicitAny: the tests read the JSON shapes of other systems' APIs
const jsonOf = async (res: Response): Promise<any> => res.json();

let host: TestHost;
const keys: Record<string, string> = {};
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
    keys[userId ?? ''] = await issueApiKey(host.deps.users, userId ?? '', host.clock.now());
  }
});
afterAll(() => host.close());

async function sharedFile(): Promise<FileRecord> {
  const file = await host.addFile('shared content', undefined, 'owner-1');
  await host.deps.files.share(file.fileId, 'editor-1', 'edit');
  await host.deps.files.share(file.fileId, 'editor-2', 'edit');
  await host.deps.files.share(file.fileId, 'viewer-1', 'view');
  return file;
}

function docSpaceLock(fileId: string, user: string, lockFile: unknown, auth = `Bearer ${keys[user]}`) {
  return fetch(`${host.baseUrl}/api/2.0/files/file/${fileId}/lock`, {
    method: 'PUT',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: typeof lockFile === 'string' ? lockFile : JSON.stringify({ lockFile }),
  });
}

function superOffice(fileId: string, user: string, action: 'Lock' | 'Unlock', query = '') {
  return fetch(`${host.baseUrl}/api/v1/Document/${fileId}/${action}${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${keys[user]}`, Accept: 'application/json' },
  });
}

describe('DocSpace check-out (seed 003)', () => {
  it('locks with {"lockFile": true} and answers the file in DocSpace\'s envelope with locked / lockedBy', async () => {
    // Prepare
    const file = await sharedFile();
    // Act
    const res = await docSpaceLock(file.fileId, 'editor-1', true);
    // Assess
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body).toMatchObject({ status: 0, statusCode: 200 });
    expect(body.response).toMatchObject({ id: file.fileId, title: file.name, locked: true, lockedBy: 'Eddie Editor' });
  });

  it('unlocks with {"lockFile": false}', async () => {
    // Prepare
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    // Act
    const res = await docSpaceLock(file.fileId, 'editor-1', false);
    // Assess
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).response).toMatchObject({ locked: false, lockedBy: null });
  });

  it('lists the users with access and their rights (protectusers)', async () => {
    // Prepare
    const file = await sharedFile();
    // Act
    const res = await fetch(`${host.baseUrl}/api/2.0/files/file/${file.fileId}/protectusers`, {
      headers: { Authorization: `Bearer ${keys['viewer-1']}` },
    });
    // Assess
    expect(res.status).toBe(200);
    const users = (await jsonOf(res)).response as { id: string; name: string; isOwner: boolean }[];
    expect(users.map((u) => [u.id, u.name, u.isOwner])).toEqual([
      ['owner-1', 'ReadWrite', true],
      ['editor-1', 'ReadWrite', false],
      ['editor-2', 'ReadWrite', false],
      ['viewer-1', 'Read', false],
    ]);
  });

  it('only a user with edit rights may check out: a viewer gets 403', async () => {
    const file = await sharedFile();
    const res = await docSpaceLock(file.fileId, 'viewer-1', true);
    expect(res.status).toBe(403);
    expect((await jsonOf(res)).error.message).toMatch(/edit rights/);
  });

  it("no access -> 404, so the file's existence is not revealed", async () => {
    const file = await sharedFile();
    expect((await docSpaceLock(file.fileId, 'stranger', true)).status).toBe(404);
  });

  it('unauthenticated -> 401, bad JSON -> 400, lockFile not a boolean -> 400', async () => {
    const file = await sharedFile();
    expect((await docSpaceLock(file.fileId, 'editor-1', true, 'Bearer wopi_not-a-key')).status).toBe(401);
    expect((await docSpaceLock(file.fileId, 'editor-1', true, '')).status).toBe(401);
    expect((await docSpaceLock(file.fileId, 'editor-1', '{"lockFile": tru')).status).toBe(400);
    expect((await docSpaceLock(file.fileId, 'editor-1', 'yes')).status).toBe(400);
  });

  it('only the holder or the owner may undo it', async () => {
    // Prepare
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    // Act
    const byOtherEditor = await docSpaceLock(file.fileId, 'editor-2', false);
    const byOwner = await docSpaceLock(file.fileId, 'owner-1', false);
    // Assess
    expect(byOtherEditor.status).toBe(403);
    expect(byOwner.status).toBe(200);
    expect((await host.deps.files.get(file.fileId))?.lock).toBeUndefined();
  });

  it('a second editor cannot check out a file checked out by the first', async () => {
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    const res = await docSpaceLock(file.fileId, 'editor-2', true);
    expect(res.status).toBe(409);
    expect((await jsonOf(res)).error.message).toMatch(/checked out by Eddie Editor/);
  });
});

describe('check-out and WOPI share one lock record', () => {
  it("while checked out, every WOPI Lock/UnlockAndRelock/PutFile/RenameFile/DeleteFile answers 409 with the check-out's lock and who holds it", async () => {
    // Prepare
    const file = await sharedFile();
    await docSpaceLock(file.fileId, 'editor-1', true);
    const checkOutId = (await host.deps.files.get(file.fileId))?.lock?.id ?? '';
    const calls: WopiCall[] = [
      { override: 'LOCK', headers: { 'X-WOPI-Lock': 'wopi-1' } },
      { override: 'LOCK', headers: { 'X-WOPI-Lock': 'wopi-2', 'X-WOPI-OldLock': checkOutId } },
      { path: '/contents' as const, override: 'PUT', headers: { 'X-WOPI-Lock': checkOutId }, body: 'new' },
      { override: 'RENAME_FILE', headers: { 'X-WOPI-RequestedName': 'other', 'X-WOPI-Lock': checkOutId } },
      { override: 'DELETE' },
      // The check-out's id, seen in a 409, still cannot be used as a WOPI lock to refresh or remove it.
      { override: 'REFRESH_LOCK', headers: { 'X-WOPI-Lock': checkOutId } },
      { override: 'UNLOCK', headers: { 'X-WOPI-Lock': checkOutId } },
    ];
    for (const call of calls) {
      // Act
      const res = await host.wopi(file.fileId, call);
      // Assess
      expect(res.status, call.override).toBe(409);
      expect(res.headers.get('x-wopi-lock')).toBe(checkOutId);
      expect(res.headers.get('x-wopi-lockfailurereason')).toMatch(/checked out by Eddie Editor/);
    }
    const record = await host.deps.files.get(file.fileId);
    expect(record?.lock?.id).toBe(checkOutId);
    expect(record?.content.version).toBe(1);
  });

  it('a check-out blocks a Collabora-style save (409, kept as a recovery copy) and releases it when undone', async () => {
    // Prepare
    const file = await sharedFile();
    await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'cool-1' } });
    await host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'cool-1' } });
    await docSpaceLock(file.fileId, 'editor-1', true);
    const save = { path: '/contents' as const, override: 'PUT', body: 'edited', headers: { 'X-WOPI-Lock': 'cool-1' } };
    // Act
    const blocked = await host.wopi(file.fileId, save);
    await docSpaceLock(file.fileId, 'editor-1', false);
    const relock = await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'cool-1' } });
    const saved = await host.wopi(file.fileId, save);
    // Assess
    expect(blocked.status).toBe(409);
    expect((await host.deps.recovery.list(file.fileId)).length).toBe(1);
    expect(relock.status).toBe(200);
    expect(saved.status).toBe(200);
  });

  it('a check-out while a WOPI client holds a live lock fails with a clear reason', async () => {
    const file = await sharedFile();
    await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'office-1' } });
    const res = await docSpaceLock(file.fileId, 'editor-1', true);
    expect(res.status).toBe(409);
    expect((await jsonOf(res)).error.message).toMatch(/open for editing in a WOPI client/);
  });

  it('a WOPI lock that expired does not block a check-out', async () => {
    const file = await sharedFile();
    await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'office-1' } });
    host.clock.advance(30 * 60 * 1000);
    expect((await docSpaceLock(file.fileId, 'editor-1', true)).status).toBe(200);
  });

  it('racing check-outs and WOPI Locks: exactly one wins', async () => {
    // Prepare
    const file = await sharedFile();
    // Act
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': `wopi-${i}` } }),
      ),
      docSpaceLock(file.fileId, 'editor-1', true),
      docSpaceLock(file.fileId, 'editor-2', true),
    ]);
    // Assess
    expect(results.filter((res) => res.status === 200)).toHaveLength(1);
  });
});

describe('SuperOffice check-out (seed 004)', () => {
  it("POST Document/{id}/Lock checks out for the current user and answers the seed's response object", async () => {
    const file = await sharedFile();
    const res = await superOffice(file.fileId, 'editor-1', 'Lock');
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toEqual({
      ExternalReference: file.fileId,
      VersionId: '1',
      Success: true,
      Type: 'None',
      Value: '',
      AdditionalInfo: '',
    });
    expect((await host.deps.files.get(file.fileId))?.lock).toMatchObject({ kind: 'checkout', holder: 'editor-1' });
  });

  it('a refusal is a Message result when allowedReturnTypes allows Message (or is empty)', async () => {
    const file = await sharedFile();
    await superOffice(file.fileId, 'editor-1', 'Lock');
    const res = await superOffice(file.fileId, 'editor-2', 'Lock', '?allowedReturnTypes=Message');
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toMatchObject({ Success: false, Type: 'Message', Value: expect.stringMatching(/Eddie/) });
  });

  it('a refusal is an HTTP error when allowedReturnTypes excludes Message', async () => {
    const file = await sharedFile();
    await superOffice(file.fileId, 'editor-1', 'Lock');
    const res = await superOffice(file.fileId, 'editor-2', 'Lock', '?allowedReturnTypes=None');
    expect(res.status).toBe(409);
    expect(await jsonOf(res)).toMatchObject({ Error: expect.stringMatching(/checked out/) });
  });

  it('Unlock undoes the check-out of its holder', async () => {
    const file = await sharedFile();
    await superOffice(file.fileId, 'editor-1', 'Lock');
    const res = await superOffice(file.fileId, 'editor-1', 'Unlock');
    expect(res.status).toBe(200);
    expect((await host.deps.files.get(file.fileId))?.lock).toBeUndefined();
  });

  it('accepts Basic authentication with the user id and API key', async () => {
    const file = await sharedFile();
    const basic = Buffer.from(`editor-1:${keys['editor-1']}`).toString('base64');
    const res = await fetch(`${host.baseUrl}/api/v1/Document/${file.fileId}/Lock`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}` },
    });
    expect(res.status).toBe(200);
    const wrongUser = Buffer.from(`editor-2:${keys['editor-1']}`).toString('base64');
    const refused = await fetch(`${host.baseUrl}/api/v1/Document/${file.fileId}/Unlock`, {
      method: 'POST',
      headers: { Authorization: `Basic ${wrongUser}` },
    });
    expect(refused.status).toBe(401);
  });
});
