// Issue 11, finding 3: "Revoking a share does not revoke access". What a token may do is read from the file's record
// at each request, so taking a share away (or lowering it) stops the very same token at its next request, and a
// disabled user's tokens and API keys stop too. Each test makes two requests with one token, around the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFile } from '../../lambda/domain/create-file';
import { createFolder, rootFolder, shareFolder } from '../../lambda/domain/folders';
import { listRecoveryCopies } from '../../lambda/domain/recovery';
import { restoreFromTrash, trashFile } from '../../lambda/domain/trash';
import { disableUser } from '../../lambda/domain/user-admin';
import { issueApiKey } from '../../lambda/domain/users';
import { lock } from '../support/lock-calls';
import { addTestFile, checkFileInfo, currentBytes, putFile, uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

const EDITOR = 'editor-1';

/** A file of a fresh owner, shared with `editor` for editing, and a write token of the editor's for it. */
async function sharedWithEditor(editor = EDITOR) {
  const file = await addTestFile(host, { bytes: 'the owner’s text' });
  await host.share(file.fileId, editor, 'edit');
  const token = await host.token(file.fileId, 'write', { userId: editor });
  return { file, token };
}

/** A user of their own for a test that disables them. */
async function freshUser(): Promise<string> {
  const userId = `user-${uniqueOwner()}`;
  await host.deps.users.putUser({ userId, displayName: 'Soon Disabled' });
  return userId;
}

const disable = (userId: string) => disableUser({ ...host.deps, now: host.clock.now(), actor: 'test' }, userId);

async function infoOf(fileId: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await checkFileInfo(host, fileId, token);
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : {} };
}

const writeFlags = (body: Record<string, unknown>) => ({
  UserCanWrite: body.UserCanWrite,
  UserCanRename: body.UserCanRename,
  ReadOnly: body.ReadOnly,
});

function getFile(fileId: string, token: string): Promise<Response> {
  return host.wopi(fileId, { method: 'GET', path: '/contents', token });
}

describe('a share taken away (share -> none) between two requests of the same token', () => {
  it('CheckFileInfo: 200, then "404 Not Found – Resource not found/user unauthorized"', async () => {
    // Prepare
    const { file, token } = await sharedWithEditor();
    const before = await infoOf(file.fileId, token);
    // Act
    await host.share(file.fileId, EDITOR, 'none');
    const after = await infoOf(file.fileId, token);
    // Assess
    expect({ before: before.status, after: after.status }).toEqual({ before: 200, after: 404 });
  });

  it('GetFile: the bytes, then 404 and no bytes', async () => {
    // Prepare
    const { file, token } = await sharedWithEditor();
    const before = await getFile(file.fileId, token);
    // Act
    await host.share(file.fileId, EDITOR, 'none');
    const after = await getFile(file.fileId, token);
    // Assess
    expect({ before: before.status, after: after.status, body: await after.text() }).toEqual({
      before: 200,
      after: 404,
      body: '',
    });
  });

  it('Lock: 200, then 404 for the next Lock (a refresh) with the same lock id, and the lock is not refreshed', async () => {
    // Prepare
    const { file, token } = await sharedWithEditor();
    const first = await lock(host, file.fileId, 'L', { token });
    const lockedUntil = (await host.deps.files.get(file.fileId))?.lock?.expiresAt;
    host.clock.advance(60_000);
    // Act
    await host.share(file.fileId, EDITOR, 'none');
    const refresh = await lock(host, file.fileId, 'L', { token });
    // Assess
    expect({ first: first.status, refresh: refresh.status }).toEqual({ first: 200, refresh: 404 });
    expect((await host.deps.files.get(file.fileId))?.lock?.expiresAt).toBe(lockedUntil);
  });
});

describe('a share lowered (edit -> view) between two requests of the same token', () => {
  it('CheckFileInfo: UserCanWrite, UserCanRename and ReadOnly follow the file, not the token', async () => {
    // Prepare
    const { file, token } = await sharedWithEditor();
    const before = await infoOf(file.fileId, token);
    // Act
    await host.share(file.fileId, EDITOR, 'view');
    const after = await infoOf(file.fileId, token);
    // Assess
    expect({ before: writeFlags(before.body), after: writeFlags(after.body) }).toEqual({
      before: { UserCanWrite: true, UserCanRename: true, ReadOnly: false },
      after: { UserCanWrite: false, UserCanRename: false, ReadOnly: true },
    });
  });

  it('GetFile still reads: view rights are enough', async () => {
    // Prepare
    const { file, token } = await sharedWithEditor();
    // Act
    await host.share(file.fileId, EDITOR, 'view');
    const res = await getFile(file.fileId, token);
    // Assess
    expect({ status: res.status, body: await res.text() }).toEqual({ status: 200, body: 'the owner’s text' });
  });

  it('Lock: 200, then 404 with the same write token', async () => {
    // Prepare
    const { file, token } = await sharedWithEditor();
    const first = await lock(host, file.fileId, 'L', { token });
    await host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'L' }, token });
    // Act
    await host.share(file.fileId, EDITOR, 'view');
    const second = await lock(host, file.fileId, 'L2', { token });
    // Assess
    expect({ first: first.status, second: second.status }).toEqual({ first: 200, second: 404 });
    expect((await host.deps.files.get(file.fileId))?.lock).toBeUndefined();
  });
});

describe.each([
  { change: 'taken away (share -> none)', share: 'none' as const },
  { change: 'lowered (edit -> view)', share: 'view' as const },
])('a share $change between two PutFiles of the same token with the live lock', ({ share }) => {
  it('answers 200, then 404: the content stays the first save’s, and no recovery copy is left in the owner’s storage', async () => {
    // Prepare
    const { file, token } = await sharedWithEditor();
    await lock(host, file.fileId, 'L', { token });
    const saved = await putFile(host, file.fileId, 'the editor’s save', { 'X-WOPI-Lock': 'L' }, token);
    // Act
    await host.share(file.fileId, EDITOR, share);
    const refused = await putFile(host, file.fileId, 'after the change', { 'X-WOPI-Lock': 'L' }, token);
    // Assess
    expect({ saved: saved.status, refused: refused.status }).toEqual({ saved: 200, refused: 404 });
    expect((await currentBytes(host, file.fileId)).toString()).toBe('the editor’s save');
    expect(await listRecoveryCopies({ ...host.deps, now: host.clock.now() }, file.fileId)).toEqual([]);
  });
});

describe('a disabled user (users disable)', () => {
  it("stops the user's tokens at their next request, on files shared with them and on their own", async () => {
    // Prepare
    const userId = await freshUser();
    const { file: shared, token: sharedToken } = await sharedWithEditor(userId);
    const own = await host.addFile('the user’s own file', 'own.docx', userId);
    const ownToken = await host.token(own.fileId, 'write', { userId });
    const before = [(await infoOf(shared.fileId, sharedToken)).status, (await infoOf(own.fileId, ownToken)).status];
    // Act
    await disable(userId);
    // Assess
    const after = [(await infoOf(shared.fileId, sharedToken)).status, (await infoOf(own.fileId, ownToken)).status];
    const locked = await lock(host, own.fileId, 'L', { token: ownToken });
    expect({ before, after, lock: locked.status }).toEqual({ before: [200, 200], after: [404, 404], lock: 404 });
  });

  it("stops the user's API keys at their next request (401)", async () => {
    // Prepare
    const userId = await freshUser();
    const key = await issueApiKey(host.deps.users, userId, host.clock.now());
    const file = await host.addFile('theirs', 'theirs.docx', userId);
    const call = () =>
      fetch(`${host.baseUrl}/api/2.0/files/file/${file.fileId}/protectusers`, {
        headers: { Authorization: `Bearer ${key}` },
      });
    const before = await call();
    // Act
    await disable(userId);
    const after = await call();
    // Assess
    expect({ before: before.status, after: after.status }).toEqual({ before: 200, after: 401 });
  });

  it('takes the share away on a file that was in the trash, so restoring the file does not give it back', async () => {
    // Prepare
    const userId = await freshUser();
    const { file, token } = await sharedWithEditor(userId);
    const owner = { ...host.deps, now: host.clock.now(), userId: file.ownerId };
    await trashFile(owner, file.fileId);
    // Act
    await disable(userId);
    await restoreFromTrash(owner, file.fileId);
    // Assess
    expect((await infoOf(file.fileId, token)).status).toBe(404);
  });

  it('keeps a disabled owner out of their own file that was in the trash when they were disabled', async () => {
    // Prepare
    const userId = await freshUser();
    const file = await host.addFile('in the trash', 'trashed.docx', userId);
    const token = await host.token(file.fileId, 'write', { userId });
    await trashFile({ ...host.deps, now: host.clock.now(), userId }, file.fileId);
    // Act
    await disable(userId);
    await restoreFromTrash({ ...host.deps, now: host.clock.now(), userId: 'cli:admin' }, file.fileId, true);
    // Assess
    expect((await infoOf(file.fileId, token)).status).toBe(404);
  });

  it("takes away a folder share, so the user's tokens for files inside stop", async () => {
    // Prepare
    const userId = await freshUser();
    const { file } = await inFolderOf(uniqueOwner());
    const owner = { ...host.deps, now: host.clock.now(), userId: file.ownerId };
    await shareFolder(owner, file.folderId ?? '', userId, 'edit');
    const token = await host.token(file.fileId, 'write', { userId });
    const before = (await infoOf(file.fileId, token)).status;
    // Act
    const taken = await disable(userId);
    // Assess
    const hints = await host.deps.sharedWith.list(userId);
    expect({ before, after: (await infoOf(file.fileId, token)).status, taken, hints }).toEqual({
      before: 200,
      after: 404,
      taken: { files: 0, folders: 1 },
      hints: [],
    });
  });

  it('keeps a disabled owner out of their own files in their folders, however deep', async () => {
    // Prepare
    const userId = await freshUser();
    const { file, folderId } = await inFolderOf(userId);
    const deeper = await createFolder(ownerDeps(userId), folderId, { mode: 'exact', name: 'Deeper' });
    const deep = await createFile(
      host.deps,
      { name: 'deep.docx', ownerId: userId, folderId: deeper.folderId, bytes: Buffer.from('deep') },
      host.clock.now(),
    );
    const tokens = [
      await host.token(file.fileId, 'write', { userId }),
      await host.token(deep.fileId, 'write', { userId }),
    ];
    // Act
    await disable(userId);
    // Assess
    const after = [
      (await infoOf(file.fileId, tokens[0] ?? '')).status,
      (await infoOf(deep.fileId, tokens[1] ?? '')).status,
    ];
    expect(after).toEqual([404, 404]);
  });
});

const ownerDeps = (userId: string) => ({ ...host.deps, now: host.clock.now(), userId });

/** A file in a folder "Shared" of `ownerId`'s My documents. */
async function inFolderOf(ownerId: string) {
  const root = await rootFolder(ownerDeps(ownerId), ownerId);
  const folder = await createFolder(ownerDeps(ownerId), root.folderId, { mode: 'suggested', name: 'Shared' });
  const bytes = Buffer.from('in a folder');
  const file = await createFile(
    host.deps,
    { name: 'inside.docx', ownerId, folderId: folder.folderId, bytes },
    host.clock.now(),
  );
  return { file, folderId: folder.folderId };
}
