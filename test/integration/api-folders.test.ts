// The files API's folder routes and what others shared: GET /host/api/folders/{id} (a page of children, "root"),
// POST /host/api/folders, PATCH/DELETE /host/api/folders/{id} (rename, move, delete when empty), PUT/DELETE
// /host/api/folders/{id}/shares/{userId}, GET /host/api/files?shared=true. Rights come from the folder chain at each
// request: a stranger is told nothing exists, an editor of a folder adds to it but does not share it, a share taken
// away stops at the next call.
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../support/api-people';
import { expectRefusal, useApiHost } from '../support/files-api-calls';

interface Item {
  readonly kind: 'file' | 'folder';
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly ownerId: string;
}

interface Page {
  readonly folder: { id: string; role: string };
  readonly items: Item[];
  readonly next?: string;
}

const api = useApiHost();

async function newFolder(name: string, parentId?: string) {
  const made = await api.call('owner-1', 'POST', '/host/api/folders', { name, ...(parentId && { parentId }) });
  expect(made.status).toBe(201);
  return (made.body as { id: string }).id;
}

async function childNames(folderId: string, who: 'owner-1' | 'editor-1' = 'owner-1') {
  const page = await api.call(who, 'GET', `/host/api/folders/${folderId}?limit=500`);
  return (page.body as Page).items.map((item) => item.name);
}

describe('GET /host/api/folders/{id}', () => {
  it('answers "root" with the caller\'s own root, the one /me names', async () => {
    // Act
    const [root, me] = await Promise.all([
      api.call('editor-2', 'GET', '/host/api/folders/root'),
      api.call('editor-2', 'GET', '/host/api/me'),
    ]);
    // Assess
    expect(root.status).toBe(200);
    expect((root.body as Page).folder).toMatchObject({
      id: (me.body as { rootFolderId: string }).rootFolderId,
      role: 'owner',
    });
  });

  it('gives every child exactly once across pages of `limit`, folders and files', async () => {
    // Prepare
    const folderId = await newFolder('Paged');
    const names = ['a.docx', 'b.xlsx', 'c.pptx', 'd.odt', 'e.ods', 'f.odp', 'g.docx'];
    for (const name of names) await api.call('owner-1', 'POST', '/host/api/files', { name, folderId });
    await newFolder('Sub one', folderId);
    await newFolder('Sub two', folderId);
    // Act
    const seen: Item[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const query = `limit=2${after === undefined ? '' : `&after=${encodeURIComponent(after)}`}`;
      const page = await api.call('owner-1', 'GET', `/host/api/folders/${folderId}?${query}`);
      expect(page.status).toBe(200);
      const body = page.body as Page;
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items);
      after = body.next;
      pages++;
    } while (after !== undefined && pages < 20);
    // Assess
    expect(seen.map((item) => item.name).sort()).toEqual([...names, 'Sub one', 'Sub two'].sort());
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
    expect(seen.filter((item) => item.kind === 'folder').length).toBe(2);
  });

  it.each(['0', '501', '-1', '1.5', 'ten', ''])('refuses limit=%s with a 400', async (limit) => {
    // Act
    const answer = await api.call('owner-1', 'GET', `/host/api/folders/root?limit=${limit}`);
    // Assess
    expectRefusal(answer, 400);
  });

  it('answers a folder that is not there, and a stranger asking for a folder, with a 404', async () => {
    // Prepare
    const folderId = await newFolder('Not for strangers');
    // Act
    const missing = await api.call('owner-1', 'GET', '/host/api/folders/nosuchfolder');
    const stranger = await api.call('stranger', 'GET', `/host/api/folders/${folderId}`);
    // Assess
    expectRefusal(missing, 404);
    expectRefusal(stranger, 404);
  });

  it('refuses a folder id no folder can have with a 4xx', async () => {
    // Act
    const answer = await api.call('owner-1', 'GET', `/host/api/folders/${encodeURIComponent('a b;c')}`);
    // Assess
    expect([400, 404]).toContain(answer.status);
    expectRefusal(answer, answer.status);
  });
});

describe('POST /host/api/folders', () => {
  it("makes a folder in the caller's root, and one inside it", async () => {
    // Act
    const outer = await newFolder('Outer');
    const inner = await api.call('owner-1', 'POST', '/host/api/folders', { name: 'Inner', parentId: outer });
    // Assess
    expect(inner).toMatchObject({ status: 201, body: { name: 'Inner', parentId: outer, role: 'owner' } });
    expect(await childNames(outer)).toEqual(['Inner']);
  });

  it.each([
    ['a body that is not JSON', undefined, '{name'],
    ['no name', {}, undefined],
    ['a name that is a number', { name: 7 }, undefined],
    ['an empty name', { name: '' }, undefined],
    ['a name with a slash', { name: 'a/b' }, undefined],
    ['a parentId that is not a string', { name: 'Ok', parentId: 3 }, undefined],
  ])('refuses %s with a 400 and makes nothing', async (_case, body, raw) => {
    // Prepare
    const before = await childNames('root');
    // Act
    const answer = await api.call('owner-1', 'POST', '/host/api/folders', body, raw === undefined ? {} : { raw });
    // Assess
    expectRefusal(answer, 400);
    expect(await childNames('root')).toEqual(before);
  });

  it('refuses a name the parent holds with a 409', async () => {
    // Prepare
    await newFolder('Twice');
    // Act
    const again = await api.call('owner-1', 'POST', '/host/api/folders', { name: 'Twice' });
    // Assess
    expectRefusal(again, 409);
  });

  it("refuses a folder inside a stranger's folder with a 404", async () => {
    // Prepare
    const folderId = await newFolder('Owner only');
    // Act
    const answer = await api.call('stranger', 'POST', '/host/api/folders', { name: 'Sneaky', parentId: folderId });
    // Assess
    expectRefusal(answer, 404);
    expect(await childNames(folderId)).toEqual([]);
  });
});

describe('PUT/DELETE /host/api/folders/{id}/shares/{userId}', () => {
  it("lets an editor of a folder add files to it (owned by the folder's owner) but not share it", async () => {
    // Prepare
    const folderId = await newFolder('Team');
    const shared = await api.call('owner-1', 'PUT', `/host/api/folders/${folderId}/shares/editor-1`, {
      share: 'edit',
    });
    // Act
    const added = await api.call('editor-1', 'POST', '/host/api/files', { name: 'From editor.docx', folderId });
    const reshare = await api.call('editor-1', 'PUT', `/host/api/folders/${folderId}/shares/stranger`, {
      share: 'view',
    });
    // Assess
    expect(shared.status).toBe(200);
    expect(added).toMatchObject({ status: 201, body: { ownerId: 'owner-1', folderId } });
    expectRefusal(reshare, 403);
    expectRefusal(await api.call('stranger', 'GET', `/host/api/folders/${folderId}`), 404);
  });

  it('lets a viewer of a folder list it but not add to it (403)', async () => {
    // Prepare
    const folderId = await newFolder('Read only');
    await api.call('owner-1', 'PUT', `/host/api/folders/${folderId}/shares/viewer-1`, { share: 'view' });
    // Act
    const listed = await api.call('viewer-1', 'GET', `/host/api/folders/${folderId}`);
    const added = await api.call('viewer-1', 'POST', '/host/api/files', { name: 'Nope.docx', folderId });
    // Assess
    expect(listed).toMatchObject({ status: 200, body: { folder: { role: 'view' } } });
    expectRefusal(added, 403);
    expect(await childNames(folderId)).toEqual([]);
  });

  it('stops the share at the next call once it is taken away', async () => {
    // Prepare
    const folderId = await newFolder('Brief');
    await api.call('owner-1', 'PUT', `/host/api/folders/${folderId}/shares/editor-2`, { share: 'edit' });
    expect((await api.call('editor-2', 'GET', `/host/api/folders/${folderId}`)).status).toBe(200);
    // Act
    const unshared = await api.call('owner-1', 'DELETE', `/host/api/folders/${folderId}/shares/editor-2`);
    // Assess
    expect(unshared.status).toBe(200);
    expectRefusal(await api.call('editor-2', 'GET', `/host/api/folders/${folderId}`), 404);
    expectRefusal(await api.call('editor-2', 'POST', '/host/api/files', { name: 'Late.docx', folderId }), 404);
  });

  it.each([
    ['a share that is not one', { share: 'all' }],
    ['no share', {}],
    ['a share that is a number', { share: 1 }],
  ])('refuses %s with a 400 and shares nothing', async (name, body) => {
    // Prepare
    const folderId = await newFolder(`Unshared ${name}`);
    // Act
    const answer = await api.call('owner-1', 'PUT', `/host/api/folders/${folderId}/shares/editor-1`, body);
    // Assess
    expectRefusal(answer, 400);
    expectRefusal(await api.call('editor-1', 'GET', `/host/api/folders/${folderId}`), 404);
  });

  it('refuses to share the root (403), a stranger sharing (404), and a user who does not exist (4xx)', async () => {
    // Prepare
    const folderId = await newFolder('Mine alone');
    const me = (await api.call('owner-1', 'GET', '/host/api/me')).body as { rootFolderId: string };
    // Act
    const root = await api.call('owner-1', 'PUT', `/host/api/folders/${me.rootFolderId}/shares/editor-1`, {
      share: 'edit',
    });
    const stranger = await api.call('stranger', 'PUT', `/host/api/folders/${folderId}/shares/stranger`, {
      share: 'edit',
    });
    const nobody = await api.call('owner-1', 'PUT', `/host/api/folders/${folderId}/shares/no-such-user`, {
      share: 'edit',
    });
    // Assess
    expectRefusal(root, 403);
    expectRefusal(stranger, 404);
    expect(nobody.status).toBeGreaterThanOrEqual(400);
    expect(nobody.status).toBeLessThan(500);
    expectRefusal(nobody, nobody.status);
  });
});

const rootId = async () =>
  ((await api.call('owner-1', 'GET', '/host/api/me')).body as { rootFolderId: string }).rootFolderId;

describe('PATCH /host/api/folders/{id}', () => {
  it('renames a folder: its parent lists the new name, and the old name is free again', async () => {
    // Prepare
    const folderId = await newFolder('Before rename');
    // Act
    const renamed = await api.call('owner-1', 'PATCH', `/host/api/folders/${folderId}`, { name: 'After rename' });
    // Assess
    expect(renamed).toMatchObject({ status: 200, body: { id: folderId, name: 'After rename', role: 'owner' } });
    const names = await childNames(await rootId());
    expect(names).toContain('After rename');
    expect(names).not.toContain('Before rename');
    expect(await newFolder('Before rename')).not.toBe(folderId);
  });

  it('moves a folder, with what is in it, under another folder; "root" brings it back to My documents', async () => {
    // Prepare
    const moving = await newFolder('Moving');
    await api.call('owner-1', 'POST', '/host/api/files', { name: 'Inside.docx', folderId: moving });
    const target = await newFolder('Target');
    // Act
    const moved = await api.call('owner-1', 'PATCH', `/host/api/folders/${moving}`, { parentId: target });
    const listedInTarget = await childNames(target);
    const back = await api.call('owner-1', 'PATCH', `/host/api/folders/${moving}`, { parentId: 'root' });
    // Assess
    expect(moved).toMatchObject({ status: 200, body: { id: moving, parentId: target } });
    expect(listedInTarget).toEqual(['Moving']);
    expect(await childNames(moving)).toEqual(['Inside.docx']);
    expect(back).toMatchObject({ status: 200, body: { parentId: await rootId() } });
    expect(await childNames(target)).toEqual([]);
  });

  it('refuses a move into the folder itself or a folder inside it, and a name taken there (409), changing nothing', async () => {
    // Prepare
    const outer = await newFolder('Outer to move');
    const inner = await newFolder('Inner to move into', outer);
    await newFolder('Name taken by a sibling');
    // Act
    const intoItself = await api.call('owner-1', 'PATCH', `/host/api/folders/${outer}`, { parentId: outer });
    const intoInner = await api.call('owner-1', 'PATCH', `/host/api/folders/${outer}`, { parentId: inner });
    const taken = await api.call('owner-1', 'PATCH', `/host/api/folders/${outer}`, { name: 'Name taken by a sibling' });
    // Assess
    for (const answer of [intoItself, intoInner, taken]) expectRefusal(answer, 409);
    expect(await childNames(await rootId())).toContain('Outer to move');
    expect(await childNames(outer)).toEqual(['Inner to move into']);
  });

  it('lets an editor of the folder rename it; a viewer is refused (403), a stranger told nothing is there (404)', async () => {
    // Prepare
    const folderId = await newFolder('Renamed by others');
    await api.call('owner-1', 'PUT', `/host/api/folders/${folderId}/shares/editor-1`, { share: 'edit' });
    await api.call('owner-1', 'PUT', `/host/api/folders/${folderId}/shares/viewer-1`, { share: 'view' });
    // Act
    const byViewer = await api.call('viewer-1', 'PATCH', `/host/api/folders/${folderId}`, { name: 'Viewer was here' });
    const byStranger = await api.call('stranger', 'PATCH', `/host/api/folders/${folderId}`, { name: 'Stranger' });
    const byEditor = await api.call('editor-1', 'PATCH', `/host/api/folders/${folderId}`, { name: 'Editor renamed' });
    // Assess
    expectRefusal(byViewer, 403);
    expectRefusal(byStranger, 404);
    expect(byEditor).toMatchObject({ status: 200, body: { name: 'Editor renamed', role: 'edit' } });
  });

  it('refuses a move with a name that can never be used (400) before moving anything', async () => {
    // Prepare
    const folderId = await newFolder('Stays put');
    const target = await newFolder('Never reached');
    // Act
    const answer = await api.call('owner-1', 'PATCH', `/host/api/folders/${folderId}`, {
      parentId: target,
      name: 'bad/name',
    });
    // Assess
    expectRefusal(answer, 400);
    expect(await childNames(target)).toEqual([]);
    expect(await childNames(await rootId())).toContain('Stays put');
  });

  it.each([
    ['neither a name nor a parent', {}],
    ['an empty name', { name: '' }],
    ['a name with a slash', { name: 'a/b' }],
    ['a name that is a number', { name: 5 }],
  ])('refuses %s with a 400 and keeps the name', async (refused, body) => {
    // Prepare
    const folderId = await newFolder(`Kept from ${refused}`);
    // Act
    const answer = await api.call('owner-1', 'PATCH', `/host/api/folders/${folderId}`, body);
    // Assess
    expectRefusal(answer, 400);
    expect(await childNames(await rootId())).toContain(`Kept from ${refused}`);
  });
});

describe('DELETE /host/api/folders/{id}', () => {
  it('deletes an empty folder: its parent no longer lists it, it is not found after, and its name is free', async () => {
    // Prepare
    const folderId = await newFolder('Short lived');
    // Act
    const deleted = await api.call('owner-1', 'DELETE', `/host/api/folders/${folderId}`);
    // Assess
    expect(deleted).toMatchObject({ status: 200, body: { id: folderId, deleted: true } });
    expect(await childNames(await rootId())).not.toContain('Short lived');
    expectRefusal(await api.call('owner-1', 'GET', `/host/api/folders/${folderId}`), 404);
    expect(await newFolder('Short lived')).not.toBe(folderId);
  });

  it('keeps a folder with something in it (409), the root (403), and refuses an editor without delete (403) and a stranger (404)', async () => {
    // Prepare
    const withFile = await newFolder('Has a file');
    await api.call('owner-1', 'POST', '/host/api/files', { name: 'Keep.docx', folderId: withFile });
    const withFolder = await newFolder('Has a folder');
    await newFolder('Child', withFolder);
    const empty = await newFolder('Empty but guarded');
    await api.call('owner-1', 'PUT', `/host/api/folders/${empty}/shares/editor-1`, { share: 'edit' });
    // Act
    const answers = {
      withFile: await api.call('owner-1', 'DELETE', `/host/api/folders/${withFile}`),
      withFolder: await api.call('owner-1', 'DELETE', `/host/api/folders/${withFolder}`),
      root: await api.call('owner-1', 'DELETE', '/host/api/folders/root'),
      editor: await api.call('editor-1', 'DELETE', `/host/api/folders/${empty}`),
      stranger: await api.call('stranger', 'DELETE', `/host/api/folders/${empty}`),
    };
    // Assess
    expectRefusal(answers.withFile, 409);
    expectRefusal(answers.withFolder, 409);
    expectRefusal(answers.root, 403);
    expectRefusal(answers.editor, 403);
    expectRefusal(answers.stranger, 404);
    expect(await childNames(withFile)).toEqual(['Keep.docx']);
    expect(await childNames(withFolder)).toEqual(['Child']);
    expect(await childNames(await rootId())).toEqual(
      expect.arrayContaining(['Has a file', 'Has a folder', 'Empty but guarded']),
    );
  });
});

describe('GET /host/api/files?shared=true', () => {
  it('lists the files others shared with the caller, not their own, and no longer one unshared', async () => {
    // Prepare
    const file = await sharedFile(api.host, 'For the team.docx');
    await api.call('editor-1', 'POST', '/host/api/files', { name: 'Editor own.docx' });
    const sharedIds = async () =>
      ((await api.call('editor-1', 'GET', '/host/api/files?shared=true')).body as { files: Item[] }).files.map(
        (f) => f.id,
      );
    // Act
    const before = await sharedIds();
    const strangers = (await api.call('stranger', 'GET', '/host/api/files?shared=true')).body as { files: Item[] };
    await api.call('owner-1', 'DELETE', `/host/api/files/${file.fileId}/shares/editor-1`);
    const after = await sharedIds();
    // Assess
    expect(before).toContain(file.fileId);
    expect(
      ((await api.call('editor-1', 'GET', '/host/api/files?shared=true')).body as { files: Item[] }).files.every(
        (f) => f.ownerId !== 'editor-1',
      ),
    ).toBe(true);
    expect(strangers.files.map((f) => f.id)).not.toContain(file.fileId);
    expect(after).not.toContain(file.fileId);
  });

  it('lists the folders others shared with the caller, with the role each gives, and no longer one unshared', async () => {
    // Prepare: one folder shared for editing, one for viewing, and the caller's own folder
    const edited = await newFolder('Shared for editing');
    const viewed = await newFolder('Shared for viewing');
    await api.call('owner-1', 'PUT', `/host/api/folders/${edited}/shares/editor-2`, { share: 'edit' });
    await api.call('owner-1', 'PUT', `/host/api/folders/${viewed}/shares/editor-2`, { share: 'view' });
    await api.call('editor-2', 'POST', '/host/api/folders', { name: 'Editor two own' });
    const sharedFolders = async (who: 'editor-2' | 'stranger') => {
      const answer = await api.call(who, 'GET', '/host/api/files?shared=true');
      expect(answer.status).toBe(200);
      return ((answer.body as { folders: Item[] }).folders ?? []).map(({ id, name, role }) => ({ id, name, role }));
    };
    // Act
    const before = await sharedFolders('editor-2');
    const strangers = await sharedFolders('stranger');
    await api.call('owner-1', 'DELETE', `/host/api/folders/${viewed}/shares/editor-2`);
    const after = await sharedFolders('editor-2');
    // Assess
    expect(before).toEqual([
      { id: edited, name: 'Shared for editing', role: 'edit' },
      { id: viewed, name: 'Shared for viewing', role: 'view' },
    ]);
    expect(strangers).toEqual([]);
    expect(after).toEqual([{ id: edited, name: 'Shared for editing', role: 'edit' }]);
  });

  it.each(['maybe', 'TRUE', '1'])('refuses shared=%s with a 400', async (value) => {
    // Act
    const answer = await api.call('editor-1', 'GET', `/host/api/files?shared=${value}`);
    // Assess
    expectRefusal(answer, 400);
  });
});
