// Every change to a file is on the file's own bounded activity list (who, what, when), shown by
// `npx wopi-host activity <fileId>`; a check-in's version description is kept on the version `versions` shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_KEPT } from '../../lambda/domain/activity';
import { checkIn, checkOut, DESCRIPTION_KEPT_CHARS } from '../../lambda/domain/check-out';
import { restoreVersion } from '../../lambda/domain/restore';
import { restoreFromTrash, trashFile } from '../../lambda/domain/trash';
import { cliFor, type TestCli } from '../support/cli';
import { addTestFile, lockFile, putFile, recordOf, saveDepsOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
let cli: TestCli;
beforeAll(async () => {
  host = await startTestHost();
  cli = cliFor(host);
});
afterAll(async () => {
  await host.close();
  cli.close();
});

describe('the activity list', () => {
  it('records every change, in order, with who made it: create, save, refused save, rename, share, check-out, check-in, trash, restore', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1', name: 'plan.docx' });
    const owner = file.ownerId;
    const now = () => host.clock.now();
    await host.share(file.fileId, 'ed', 'edit');
    await lockFile(host, file.fileId, 'L');
    await putFile(host, file.fileId, 'v2', { 'X-WOPI-Lock': 'L' });
    await putFile(host, file.fileId, 'refused', { 'X-WOPI-Lock': 'not-L' });
    await host.wopi(file.fileId, {
      override: 'RENAME_FILE',
      headers: { 'X-WOPI-RequestedName': 'final', 'X-WOPI-Lock': 'L' },
    });
    await host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'L' } });
    const ed = { userId: 'ed', displayName: 'Ed' };
    await checkOut({ ...host.deps, now: now() }, file.fileId, ed);
    await checkIn({ ...host.deps, now: now() }, file.fileId, ed, 'Reviewed');
    await trashFile({ ...host.deps, now: now(), userId: owner }, file.fileId);
    await restoreFromTrash({ ...host.deps, now: now(), userId: owner }, file.fileId);
    await restoreVersion(saveDepsOf(host, owner), file.fileId, 1);
    // Act
    const shown = await cli.run('activity', file.fileId);
    // Assess
    const entries = shown.out.split('\n').map((line) => line.split('\t').slice(1, 3));
    expect(entries).toEqual([
      [owner, 'create'],
      ['test', 'share'],
      [owner, 'save'],
      [owner, 'refused-save'],
      [owner, 'rename'],
      ['ed', 'check-out'],
      ['ed', 'check-in'],
      [owner, 'trash'],
      [owner, 'restore-from-trash'],
      [owner, 'restore-version'],
    ]);
    expect(shown.code).toBe(0);
  });

  it(`keeps the newest ${ACTIVITY_KEPT} entries, so the item stays small however busy the file`, async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'L');
    // Act
    for (let i = 0; i < ACTIVITY_KEPT + 5; i++) await putFile(host, file.fileId, `v${i + 2}`, { 'X-WOPI-Lock': 'L' });
    // Assess
    const { activity } = await recordOf(host, file.fileId);
    expect(activity).toHaveLength(ACTIVITY_KEPT);
    expect(activity.at(-1)?.detail).toBe(`version ${ACTIVITY_KEPT + 6}`);
  });
});

describe('check-in', () => {
  it('keeps the version description on the current version, which `versions` shows, at most DESCRIPTION_KEPT_CHARS of it', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    const owner = { userId: file.ownerId, displayName: 'Owner' };
    const deps = { ...host.deps, now: host.clock.now() };
    await checkOut(deps, file.fileId, owner);
    // Act
    await checkIn(deps, file.fileId, owner, `Signed off${'!'.repeat(2 * DESCRIPTION_KEPT_CHARS)}`);
    const versions = await cli.run('versions', file.fileId);
    // Assess
    const current = versions.out.split('\n')[0]?.split('\t') ?? [];
    expect(current[0]).toBe('current');
    expect(current.at(-1)).toMatch(/^Signed off!+$/);
    expect(current.at(-1)).toHaveLength(DESCRIPTION_KEPT_CHARS);
  });
});
