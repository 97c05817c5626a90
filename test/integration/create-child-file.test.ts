// WOPI CreateChildFile against the emulators, as the docs and the validator's CreateChildFileAndDeleteFile group ask:
// an empty file in the container, in the suggested mode (never refused for the name) and the relative mode (a taken
// name is 409 unless overwriting an unlocked file, a locked one 409 with its lock), both headers at once 501.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareFolder } from '../../lambda/domain/folders';
import { encodeUtf7 } from '../../lambda/http/wopi-headers';
import { lock } from '../support/lock-calls';
import { addFolder, containerCall, rootOf } from '../support/wopi-containers';
import { recordOf, uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

interface Created {
  readonly Name: string;
  readonly Url: string;
  readonly HostViewUrl?: string;
}

function create(containerId: string, userId: string, headers: Record<string, string>) {
  return containerCall(host, containerId, userId, { override: 'CREATE_CHILD_FILE', headers });
}

async function created(res: Response): Promise<Created> {
  expect(res.status).toBe(200);
  return (await res.json()) as Created;
}

const fileIdOf = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

describe('CreateChildFile', () => {
  it('makes an empty file of exactly the UTF-7 name in the folder, whose Url opens it with a file token', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const folder = await addFolder(host, root.folderId, 'Docs', owner);
    // Act
    const body = await created(
      await create(folder.folderId, owner, { 'X-WOPI-RelativeTarget': encodeUtf7('résumé.docx') }),
    );
    const info = (await (await fetch(body.Url)).json()) as { BaseFileName: string; Size: number };
    const record = await recordOf(host, fileIdOf(body.Url));
    // Assess
    expect({
      name: body.Name,
      info,
      folderId: record.folderId,
      owner: record.ownerId,
      hostView: body.HostViewUrl !== undefined,
    }).toEqual({
      name: 'résumé.docx',
      info: expect.objectContaining({ BaseFileName: 'résumé.docx', Size: 0 }),
      folderId: folder.folderId,
      owner,
      hostView: true,
    });
  });

  it("puts a file made in a root among its owner's documents (no folder id)", async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const body = await created(await create(root.folderId, owner, { 'X-WOPI-RelativeTarget': 'top.docx' }));
    // Assess
    expect((await recordOf(host, fileIdOf(body.Url))).folderId).toBeUndefined();
  });

  it('picks a free name for a taken suggestion, keeping the extension', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    await created(await create(root.folderId, owner, { 'X-WOPI-SuggestedTarget': 'madeupname.wopitest' }));
    // Act
    const second = await created(
      await create(root.folderId, owner, { 'X-WOPI-SuggestedTarget': 'madeupname.wopitest' }),
    );
    // Assess
    expect(second.Name).toBe('madeupname (2).wopitest');
  });

  it('answers 409 for a taken relative name without overwrite, or with overwrite false', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    await created(await create(root.folderId, owner, { 'X-WOPI-RelativeTarget': 'same.wopitestx' }));
    // Act
    const plain = await create(root.folderId, owner, { 'X-WOPI-RelativeTarget': 'same.wopitestx' });
    const notOverwriting = await create(root.folderId, owner, {
      'X-WOPI-RelativeTarget': 'same.wopitestx',
      'X-WOPI-OverwriteRelativeTarget': 'False',
    });
    // Assess
    expect([plain.status, notOverwriting.status]).toEqual([409, 409]);
  });

  it('overwrites an unlocked file of that name with overwrite true, and answers 409 with the lock when it is locked', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    const first = await created(await create(root.folderId, owner, { 'X-WOPI-RelativeTarget': 'over.docx' }));
    const overwrite = { 'X-WOPI-RelativeTarget': 'over.docx', 'X-WOPI-OverwriteRelativeTarget': 'True' };
    // Act
    const unlocked = await created(await create(root.folderId, owner, overwrite));
    await lock(host, fileIdOf(first.Url), 'LockString');
    const locked = await create(root.folderId, owner, overwrite);
    // Assess
    expect([fileIdOf(unlocked.Url), locked.status, locked.headers.get('x-wopi-lock')]).toEqual([
      fileIdOf(first.Url),
      409,
      'LockString',
    ]);
  });

  it('answers 501 to both name headers and 400 to neither', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const both = await create(root.folderId, owner, {
      'X-WOPI-RelativeTarget': 'a.docx',
      'X-WOPI-SuggestedTarget': 'a.docx',
    });
    const neither = await create(root.folderId, owner, {});
    // Assess
    expect([both.status, neither.status]).toEqual([501, 400]);
  });

  it('answers 400 to a relative name longer than the host allows', async () => {
    // Prepare
    const owner = uniqueOwner();
    const root = await rootOf(host, owner);
    // Act
    const res = await create(root.folderId, owner, { 'X-WOPI-RelativeTarget': `${'n'.repeat(520)}.wopitestx` });
    // Assess
    expect([res.status, res.headers.has('x-wopi-invalidfilenameerror')]).toEqual([400, true]);
  });

  it("lets an editor of a shared folder create there, owned by the folder's owner, and refuses a viewer", async () => {
    // Prepare
    const owner = uniqueOwner();
    const [editor, viewer] = [uniqueOwner(), uniqueOwner()];
    const root = await rootOf(host, owner);
    const shared = await addFolder(host, root.folderId, 'Shared', owner);
    const deps = { ...host.deps, now: host.clock.now(), userId: owner };
    await shareFolder(deps, shared.folderId, editor, 'edit');
    await shareFolder(deps, shared.folderId, viewer, 'view');
    // Act
    const byEditor = await created(await create(shared.folderId, editor, { 'X-WOPI-RelativeTarget': 'e.docx' }));
    const byViewer = await create(shared.folderId, viewer, { 'X-WOPI-RelativeTarget': 'v.docx' });
    // Assess
    expect([(await recordOf(host, fileIdOf(byEditor.Url))).ownerId, byViewer.status]).toEqual([owner, 404]);
  });
});
