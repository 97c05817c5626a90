// WOPI CheckContainerInfo, CreateChildContainer, DeleteContainer and RenameContainer against the emulators, as the
// docs and the validator's Container and RenameContainer groups ask: names in UTF-7, a taken exact name 409, a
// suggestion never refused, delete only when empty, rights read from the folder chain and capped by the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareFolder } from '../../lambda/domain/folders';
import { encodeUtf7 } from '../../lambda/http/wopi-headers';
import { addFolder, containerCall, rootOf, scopedToken } from '../support/wopi-containers';
import { uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

async function info(containerId: string, userId: string, token?: string) {
  const res = await containerCall(host, containerId, userId, token === undefined ? {} : { token });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : {} };
}

function createChild(containerId: string, userId: string, headers: Record<string, string>) {
  return containerCall(host, containerId, userId, { override: 'CREATE_CHILD_CONTAINER', headers });
}

async function pointerOf(res: Response): Promise<{ Name: string; Url: string }> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { ContainerPointer: { Name: string; Url: string } }).ContainerPointer;
}

const idOf = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

describe('CheckContainerInfo', () => {
  it("gives the owner's root its name and every right but delete", async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const { status, body } = await info(root.folderId, owner);
    // Assess
    expect({ status, body }).toEqual({
      status: 200,
      body: {
        Name: 'My documents',
        UserCanCreateChildContainer: true,
        UserCanCreateChildFile: true,
        UserCanDelete: false,
        UserCanRename: true,
        SupportedShareUrlTypes: ['ReadOnly', 'ReadWrite'],
      },
    });
  });

  it('gives a viewer of a parent folder no right to change a folder inside it, and a read token none either', async () => {
    // Prepare
    const owner = uniqueOwner();
    const viewer = uniqueOwner();
    const root = await rootOf(host, owner);
    const parent = await addFolder(host, root.folderId, 'Team', owner);
    const child = await addFolder(host, parent.folderId, 'Plans', owner);
    await shareFolder({ ...host.deps, now: host.clock.now(), userId: owner }, parent.folderId, viewer, 'view');
    const readToken = await scopedToken(host, { kind: 'container', id: child.folderId }, owner, 'read');
    // Act
    const asViewer = await info(child.folderId, viewer);
    const withReadToken = await info(child.folderId, owner, readToken);
    // Assess
    const none = {
      UserCanCreateChildContainer: false,
      UserCanCreateChildFile: false,
      UserCanDelete: false,
      SupportedShareUrlTypes: ['ReadOnly', 'ReadWrite'],
    };
    expect([asViewer.body, withReadToken.body]).toEqual([
      { Name: 'Plans', ...none, UserCanRename: false },
      { Name: 'Plans', ...none, UserCanRename: false },
    ]);
  });

  it('answers 404 to a user the folder was not given, and 401 to a file token', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const file = await host.addFile('x', 'a.docx', owner);
    const fileToken = await host.token(file.fileId);
    // Act
    const stranger = await info(root.folderId, uniqueOwner());
    const wrongKind = await info(root.folderId, owner, fileToken);
    // Assess
    expect([stranger.status, wrongKind.status]).toEqual([404, 401]);
  });
});

describe('CreateChildContainer', () => {
  it('makes a folder with the exact UTF-7 name and answers its ContainerPointer with a container token', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const pointer = await pointerOf(
      await createChild(root.folderId, owner, { 'X-WOPI-RelativeTarget': encodeUtf7('Ünïcode') }),
    );
    const opened = await fetch(pointer.Url);
    // Assess
    expect({
      name: pointer.Name,
      opened: opened.status,
      named: ((await opened.json()) as { Name: string }).Name,
    }).toEqual({
      name: 'Ünïcode',
      opened: 200,
      named: 'Ünïcode',
    });
  });

  it('answers 409 with X-WOPI-ValidRelativeTarget for an exact name that is taken', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    await addFolder(host, root.folderId, 'Taken', owner);
    // Act
    const res = await createChild(root.folderId, owner, { 'X-WOPI-RelativeTarget': 'Taken' });
    // Assess
    expect([res.status, res.headers.get('x-wopi-validrelativetarget')]).toEqual([409, 'Taken (2)']);
  });

  it('never refuses a suggested name: a taken one becomes free, an unusable one legal', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    await addFolder(host, root.folderId, 'Dupe', owner);
    // Act
    const taken = await pointerOf(await createChild(root.folderId, owner, { 'X-WOPI-SuggestedTarget': 'Dupe' }));
    const illegal = await pointerOf(await createChild(root.folderId, owner, { 'X-WOPI-SuggestedTarget': 'a/b' }));
    // Assess
    expect([taken.Name, illegal.Name.includes('/')]).toEqual(['Dupe (2)', false]);
  });

  it('answers 400 with X-WOPI-InvalidContainerNameError for an exact name with a path separator', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const res = await createChild(root.folderId, owner, { 'X-WOPI-RelativeTarget': 'a/b' });
    // Assess
    expect([res.status, res.headers.has('x-wopi-invalidcontainernameerror')]).toEqual([400, true]);
  });

  it('refuses both name headers at once with 501 and neither with 400', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const both = await createChild(root.folderId, owner, {
      'X-WOPI-RelativeTarget': 'A',
      'X-WOPI-SuggestedTarget': 'A',
    });
    const neither = await createChild(root.folderId, owner, {});
    // Assess
    expect([both.status, neither.status]).toEqual([501, 400]);
  });

  it('refuses a viewer of the folder and a stranger with 404, as the docs\' "user unauthorized" says', async () => {
    // Prepare
    const owner = uniqueOwner();
    const viewer = uniqueOwner();
    const root = await rootOf(host, owner);
    const shared = await addFolder(host, root.folderId, 'Shared', owner);
    await shareFolder({ ...host.deps, now: host.clock.now(), userId: owner }, shared.folderId, viewer, 'view');
    // Act
    const byViewer = await createChild(shared.folderId, viewer, { 'X-WOPI-RelativeTarget': 'Mine' });
    const byStranger = await createChild(shared.folderId, uniqueOwner(), { 'X-WOPI-RelativeTarget': 'Mine' });
    // Assess
    expect([byViewer.status, byStranger.status]).toEqual([404, 404]);
  });
});

describe('DeleteContainer', () => {
  it('deletes an empty folder, which then is gone (404), and frees its name', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const folder = await addFolder(host, root.folderId, 'Empty', owner);
    // Act
    const res = await containerCall(host, folder.folderId, owner, { override: 'DELETE_CONTAINER' });
    const after = await info(folder.folderId, owner);
    const again = await createChild(root.folderId, owner, { 'X-WOPI-RelativeTarget': 'Empty' });
    // Assess
    expect([res.status, after.status, again.status]).toEqual([200, 404, 200]);
  });

  it('answers 409 while a file or a folder is inside', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const withFolder = await addFolder(host, root.folderId, 'Parent', owner);
    await addFolder(host, withFolder.folderId, 'Child', owner);
    // Act
    const res = await containerCall(host, withFolder.folderId, owner, { override: 'DELETE_CONTAINER' });
    // Assess
    expect([res.status, (await info(withFolder.folderId, owner)).status]).toEqual([409, 200]);
  });

  it('never deletes a root', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const res = await containerCall(host, root.folderId, owner, { override: 'DELETE_CONTAINER' });
    // Assess
    expect([res.status, (await info(root.folderId, owner)).status]).toEqual([403, 200]);
  });
});

describe('RenameContainer', () => {
  it('renames a folder to the UTF-7 name and answers it', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const folder = await pointerOf(await createChild(root.folderId, owner, { 'X-WOPI-SuggestedTarget': 'Old' }));
    const folderId = idOf(folder.Url);
    // Act
    const res = await containerCall(host, folderId, owner, {
      override: 'RENAME_CONTAINER',
      headers: { 'X-WOPI-RequestedName': encodeUtf7('Nouveau été') },
    });
    // Assess
    expect([res.status, await res.json(), (await info(folderId, owner)).body.Name]).toEqual([
      200,
      { Name: 'Nouveau été' },
      'Nouveau été',
    ]);
  });

  it("renames the owner's root, which has no siblings to clash with", async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const res = await containerCall(host, root.folderId, owner, {
      override: 'RENAME_CONTAINER',
      headers: { 'X-WOPI-RequestedName': 'container_name' },
    });
    // Assess
    expect([res.status, (await info(root.folderId, owner)).body.Name]).toEqual([200, 'container_name']);
  });

  it('answers 409 for a name a sibling has, and 400 with X-WOPI-InvalidContainerNameError for an unusable one', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    await addFolder(host, root.folderId, 'Sibling', owner);
    const folder = await addFolder(host, root.folderId, 'Mine', owner);
    const rename = (name: string) =>
      containerCall(host, folder.folderId, owner, {
        override: 'RENAME_CONTAINER',
        headers: { 'X-WOPI-RequestedName': name },
      });
    // Act
    const taken = await rename('Sibling');
    const unusable = await rename('a:b');
    // Assess
    expect([taken.status, unusable.status, unusable.headers.has('x-wopi-invalidcontainernameerror')]).toEqual([
      409,
      400,
      true,
    ]);
  });
});
