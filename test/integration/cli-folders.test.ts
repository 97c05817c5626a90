// Issue 13: the CLI's folders (add, list, move, share), uploads into a folder and moves between folders, against a
// running local host; a folder's share reaches the files inside it, and taking it away takes them away.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFor, type TestCli } from '../support/cli';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
let testCli: TestCli;

beforeAll(async () => {
  host = await startTestHost();
  host.clock.advance(Date.now() - host.clock.now());
  testCli = cliFor(host);
});
afterAll(async () => {
  await host.close();
  testCli.close();
});

const cli = (...argv: string[]) => testCli.run(...argv);
const firstField = (out: string) => out.split('\t')[0] ?? '';

/** What a token of `userId` for the file may do, by CheckFileInfo; 'none' when the CLI will not mint one. */
async function accessOf(fileId: string, userId: string): Promise<'none' | 'view' | 'edit'> {
  const minted = await cli('token', fileId, userId);
  if (minted.code !== 0) return 'none';
  const res = await host.wopi(fileId, { method: 'GET', token: minted.out.trim() });
  if (res.status !== 200) return 'none';
  return ((await res.json()) as { UserCanWrite: boolean }).UserCanWrite ? 'edit' : 'view';
}

function sourceFile(name: string, text: string): string {
  const path = join(testCli.dataDir, name);
  writeFileSync(path, text);
  return path;
}

describe('wopi-host folders', () => {
  it('makes folders, uploads into one, lists by path, and a folder share reaches the file until it is taken away', async () => {
    // Prepare
    await cli('users', 'add', 'dana', 'Dana Example');
    await cli('users', 'add', 'erin', 'Erin Example');
    const plans = firstField((await cli('folders', 'add', 'Plans', '--owner', 'dana')).out);
    const upload = await cli('files', 'upload', sourceFile('brief.docx', 'the brief'), '--folder', plans);
    const fileId = firstField(upload.out);
    const unshared = await accessOf(fileId, 'erin');
    // Act
    const shared = await cli('folders', 'share', plans, 'erin', 'edit');
    const whileShared = await accessOf(fileId, 'erin');
    await cli('folders', 'share', plans, 'erin', 'none');
    const afterRevoke = await accessOf(fileId, 'erin');
    // Assess
    const root = await cli('folders', 'list', '--owner', 'dana');
    const inPlans = await cli('folders', 'list', '--folder', plans);
    const files = await cli('files', 'list', '--owner', 'dana');
    expect({ unshared, shared: shared.code, whileShared, afterRevoke }).toEqual({
      unshared: 'none',
      shared: 0,
      whileShared: 'edit',
      afterRevoke: 'none',
    });
    expect(root.out.split('\n').slice(1)).toEqual([`folder\t${plans}\t  Plans/`]);
    expect(inPlans.out.split('\n')).toEqual([`folder\t${plans}\tPlans/`, `file\t${fileId}\t  brief.docx\t9 bytes`]);
    expect(files.out).toMatch(new RegExp(`^${fileId}\\t\\d+\\tPlans/brief\\.docx\\t9 bytes$`));
  });

  it('moves a file and a folder into another folder, and lists them at their new paths', async () => {
    // Prepare
    await cli('users', 'add', 'fay', 'Fay Example');
    const drafts = firstField((await cli('folders', 'add', 'Drafts', '--owner', 'fay')).out);
    const archive = firstField((await cli('folders', 'add', 'Archive', '--owner', 'fay')).out);
    const fileId = firstField((await cli('files', 'upload', sourceFile('memo.odt', 'memo'), '--owner', 'fay')).out);
    // Act
    const fileMoved = await cli('files', 'move', fileId, drafts);
    const folderMoved = await cli('folders', 'move', drafts, archive);
    const intoItself = await cli('folders', 'move', archive, drafts);
    // Assess
    const files = await cli('files', 'list', '--owner', 'fay');
    expect({ file: fileMoved.code, folder: folderMoved.code }).toEqual({ file: 0, folder: 0 });
    expect(intoItself).toMatchObject({ code: 1, err: expect.stringContaining('cannot move into itself') });
    expect(files.out.split('\t')[2]).toBe('Archive/Drafts/memo.odt');
  });

  it('refuses, with a reason and no change, what the rules do not allow', async () => {
    // Prepare
    await cli('users', 'add', 'gil', 'Gil Example');
    await cli('users', 'add', 'hal', 'Hal Example');
    const gils = firstField((await cli('folders', 'add', 'Mine', '--owner', 'gil')).out);
    const halsFile = firstField((await cli('files', 'upload', sourceFile('h.docx', 'h'), '--owner', 'hal')).out);
    // Act
    const noPlace = await cli('folders', 'add', 'Nowhere');
    const sameName = await cli('folders', 'add', 'mine', '--owner', 'gil');
    const acrossOwners = await cli('files', 'move', halsFile, gils);
    const shareOwner = await cli('folders', 'share', gils, 'gil', 'view');
    const noFolder = await cli('folders', 'list', '--folder', 'nosuchfolder0000000000');
    // Assess
    expect(noPlace).toMatchObject({ code: 2, err: expect.stringContaining('needs --owner') });
    expect(sameName).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(acrossOwners).toMatchObject({ code: 1, err: expect.stringContaining("within its owner's folders") });
    expect(shareOwner).toMatchObject({ code: 1, err: expect.stringContaining('an owner is not shared') });
    expect(noFolder).toMatchObject({ code: 1, err: expect.stringContaining('does not exist') });
    expect((await host.deps.files.get(halsFile))?.folderId).toBeUndefined();
    expect((await cli('folders', 'list', '--owner', 'gil')).out.split('\n')).toHaveLength(2);
  });
});
