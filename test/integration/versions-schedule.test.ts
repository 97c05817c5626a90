// Issue 11, finding 2 (versions): "eleven saves by an editor push the owner's original out of the version history
// and delete its bytes. There is no way to restore an earlier version". The history keeps the latest versions and
// one per hour and per day, so a burst of saves keeps yesterday's document and its bytes; `restore <fileId>
// <version>` (domain and CLI) brings any listed version back as a new version, overwriting nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../lambda/domain/file-record';
import { restoreVersion } from '../../lambda/domain/restore';
import { EDITORS_RECORDED_CHARS } from '../../lambda/domain/save-file';
import { sweepOrphans } from '../../lambda/domain/sweep-orphans';
import { cliFor, type TestCli } from '../support/cli';
import { lock } from '../support/lock-calls';
import { addTestFile, currentBytes, putFile, recordOf, saveDepsOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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

const EDITOR = 'editor-1';

/**
 * The owner's original two days ago, the editor's version yesterday, and today a burst of 12 saves by the editor,
 * a minute apart from 10:01 UTC, so the burst stays within one hour: the schedule keeps the newest save of each hour,
 * and a burst across an hour's end would keep its first save too (the flake this start time removes). The clock
 * ends before the real time, which the CLI and S3 use.
 */
async function editedOverThreeDays(): Promise<FileRecord> {
  const threeDaysAgoAtTen = Math.floor(Date.now() / DAY) * DAY - 3 * DAY + 10 * HOUR;
  host.clock.advance(threeDaysAgoAtTen - host.clock.now());
  const file = await addTestFile(host, { bytes: 'the owner’s original' });
  await host.share(file.fileId, EDITOR, 'edit');
  const save = async (body: string) => {
    const token = await host.token(file.fileId, 'write', { userId: EDITOR });
    await lock(host, file.fileId, 'L', { token });
    expect((await putFile(host, file.fileId, body, { 'X-WOPI-Lock': 'L' }, token)).status).toBe(200);
  };
  host.clock.advance(DAY);
  await save('yesterday’s document');
  host.clock.advance(DAY);
  for (let n = 1; n <= 12; n++) {
    host.clock.advance(MINUTE);
    await save(`today’s save ${n}`);
  }
  await host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'L' } });
  return recordOf(host, file.fileId);
}

async function bytesOf(record: FileRecord, version: number): Promise<string | undefined> {
  const found = [record.content, ...record.versions].find((v) => v.version === version);
  return found && Buffer.from(await host.deps.contents.get(found.contentKey)).toString();
}

describe('versions kept by the schedule', () => {
  it('keeps the owner’s original and yesterday’s version through 12 saves by an editor today', async () => {
    // Prepare
    const file = await editedOverThreeDays();
    // Act
    const listed = [file.content, ...file.versions].map((v) => v.version);
    // Assess
    expect(listed).toEqual(expect.arrayContaining([1, 2]));
    expect({ original: await bytesOf(file, 1), yesterday: await bytesOf(file, 2) }).toEqual({
      original: 'the owner’s original',
      yesterday: 'yesterday’s document',
    });
    expect(file.content.version).toBe(14);
  });

  it('keeps their bytes when the sweep deletes what the schedule dropped', async () => {
    // Prepare
    const file = await editedOverThreeDays();
    // Act: later than the real time of every upload, past the sweep's grace
    const report = await sweepOrphans({ ...host.deps, now: Date.now() + 2 * HOUR, graceMs: HOUR, trashKeepMs: DAY });
    // Assess
    const kept = [file.content, ...file.versions].map((v) => v.contentKey);
    expect(report.deleted.filter((key) => kept.includes(key))).toEqual([]);
    expect(report.deleted.filter((key) => key.startsWith(`files/${file.fileId}/`)).length).toBeGreaterThan(0);
    expect(await bytesOf(await recordOf(host, file.fileId), 1)).toBe('the owner’s original');
  });
});

describe('restore <fileId> <version>', () => {
  it('brings yesterday’s version back as a new version, and the replaced content stays in the history', async () => {
    // Prepare
    const file = await editedOverThreeDays();
    // Act
    const restored = await restoreVersion(saveDepsOf(host, file.ownerId), file.fileId, 2);
    // Assess
    const after = await recordOf(host, file.fileId);
    expect(restored.version).toBe(15);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('yesterday’s document');
    expect(await bytesOf(after, 14)).toBe('today’s save 12');
    expect({ versions: after.versions.map((v) => v.version), last: after.activity.at(-1) }).toMatchObject({
      versions: expect.arrayContaining([1, 2, 14]),
      last: { by: file.ownerId, what: 'restore-version', detail: 'version 2' },
    });
  });

  it('does the same from the CLI: "Restored as version 15", the original current, nothing overwritten', async () => {
    // Prepare
    const file = await editedOverThreeDays();
    // Act
    const result = await cli.run('restore', file.fileId, '1');
    // Assess
    expect(result).toMatchObject({ code: 0, out: 'Restored as version 15' });
    expect((await currentBytes(host, file.fileId)).toString()).toBe('the owner’s original');
    const after = await recordOf(host, file.fileId);
    expect(after.versions.map((v) => v.version)).toEqual(expect.arrayContaining([1, 2, 14]));
  });

  it('answers a version the history does not list with a reason, and changes nothing', async () => {
    // Prepare
    const file = await editedOverThreeDays();
    // Act
    const result = await cli.run('restore', file.fileId, '99');
    // Assess
    expect(result).toMatchObject({ code: 1, err: `wopi-host: File ${file.fileId} has no version 99` });
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
  });
});

describe('the history within the item’s size bound', () => {
  it('keeps a file saveable when every save names a long X-WOPI-Editors list, over a month of daily and hourly versions', async () => {
    // Prepare: X-WOPI-Editors as long as the local server takes a header block (16 KiB in all)
    host.clock.advance(Date.now() - 40 * DAY - host.clock.now());
    const file = await addTestFile(host, { bytes: 'v1' });
    const editors = Array.from({ length: 600 }, (_, i) => `editor-${String(i).padStart(12, '0')}`).join(',');
    await lock(host, file.fileId, 'L');
    const statuses: number[] = [];
    // Act: a save every 11 hours for 35 days, then ten in the last hour: every kept version carries the list
    for (let n = 0; n < 86; n++) {
      host.clock.advance(n < 76 ? 11 * HOUR : MINUTE);
      await lock(host, file.fileId, 'L');
      const res = await putFile(host, file.fileId, `save ${n}`, { 'X-WOPI-Lock': 'L', 'X-WOPI-Editors': editors });
      statuses.push(res.status);
    }
    // Assess
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('save 85');
    const recorded = (await recordOf(host, file.fileId)).content.saveContext?.editors ?? [];
    expect(editors.startsWith(recorded.join(','))).toBe(true);
    expect(recorded.join(',').length).toBeLessThanOrEqual(EDITORS_RECORDED_CHARS);
    expect(recorded.length).toBeGreaterThan(0);
  });
});
