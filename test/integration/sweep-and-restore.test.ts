import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContentKey } from '../../lambda/domain/content-keys';
import { listRecoveryCopies } from '../../lambda/domain/recovery';
import { restoreRecoveryCopy } from '../../lambda/domain/restore';
import { sweepOrphans } from '../../lambda/domain/sweep-orphans';
import { trashFile } from '../../lambda/domain/trash';
import { saveDepsOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
  // S3 stamps objects with the real time; the sweep compares it with the host's clock.
  host.clock.advance(Date.now() - host.clock.now());
});
afterAll(() => host.close());

const HOUR = 3600_000;
const TRASH_KEEP_MS = 30 * 24 * HOUR;

async function refusedSave(fileId: string, body: string): Promise<void> {
  const res = await host.wopi(fileId, { path: '/contents', override: 'PUT', headers: { 'X-WOPI-Lock': 'x' }, body });
  expect(res.status).toBe(409);
}

describe('recovery copies', () => {
  it('lists a refused save and restores it as a new version, keeping the replaced content in the history', async () => {
    // Prepare
    const file = await host.addFile('original');
    await refusedSave(file.fileId, 'work that must not be lost');
    const [copy] = await listRecoveryCopies({ ...host.deps, now: host.clock.now() }, file.fileId);
    // Act
    const restored = await restoreRecoveryCopy(saveDepsOf(host, 'owner-1'), file.fileId, copy?.copyId ?? '');
    // Assess
    const record = await host.deps.files.get(file.fileId);
    expect(record?.content.version).toBe(restored.version);
    expect(Buffer.from(await host.deps.contents.get(restored.contentKey)).toString()).toBe(
      'work that must not be lost',
    );
    expect(record?.versions.map((v) => v.version)).toEqual([1]);
  });

  it('refuses to restore while a WOPI client holds a lock, answering with that lock', async () => {
    // Prepare
    const file = await host.addFile('original');
    await refusedSave(file.fileId, 'late save');
    const [copy] = await listRecoveryCopies({ ...host.deps, now: host.clock.now() }, file.fileId);
    await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'editor' } });
    // Act
    const restoring = restoreRecoveryCopy(saveDepsOf(host, 'owner-1'), file.fileId, copy?.copyId ?? '');
    // Assess
    await expect(restoring).rejects.toMatchObject({ name: 'LockConflictError', currentLock: 'editor' });
  });
});

describe('orphan sweep', () => {
  it('deletes an upload no record points at, and keeps current content, versions and live recovery copies', async () => {
    // Prepare
    const file = await host.addFile('v1');
    await host.wopi(file.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'L' } });
    await host.wopi(file.fileId, { path: '/contents', override: 'PUT', headers: { 'X-WOPI-Lock': 'L' }, body: 'v2' });
    await refusedSave(file.fileId, 'refused');
    const orphan = newContentKey(file.fileId);
    await host.deps.contents.put(orphan, Buffer.from('uncommitted upload'));
    const now = host.clock.now() + 2 * HOUR;
    // Act
    const report = await sweepOrphans({ ...host.deps, now, graceMs: HOUR, trashKeepMs: TRASH_KEEP_MS });
    // Assess
    expect(report.deleted).toContain(orphan);
    const record = await host.deps.files.get(file.fileId);
    const kept = [record?.content, ...(record?.versions ?? [])].map((v) => v?.contentKey ?? '');
    expect(report.deleted.some((key) => kept.includes(key))).toBe(false);
    const copies = await host.deps.recovery.list(file.fileId);
    expect(report.deleted).not.toContain(copies[0]?.contentKey);
  });

  it('leaves an object younger than the grace period: its save may not have committed yet', async () => {
    // Prepare
    const file = await host.addFile('v1');
    const inFlight = newContentKey(file.fileId);
    await host.deps.contents.put(inFlight, Buffer.from('being saved'));
    // Act
    const report = await sweepOrphans({
      ...host.deps,
      now: host.clock.now(),
      graceMs: HOUR,
      trashKeepMs: TRASH_KEEP_MS,
    });
    // Assess
    expect(report.deleted).not.toContain(inFlight);
  });

  it('deletes a recovery copy past its keeping time', async () => {
    // Prepare
    const file = await host.addFile('v1');
    await refusedSave(file.fileId, 'refused');
    const [copy] = await host.deps.recovery.list(file.fileId);
    const now = (copy?.keepUntil ?? 0) + HOUR;
    // Act
    const report = await sweepOrphans({ ...host.deps, now, graceMs: HOUR, trashKeepMs: TRASH_KEEP_MS });
    // Assess
    expect(report.deleted).toContain(copy?.contentKey);
  });

  it('keeps a deleted file restorable while it is in the trash, and purges it after WOPI_TRASH_DAYS', async () => {
    // Prepare
    const gone = await host.addFile('to be deleted', 'gone.docx');
    await trashFile({ ...host.deps, now: host.clock.now(), userId: gone.ownerId }, gone.fileId);
    const sweepAt = (days: number) =>
      sweepOrphans({
        ...host.deps,
        now: host.clock.now() + days * 24 * HOUR,
        graceMs: HOUR,
        trashKeepMs: TRASH_KEEP_MS,
      });
    // Act
    const early = await sweepAt(29);
    const stillThere = await host.deps.files.get(gone.fileId);
    const late = await sweepAt(31);
    // Assess
    expect(early.deleted).not.toContain(gone.content.contentKey);
    expect(stillThere?.trashed).toBeDefined();
    expect(late.deleted).toContain(gone.content.contentKey);
    expect(await host.deps.files.get(gone.fileId)).toBeUndefined();
  });
});
