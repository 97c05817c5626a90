// WOPI EnumerateChildren and EnumerateAncestors (files and containers) against the emulators, as the docs and the
// validator's EnumerateAncestorsAndChildren group ask: every child at once (no paging), files filtered by extension
// without regard to case, ancestors root first with container tokens, and only what the user may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderChildren } from '../../lambda/domain/children';
import { createFile } from '../../lambda/domain/create-file';
import { shareFolder } from '../../lambda/domain/folders';
import { addFolder, containerCall, rootOf } from '../support/wopi-containers';
import { uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

interface Pointer {
  readonly Name: string;
  readonly Url: string;
}
interface ChildFile extends Pointer {
  readonly Size: number;
  readonly Version: string;
  readonly LastModifiedTime: string;
}

function addFileIn(owner: string, name: string, folderId?: string) {
  return createFile(host.deps, { name, ownerId: owner, bytes: Buffer.from('abc'), folderId }, host.clock.now());
}

async function children(containerId: string, userId: string, filter?: string) {
  const headers: Record<string, string> = filter === undefined ? {} : { 'X-WOPI-FileExtensionFilterList': filter };
  const res = await containerCall(host, containerId, userId, { path: '/children', headers });
  expect(res.status).toBe(200);
  return (await res.json()) as { ChildFiles: ChildFile[]; ChildContainers: Pointer[] };
}

async function ancestorsOf(res: Response): Promise<string[]> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { AncestorsWithRootFirst: Pointer[] }).AncestorsWithRootFirst.map((a) => a.Name);
}

const names = (items: readonly Pointer[]) => items.map((item) => item.Name).sort();

describe('EnumerateChildren', () => {
  it('lists every file and folder directly inside, with each file’s Size and Version and a Url that opens it', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const folder = await addFolder(host, root.folderId, 'Inside', owner);
    await addFolder(host, folder.folderId, 'Deeper', owner);
    await addFileIn(owner, 'a.docx', folder.folderId);
    await addFileIn(owner, 'top.docx');
    // Act
    const listed = await children(folder.folderId, owner);
    const opened = await fetch(listed.ChildFiles[0]?.Url ?? '');
    // Assess
    expect({
      files: listed.ChildFiles.map(({ Name, Size, Version }) => ({ Name, Size, Version })),
      folders: names(listed.ChildContainers),
      opened: opened.status,
    }).toEqual({ files: [{ Name: 'a.docx', Size: 3, Version: '1' }], folders: ['Deeper'], opened: 200 });
  });

  it('filters files, not folders, by X-WOPI-FileExtensionFilterList without regard to case', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    await addFolder(host, root.folderId, 'Folder.docx.d', owner);
    for (const name of ['a.wopitest', 'b.DOCX', 'c.xlsx', 'd.pdf']) await addFileIn(owner, name);
    // Act
    const one = await children(root.folderId, owner, '.wopitest');
    const several = await children(root.folderId, owner, '.wopitest,.docx,.xlsx');
    // Assess
    expect([names(one.ChildFiles), names(several.ChildFiles), names(several.ChildContainers)]).toEqual([
      ['a.wopitest'],
      ['a.wopitest', 'b.DOCX', 'c.xlsx'],
      ['Folder.docx.d'],
    ]);
  });

  it('refuses a filter that is not a list of ".ext" with 400', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const res = await containerCall(host, root.folderId, owner, {
      path: '/children',
      headers: { 'X-WOPI-FileExtensionFilterList': 'docx, .xlsx' },
    });
    // Assess
    expect(res.status).toBe(400);
  });

  it('reads the listing to its last page: every child, once, in name order', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const folder = await addFolder(host, root.folderId, 'Many', owner);
    const expected = Array.from({ length: 23 }, (_, i) => `f${String(i).padStart(2, '0')}.txt`);
    await Promise.all(expected.map((name) => addFileIn(owner, name, folder.folderId)));
    // Act: pages of 5, so the Query is repeated five times
    const listed = await folderChildren(host.deps, folder.folderId, owner, undefined, 5);
    // Assess
    expect(listed.files.map((file) => file.name)).toEqual(expected);
  });

  it('answers 404 to a user the folder was not given', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const res = await containerCall(host, root.folderId, uniqueOwner(), { path: '/children' });
    // Assess
    expect(res.status).toBe(404);
  });
});

describe('EnumerateAncestors', () => {
  it("gives a file in its owner's root the root, and a file deeper down every folder above it, root first", async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const a = await addFolder(host, root.folderId, 'A', owner);
    const b = await addFolder(host, a.folderId, 'B', owner);
    const top = await addFileIn(owner, 'top.docx');
    const deep = await addFileIn(owner, 'deep.docx', b.folderId);
    // Act
    const ofTop = await ancestorsOf(await host.wopi(top.fileId, { method: 'GET', path: '/ancestry' }));
    const ofDeep = await ancestorsOf(await host.wopi(deep.fileId, { method: 'GET', path: '/ancestry' }));
    // Assess
    expect([ofTop, ofDeep]).toEqual([['My documents'], ['My documents', 'A', 'B']]);
  });

  it('gives a root container no ancestors and a folder the ones above it, whose Urls open them', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const a = await addFolder(host, root.folderId, 'A', owner);
    const b = await addFolder(host, a.folderId, 'B', owner);
    // Act
    const ofRoot = await ancestorsOf(await containerCall(host, root.folderId, owner, { path: '/ancestry' }));
    const res = await containerCall(host, b.folderId, owner, { path: '/ancestry' });
    const pointers = ((await res.json()) as { AncestorsWithRootFirst: Pointer[] }).AncestorsWithRootFirst;
    const opened = await Promise.all(pointers.map(async (p) => ((await (await fetch(p.Url)).json()) as Pointer).Name));
    // Assess
    expect([ofRoot, opened]).toEqual([[], ['My documents', 'A']]);
  });

  it('shows a member of a shared folder that folder and nothing above it', async () => {
    // Prepare
    const owner = uniqueOwner();
    const member = uniqueOwner();
    const root = await rootOf(host, owner);
    const team = await addFolder(host, root.folderId, 'Team', owner);
    const inner = await addFolder(host, team.folderId, 'Inner', owner);
    await shareFolder({ ...host.deps, now: host.clock.now(), userId: owner }, team.folderId, member, 'view');
    const file = await addFileIn(owner, 'x.docx', inner.folderId);
    // Act
    const token = await host.token(file.fileId, 'read', { userId: member });
    const ofFile = await ancestorsOf(await host.wopi(file.fileId, { method: 'GET', path: '/ancestry', token }));
    const ofInner = await ancestorsOf(await containerCall(host, inner.folderId, member, { path: '/ancestry' }));
    // Assess
    expect([ofFile, ofInner]).toEqual([['Team', 'Inner'], ['Team']]);
  });

  it('shows no folder for a file shared on its own, and answers 404 to a stranger', async () => {
    // Prepare
    const owner = uniqueOwner();
    const [friend, stranger] = [uniqueOwner(), uniqueOwner()];
    const file = await addFileIn(owner, 'shared.docx');
    await host.share(file.fileId, friend, 'view');
    const call = async (userId: string) =>
      host.wopi(file.fileId, {
        method: 'GET',
        path: '/ancestry',
        token: await host.token(file.fileId, 'read', { userId }),
      });
    // Act
    const byFriend = await ancestorsOf(await call(friend));
    const byStranger = await call(stranger);
    // Assess
    expect([byFriend, byStranger.status]).toEqual([[], 404]);
  });
});
