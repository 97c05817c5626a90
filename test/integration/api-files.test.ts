// The files API's file routes: POST /host/api/files (a blank document), GET, PATCH (rename, move) and DELETE
// /host/api/files/{id}. Rights come from the file's record at each request: a stranger is told nothing exists, a
// viewer reads only, only the owner or an edit+delete share deletes; bad input is refused with a reason and stores nothing.
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../support/api-people';
import { expectRefusal, useApiHost } from '../support/files-api-calls';

interface FileJson {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly sha256: string;
  readonly size: number;
  readonly role: string;
  readonly folderId?: string;
  readonly trashedAt?: string;
}

const api = useApiHost();

const ownNames = async () =>
  ((await api.call('owner-1', 'GET', '/host/api/files')).body as { files: FileJson[] }).files.map((f) => f.name).sort();

async function newFolder(name: string, who: 'owner-1' | 'editor-1' = 'owner-1') {
  const made = await api.call(who, 'POST', '/host/api/folders', { name });
  expect(made.status).toBe(201);
  return (made.body as { id: string }).id;
}

describe('POST /host/api/files (a blank document)', () => {
  it('makes a real document of the extension, owned by the caller, readable at GET', async () => {
    // Act
    const made = await api.call('owner-1', 'POST', '/host/api/files', { name: 'Blank.docx' });
    // Assess
    expect(made.status).toBe(201);
    const file = made.body as FileJson;
    expect(file).toMatchObject({ name: 'Blank.docx', role: 'owner' });
    expect((await api.download(file.id)).subarray(0, 2).toString()).toBe('PK');
    expect((await api.call('owner-1', 'GET', `/host/api/files/${file.id}`)).body).toMatchObject({ id: file.id });
  });

  it.each([
    ['a body that is not JSON', undefined, '{"name": '],
    ['a JSON array', undefined, '["x.docx"]'],
    ['a name that is a number', { name: 42 }, undefined],
    ['no name', {}, undefined],
    ['an extension with no template', { name: 'Odd.xyz' }, undefined],
    ['a name with a slash', { name: 'a/b.docx' }, undefined],
    ['a size that is a string', { name: 'up.bin', size: 'big' }, undefined],
  ])('refuses %s with a 400 and stores nothing', async (_case, body, raw) => {
    // Prepare
    const before = await ownNames();
    // Act
    const answer = await api.call('owner-1', 'POST', '/host/api/files', body, raw === undefined ? {} : { raw });
    // Assess
    expectRefusal(answer, 400);
    expect(await ownNames()).toEqual(before);
  });

  it('refuses a name the folder already holds with a 409', async () => {
    // Prepare
    await api.call('owner-1', 'POST', '/host/api/files', { name: 'Twice.xlsx' });
    // Act
    const again = await api.call('owner-1', 'POST', '/host/api/files', { name: 'Twice.xlsx' });
    // Assess
    expectRefusal(again, 409);
  });
});

describe('GET /host/api/files/{id}', () => {
  it('shows a shared file to the people it is shared with, and nothing to a stranger (404, not 403)', async () => {
    // Prepare
    const file = await sharedFile(api.host);
    // Act
    const [viewer, stranger] = await Promise.all([
      api.call('viewer-1', 'GET', `/host/api/files/${file.fileId}`),
      api.call('stranger', 'GET', `/host/api/files/${file.fileId}`),
    ]);
    // Assess
    expect(viewer).toMatchObject({ status: 200, body: { id: file.fileId, role: 'view' } });
    expectRefusal(stranger, 404);
  });

  it.each(['no-such-file', 'a%20b', 'x'.repeat(300)])(
    'answers an id that names no file (%s) with a 404',
    async (id) => {
      // Act
      const answer = await api.call('owner-1', 'GET', `/host/api/files/${id}`);
      // Assess
      expectRefusal(answer, 404);
    },
  );

  it('stops showing a file at the next call once its share is taken away', async () => {
    // Prepare
    const file = await sharedFile(api.host);
    expect((await api.call('viewer-1', 'GET', `/host/api/files/${file.fileId}`)).status).toBe(200);
    // Act
    await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}/shares/viewer-1`);
    // Assess
    expectRefusal(await api.call('viewer-1', 'GET', `/host/api/files/${file.fileId}`), 404);
  });

  it('refuses a caller without a valid key with a 401', async () => {
    // Prepare
    const file = await api.host.addFile('x');
    // Act
    const response = await fetch(`${api.host.baseUrl}/host/api/files/${file.fileId}`, {
      headers: { Authorization: 'Bearer wopi_not-a-key' },
    });
    // Assess
    expectRefusal({ status: response.status, body: await response.json() }, 401);
  });
});

describe('PATCH /host/api/files/{id} (rename)', () => {
  it('renames the file and keeps its content and version', async () => {
    // Prepare
    const file = await api.host.addFile('the same bytes', 'Before.docx');
    // Act
    const renamed = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, { name: 'After.docx' });
    // Assess
    expect(renamed).toMatchObject({ status: 200, body: { name: 'After.docx', version: file.content.version } });
    expect((await api.download(file.fileId)).toString()).toBe('the same bytes');
  });

  it('refuses a name another file of the folder has with a 409 and leaves both as they were', async () => {
    // Prepare
    const taken = await api.host.addFile('a', 'Taken.docx');
    const file = await api.host.addFile('b', 'Mine.docx');
    // Act
    const answer = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, { name: 'Taken.docx' });
    // Assess
    expectRefusal(answer, 409);
    expect((await api.call('owner-1', 'GET', `/host/api/files/${file.fileId}`)).body).toMatchObject({
      name: 'Mine.docx',
    });
    expect((await api.call('owner-1', 'GET', `/host/api/files/${taken.fileId}`)).body).toMatchObject({
      name: 'Taken.docx',
    });
  });

  it.each([
    ['an empty name', { name: '' }, undefined],
    ['a name with a slash', { name: 'x/y.docx' }, undefined],
    ['a name that is not a string', { name: ['a'] }, undefined],
    ['neither name nor folderId', {}, undefined],
    ['a body that is not JSON', undefined, 'name=x'],
  ])('refuses %s with a 400 and keeps the name', async (name, body, raw) => {
    // Prepare
    const file = await api.host.addFile('c', `Kept ${name}.docx`);
    // Act
    const answer = await api.call(
      'owner-1',
      'PATCH',
      `/host/api/files/${file.fileId}`,
      body,
      raw === undefined ? {} : { raw },
    );
    // Assess
    expectRefusal(answer, 400);
    expect((await api.call('owner-1', 'GET', `/host/api/files/${file.fileId}`)).body).toMatchObject({
      name: file.name,
    });
  });

  it('lets an editor rename, refuses a viewer (403) and a stranger (404)', async () => {
    // Prepare
    const file = await sharedFile(api.host, 'Shared name.docx');
    // Act
    const viewer = await api.call('viewer-1', 'PATCH', `/host/api/files/${file.fileId}`, {
      name: 'By viewer.docx',
    });
    const stranger = await api.call('stranger', 'PATCH', `/host/api/files/${file.fileId}`, {
      name: 'By stranger.docx',
    });
    const editor = await api.call('editor-1', 'PATCH', `/host/api/files/${file.fileId}`, {
      name: 'By editor.docx',
    });
    // Assess
    expectRefusal(viewer, 403);
    expectRefusal(stranger, 404);
    expect(editor).toMatchObject({ status: 200, body: { name: 'By editor.docx' } });
  });
});

describe('PATCH /host/api/files/{id} (move)', () => {
  it('moves the file into a folder of its owner and back to root, keeping content and version', async () => {
    // Prepare
    const folderId = await newFolder('Move here');
    const file = await api.host.addFile('moved bytes', 'Moving.docx');
    // Act
    const moved = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, { folderId });
    const listing = await api.call('owner-1', 'GET', `/host/api/folders/${folderId}`);
    const back = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, { folderId: 'root' });
    // Assess
    expect(moved).toMatchObject({ status: 200, body: { folderId, version: file.content.version } });
    expect((listing.body as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([file.fileId]);
    expect(back.status).toBe(200);
    expect((back.body as FileJson).folderId).not.toBe(folderId);
    expect((await api.download(file.fileId)).toString()).toBe('moved bytes');
  });

  it('refuses a move with a name that can never be used (400) before moving the file', async () => {
    // Prepare
    const folderId = await newFolder('Not moved into');
    const file = await api.host.addFile('z', 'Unmoved.docx');
    // Act
    const answer = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, {
      folderId,
      name: 'bad/name.docx',
    });
    // Assess
    expectRefusal(answer, 400);
    expect((await api.call('owner-1', 'GET', `/host/api/folders/${folderId}`)).body).toMatchObject({ items: [] });
  });

  it('refuses a move into a folder holding the name with a 409', async () => {
    // Prepare
    const folderId = await newFolder('Has the name');
    await api.call('owner-1', 'POST', '/host/api/files', { name: 'Same.docx', folderId });
    const file = await api.host.addFile('x', 'Same.docx');
    // Act
    const answer = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, { folderId });
    // Assess
    expectRefusal(answer, 409);
    expect((await api.call('owner-1', 'GET', `/host/api/files/${file.fileId}`)).body).not.toMatchObject({
      folderId,
    });
  });

  it("refuses an editor's move of the owner's file into the editor's own folder (across owners)", async () => {
    // Prepare
    const file = await sharedFile(api.host);
    const editorsFolder = await newFolder('Editor things', 'editor-1');
    // Act
    const answer = await api.call('editor-1', 'PATCH', `/host/api/files/${file.fileId}`, {
      folderId: editorsFolder,
    });
    // Assess
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expectRefusal(answer, answer.status);
    expect((await api.call('owner-1', 'GET', `/host/api/files/${file.fileId}`)).body).not.toMatchObject({
      folderId: editorsFolder,
    });
  });

  it('refuses a move into a folder the caller cannot edit, and into one that does not exist', async () => {
    // Prepare
    const file = await api.host.addFile('y');
    const strangersFolder = (await api.call('stranger', 'POST', '/host/api/folders', { name: 'Private' })).body as {
      id: string;
    };
    // Act
    const intoStrangers = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, {
      folderId: strangersFolder.id,
    });
    const intoNothing = await api.call('owner-1', 'PATCH', `/host/api/files/${file.fileId}`, {
      folderId: 'nosuchfolder',
    });
    // Assess
    expectRefusal(intoStrangers, 404);
    expectRefusal(intoNothing, 404);
  });
});

describe('DELETE /host/api/files/{id}', () => {
  it('moves the file to the trash for the owner; it is gone from the listing', async () => {
    // Prepare
    const file = await api.host.addFile('z', 'Bin me.docx');
    // Act
    const deleted = await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}`);
    // Assess
    expect(deleted).toMatchObject({ status: 200, body: { id: file.fileId, trashedAt: expect.any(String) } });
    expect(await ownNames()).not.toContain('Bin me.docx');
    const trash = (await api.call('owner-1', 'GET', '/host/api/trash')).body as { files: FileJson[] };
    expect(trash.files.map((f) => f.id)).toContain(file.fileId);
  });

  it('refuses a viewer and an editor (403) and a stranger (404); an edit+delete share deletes', async () => {
    // Prepare
    const file = await sharedFile(api.host);
    await api.call('owner-1', 'PUT', `/host/api/files/${file.fileId}/shares/editor-2`, { share: 'edit+delete' });
    // Act
    const viewer = await api.call('viewer-1', 'DELETE', `/host/api/files/${file.fileId}`);
    const editor = await api.call('editor-1', 'DELETE', `/host/api/files/${file.fileId}`);
    const stranger = await api.call('stranger', 'DELETE', `/host/api/files/${file.fileId}`);
    const stillThere = await api.call('owner-1', 'GET', `/host/api/files/${file.fileId}`);
    const deleter = await api.call('editor-2', 'DELETE', `/host/api/files/${file.fileId}`);
    // Assess
    expectRefusal(viewer, 403);
    expectRefusal(editor, 403);
    expectRefusal(stranger, 404);
    expect((stillThere.body as FileJson).trashedAt).toBeUndefined();
    expect(deleter.status).toBe(200);
  });
});
