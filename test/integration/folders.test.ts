// Folders (issue 13's core, against the emulators): every user has a root, folders nest, names are unique per
// folder across files and folders, moving or renaming a folder rewrites nothing inside it, and a share of a folder
// gives its role to everything inside, read from the folders at the moment of each request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootFolderId } from '../../lambda/domain/folder-record';
import {
  createFolder,
  deleteFolder,
  type FolderDeps,
  listChildren,
  moveFolder,
  renameFolder,
  rootFolder,
  shareFolder,
} from '../../lambda/domain/folders';
import { moveFile } from '../../lambda/domain/move-file';
import { restoreFromTrash, trashFile } from '../../lambda/domain/trash';
import { checkFileInfo, lockFile, uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

const deps = (userId: string): FolderDeps & { sharedWith: TestHost['deps']['sharedWith'] } => ({
  ...host.deps,
  now: host.clock.now(),
  userId,
});

/** Every store of the host, as the user acts. */
const acting = (userId: string) => ({ ...host.deps, now: host.clock.now(), userId });

async function fileIn(owner: string, folderId: string | undefined, name: string) {
  const { createFile } = await import('../../lambda/domain/create-file');
  return createFile(host.deps, { name, ownerId: owner, folderId, bytes: Buffer.from(name) }, host.clock.now());
}

/** Why the call was refused; a call that succeeds fails the test. */
const refusalOf = (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => String(error),
  );

const namesOf = (page: Awaited<ReturnType<typeof listChildren>>) =>
  page.items.map((item) => (item.kind === 'folder' ? `${item.folder.name}/` : item.file.name));

describe('folders', () => {
  it("lists a file made before folders in its owner's root, which is made on first need", async () => {
    // Prepare
    const owner = uniqueOwner();
    await host.addFile('old', 'made-before-folders.docx', owner);
    // Act
    const root = await rootFolder(deps(owner), owner);
    const page = await listChildren(host.deps, root, { limit: 10 });
    // Assess
    expect({ id: root.folderId, name: root.name }).toEqual({ id: rootFolderId(owner), name: 'My documents' });
    expect(namesOf(page)).toEqual(['made-before-folders.docx']);
  });

  it('nests folders, and keeps names unique per folder across files and folders (case-insensitively)', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const plans = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Plans' });
    // Act
    const sameNameFolder = await refusalOf(createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'plans' }));
    const sameNameFile = await refusalOf(fileIn(owner, undefined, 'Plans'));
    const suggested = await createFolder(deps(owner), root.folderId, { mode: 'suggested', name: 'Plans' });
    const nested = await createFolder(deps(owner), plans.folderId, { mode: 'exact', name: 'Plans' });
    // Assess
    expect([sameNameFolder, sameNameFile]).toEqual([
      expect.stringMatching(/already exists/),
      expect.stringMatching(/already exists/),
    ]);
    expect(suggested.name).toBe('Plans (2)');
    expect(nested.parentId).toBe(plans.folderId);
  });

  it("refuses a share of a folder by anyone but its owner, and stores nothing for it, not even the sharee's hint", async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const team = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Team' });
    await shareFolder(deps(owner), team.folderId, 'editor-of-team', 'edit');
    const sharee = `sharee-${uniqueOwner()}`;
    // Act
    const refused = await refusalOf(shareFolder(deps('editor-of-team'), team.folderId, sharee, 'view'));
    // Assess
    expect(refused).toMatch(/Only the owner shares a folder/);
    expect(await host.deps.sharedWith.list(sharee)).toEqual([]);
  });

  it('lists a page larger than one batch read takes (100 keys), every child once', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const folder = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Big' });
    const names = Array.from({ length: 130 }, (_, i) => `doc-${String(i).padStart(3, '0')}.docx`);
    await Promise.all(names.map((name) => fileIn(owner, folder.folderId, name)));
    // Act
    const page = await listChildren(host.deps, folder, { limit: 200 });
    // Assess
    expect({ names: namesOf(page), next: page.next }).toEqual({ names, next: undefined });
  });

  it('pages through a folder by name, the same listing whatever the page size', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const folder = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Many' });
    for (let i = 0; i < 7; i++) await fileIn(owner, folder.folderId, `doc-${i}.docx`);
    // Act
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listChildren(host.deps, folder, { limit: 3, ...(after !== undefined && { after }) });
      seen.push(...namesOf(page));
      after = page.next;
    } while (after !== undefined);
    // Assess
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `doc-${i}.docx`));
  });

  it('moves and renames a folder without touching what is inside, and refuses a move into itself', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const a = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'A' });
    const b = await createFolder(deps(owner), a.folderId, { mode: 'exact', name: 'B' });
    const inside = await fileIn(owner, b.folderId, 'inside.docx');
    // Act
    await renameFolder(deps(owner), a.folderId, 'Archive');
    const intoItself = await refusalOf(moveFolder(deps(owner), a.folderId, b.folderId));
    await moveFolder(deps(owner), b.folderId, root.folderId);
    // Assess
    expect(intoItself).toMatch(/cannot move into itself/);
    const after = await host.deps.files.get(inside.fileId);
    expect({ folderId: after?.folderId, rev: after?.rev }).toEqual({ folderId: b.folderId, rev: inside.rev });
    expect(namesOf(await listChildren(host.deps, root, { limit: 10 }))).toEqual(['Archive/', 'B/']);
  });

  it('deletes only an empty folder', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const full = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Full' });
    await fileIn(owner, full.folderId, 'keep.docx');
    const empty = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Empty' });
    // Act
    const refused = await refusalOf(deleteFolder(deps(owner), full.folderId));
    await deleteFolder(deps(owner), empty.folderId);
    // Assess
    expect(refused).toMatch(/not empty/);
    expect(namesOf(await listChildren(host.deps, root, { limit: 10 }))).toEqual(['Full/']);
  });

  it('brings a file back from the trash into My documents when its folder was deleted meanwhile', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const gone = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Gone' });
    const kept = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Kept' });
    const orphan = await fileIn(owner, gone.folderId, 'orphan.docx');
    const stays = await fileIn(owner, kept.folderId, 'stays.docx');
    await trashFile(acting(owner), orphan.fileId);
    await trashFile(acting(owner), stays.fileId);
    await deleteFolder(deps(owner), gone.folderId);
    // Act
    const restored = await restoreFromTrash(acting(owner), orphan.fileId);
    await restoreFromTrash(acting(owner), stays.fileId);
    // Assess
    expect(restored.folderId).toBeUndefined();
    expect(namesOf(await listChildren(host.deps, root, { limit: 10 }))).toEqual(['Kept/', 'orphan.docx']);
    expect(namesOf(await listChildren(host.deps, kept, { limit: 10 }))).toEqual(['stays.docx']);
  });

  it("gives a folder's share to every file inside it, and takes it away at the next request when revoked", async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const team = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Team' });
    const sub = await createFolder(deps(owner), team.folderId, { mode: 'exact', name: 'Sub' });
    const file = await fileIn(owner, sub.folderId, 'deep.docx');
    await shareFolder(deps(owner), team.folderId, 'member', 'edit');
    const token = await host.token(file.fileId, 'write', { userId: 'member' });
    // Act
    const info = (await (await checkFileInfo(host, file.fileId, token)).json()) as { UserCanWrite: boolean };
    const locked = await lockFile(host, file.fileId, 'member-session', token);
    await host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'member-session' }, token });
    await shareFolder(deps(owner), team.folderId, 'member', undefined);
    const afterRevoke = await checkFileInfo(host, file.fileId, token);
    const lockAfterRevoke = await lockFile(host, file.fileId, 'member-session', token);
    // Assess
    expect(info.UserCanWrite).toBe(true);
    expect(locked.status).toBe(200);
    expect([afterRevoke.status, lockAfterRevoke.status]).toEqual([404, 404]);
  });

  it('moves a file between folders of its owner, freeing its old name and claiming the new', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootFolder(deps(owner), owner);
    const folder = await createFolder(deps(owner), root.folderId, { mode: 'exact', name: 'Dest' });
    const file = await fileIn(owner, undefined, 'moving.docx');
    // Act
    await moveFile(deps(owner), file.fileId, folder.folderId);
    const again = await fileIn(owner, undefined, 'moving.docx');
    // Assess
    expect((await host.deps.files.get(file.fileId))?.folderId).toBe(folder.folderId);
    expect(namesOf(await listChildren(host.deps, folder, { limit: 10 }))).toEqual(['moving.docx']);
    expect(again.name).toBe('moving.docx');
  });
});
