// The per-owner storage quota (WOPI_QUOTA_BYTES), issue 11 finding 7: "any editor can fill storage without bound".
// A save, upload or restore that would take the owner's stored bytes (current contents, kept versions, recovery
// copies, the trash) past the quota answers 413 with a reason and changes nothing; the count per owner stays equal to
// what the owner stores through saves, dropped versions, recovery copies, the trash and its purge, and the sweep
// sets a wrong count right.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../lambda/domain/file-record';
import { storedBytes } from '../../lambda/domain/quota';
import { listRecoveryCopies } from '../../lambda/domain/recovery';
import { restoreVersion } from '../../lambda/domain/restore';
import { sweepOrphans } from '../../lambda/domain/sweep-orphans';
import { trashFile } from '../../lambda/domain/trash';
import { cliFor, type TestCli } from '../support/cli';
import { lock } from '../support/lock-calls';
import {
  addTestFile,
  currentBytes,
  filesOf,
  listKeys,
  putFile,
  rawS3,
  recordOf,
  saveDepsOf,
  uniqueOwner,
} from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const QUOTA = 1000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let host: TestHost;
let cli: TestCli;
beforeAll(async () => {
  const env = { WOPI_QUOTA_BYTES: String(QUOTA), WOPI_RECOVERY_KEPT: '2' };
  host = await startTestHost({ env });
  // The CLI reads its settings from its own environment, as it does beside a deployed stack.
  Object.assign(process.env, env);
  // The CLI and S3 work in real time; the host's clock starts there.
  host.clock.advance(Date.now() - host.clock.now());
  cli = cliFor(host);
});
afterAll(async () => {
  await host.close();
  cli.close();
});

const bytes = (n: number, fill = 'x') => fill.repeat(n);

/** The owner's count, as the quota reads it. */
async function counted(ownerId: string): Promise<number> {
  return (await host.deps.usage.get(ownerId))?.bytes ?? 0;
}

/** What the owner really stores: every record's contents and versions (trash included) and live recovery copies. */
async function stored(ownerId: string): Promise<number> {
  const now = host.clock.now();
  const records = await filesOf(host, ownerId);
  const copies = await Promise.all(records.map((r) => listRecoveryCopies({ ...host.deps, now }, r.fileId)));
  return records.reduce((sum, r) => sum + storedBytes(r), 0) + copies.flat().reduce((sum, c) => sum + c.size, 0);
}

/** A locked file of `size` bytes of a fresh owner. */
async function lockedFile(size: number): Promise<FileRecord> {
  const file = await addTestFile(host, { bytes: bytes(size) });
  await lock(host, file.fileId, 'L');
  return file;
}

const save = (file: FileRecord, body: string) => putFile(host, file.fileId, body, { 'X-WOPI-Lock': 'L' });

describe(`WOPI_QUOTA_BYTES=${QUOTA}: what is refused`, () => {
  it('answers 413 with a reason to a save that would pass the quota; content, count and bucket stay as they were', async () => {
    // Prepare
    const file = await lockedFile(600);
    // Act
    const res = await save(file, bytes(500, 'y'));
    // Assess
    expect({ status: res.status, reason: res.headers.get('x-wopi-servererror') }).toEqual({
      status: 413,
      reason: `The owner's storage quota (${QUOTA} bytes) has no room for 500 more`,
    });
    expect((await currentBytes(host, file.fileId)).toString()).toBe(bytes(600));
    expect(await counted(file.ownerId)).toBe(600);
    expect(await listKeys(rawS3(host), host.deps.config.bucketName, `files/${file.fileId}/`)).toHaveLength(1);
    expect(await listRecoveryCopies({ ...host.deps, now: host.clock.now() }, file.fileId)).toEqual([]);
  });

  it('refuses an upload (files upload) past the quota in one line, and adds no file', async () => {
    // Prepare
    const owner = uniqueOwner();
    await cli.run('users', 'add', owner, 'Full Owner');
    await addTestFile(host, { owner, bytes: bytes(900) });
    const path = `${cli.dataDir}/big.docx`;
    writeFileSync(path, bytes(200));
    // Act
    const result = await cli.run('files', 'upload', path, '--owner', owner);
    // Assess
    expect(result).toMatchObject({
      code: 1,
      err: `wopi-host: The owner's storage quota (${QUOTA} bytes) has no room for 200 more`,
    });
    expect((await filesOf(host, owner)).map((r) => r.name)).toEqual(['test.docx']);
    expect(await host.deps.names.get(owner, 'big.docx')).toBeUndefined();
    expect(await counted(owner)).toBe(900);
  });

  it('answers 413 to PutRelativeFile past the quota, and creates nothing', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: bytes(700) });
    // Act
    const res = await host.wopi(file.fileId, {
      override: 'PUT_RELATIVE',
      headers: { 'X-WOPI-SuggestedTarget': '.pdf' },
      body: bytes(400),
    });
    // Assess
    expect(res.status).toBe(413);
    expect(await filesOf(host, file.ownerId)).toHaveLength(1);
    expect(await counted(file.ownerId)).toBe(700);
  });

  it('refuses a restore past the quota: the restored version would be stored anew', async () => {
    // Prepare
    const file = await lockedFile(400);
    await save(file, bytes(450, 'y'));
    await host.wopi(file.fileId, { override: 'UNLOCK', headers: { 'X-WOPI-Lock': 'L' } });
    // Act
    const restoring = restoreVersion(saveDepsOf(host, file.ownerId), file.fileId, 1);
    // Assess
    await expect(restoring).rejects.toMatchObject({ name: 'StorageFullError' });
    expect({
      version: (await recordOf(host, file.fileId)).content.version,
      count: await counted(file.ownerId),
    }).toEqual({ version: 2, count: 850 });
  });

  it('keeps a refused save (409) as a recovery copy only within the quota, and says so in the activity', async () => {
    // Prepare
    const file = await lockedFile(900);
    // Act
    const tooBig = await putFile(host, file.fileId, bytes(200), { 'X-WOPI-Lock': 'another' });
    host.clock.advance(1000);
    const fits = await putFile(host, file.fileId, bytes(50), { 'X-WOPI-Lock': 'another' });
    // Assess
    expect([tooBig.status, fits.status]).toEqual([409, 409]);
    const copies = await listRecoveryCopies({ ...host.deps, now: host.clock.now() }, file.fileId);
    expect(copies.map((copy) => copy.size)).toEqual([50]);
    const refusals = (await recordOf(host, file.fileId)).activity.filter((entry) => entry.what === 'refused-save');
    expect(refusals.map((entry) => entry.detail)).toEqual([
      expect.stringMatching(/^lock-mismatch: not kept, The owner's storage quota/),
      expect.stringMatching(/^lock-mismatch: /),
    ]);
    expect(await counted(file.ownerId)).toBe(950);
  });
});

describe(`WOPI_QUOTA_BYTES=${QUOTA}: what is counted`, () => {
  it('lands a save at a full quota when the versions it drops free as much as it adds', async () => {
    // Prepare: eleven contents of 90 bytes within one hour, the latest 10 kept: 990 bytes
    const file = await lockedFile(90);
    for (let n = 2; n <= 11; n++) expect((await save(file, bytes(90, String(n % 10)))).status).toBe(200);
    const full = await counted(file.ownerId);
    // Act
    const res = await save(file, bytes(90, 'z'));
    // Assess
    expect({ full, status: res.status, after: await counted(file.ownerId) }).toEqual({
      full: 990,
      status: 200,
      after: 990,
    });
  });

  it('keeps the count equal to what the owner stores through saves, drops, recovery copies, the trash and its purge', async () => {
    // Prepare
    const owner = uniqueOwner();
    const one = await addTestFile(host, { owner, name: 'one.docx', bytes: bytes(50) });
    const two = await addTestFile(host, { owner, name: 'two.docx', bytes: bytes(80) });
    await lock(host, one.fileId, 'L');
    const states: number[][] = [];
    const check = async () => states.push([await counted(owner), await stored(owner)]);
    // Act
    for (let n = 0; n < 13; n++) {
      host.clock.advance(10 * 60_000);
      await lock(host, one.fileId, 'L');
      await save(one, bytes(20 + n, 'a'));
    }
    await check();
    for (let n = 0; n < 4; n++) {
      host.clock.advance(1000);
      await putFile(host, two.fileId, bytes(30 + n, 'r'), { 'X-WOPI-Lock': 'no such lock' });
    }
    await check();
    await trashFile({ ...host.deps, now: host.clock.now(), userId: owner }, two.fileId);
    await check();
    await sweepOrphans({ ...host.deps, now: host.clock.now() + 31 * DAY, graceMs: HOUR, trashKeepMs: 30 * DAY });
    await check();
    // Assess
    expect(states.map(([count, real]) => count === real)).toEqual([true, true, true, true]);
    expect(states.at(-1)?.[1]).toBe(storedBytes(await recordOf(host, one.fileId)));
  });

  it('sets a wrong count right in the sweep, unless something of the owner changed within its grace', async () => {
    // Prepare: two owners whose counts are 500 too high, one of whom saved just now
    const [quiet, busy] = [await lockedFile(100), await lockedFile(100)];
    const longAgo = host.clock.now();
    host.clock.advance(2 * HOUR);
    for (const file of [quiet, busy]) await host.deps.usage.add(file.ownerId, 500, longAgo);
    await lock(host, busy.fileId, 'L');
    expect((await save(busy, bytes(10))).status).toBe(200);
    const busyBefore = await counted(busy.ownerId);
    // Act: past the real time of every upload
    await sweepOrphans({
      ...host.deps,
      now: Math.max(host.clock.now(), Date.now()) + 30 * 60_000,
      graceMs: HOUR,
      trashKeepMs: 30 * DAY,
    });
    // Assess
    expect({ quiet: await counted(quiet.ownerId), busy: await counted(busy.ownerId) }).toEqual({
      quiet: 100,
      busy: busyBefore,
    });
    expect(busyBefore).toBe(610);
  });
});

describe('what the quota costs a save', () => {
  it('one UpdateItem of the count for a save that grows the storage, none for one that replaces what it drops', async () => {
    // Prepare
    const growing = await lockedFile(10);
    const steady = await lockedFile(10);
    for (let n = 0; n < 10; n++) await save(steady, bytes(10, 's'));
    // Act
    host.requests.reset();
    await save(growing, bytes(20));
    const grows = Object.fromEntries(host.requests.counts);
    host.requests.reset();
    await save(steady, bytes(10, 't'));
    const replaces = Object.fromEntries(host.requests.counts);
    // Assess
    expect({ grows, replaces }).toEqual({
      grows: { 's3.PutObject': 1, 'dynamodb.GetItem': 1, 'dynamodb.UpdateItem': 2 },
      replaces: { 's3.PutObject': 1, 'dynamodb.GetItem': 1, 'dynamodb.UpdateItem': 1 },
    });
  });
});
