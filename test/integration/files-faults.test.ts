// PutFile when a store fails: the record only ever points at complete content, and an upload the record does
// not point at is deleted. Each test wraps a real store of the host (fault injection) for its own requests.
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Base64 } from '../../lambda/domain/content-keys';
import type { FileStore } from '../../lambda/domain/ports';
import { putFileRequirement, saveFile } from '../../lambda/domain/save-file';
import { sweepOrphans } from '../../lambda/domain/sweep-orphans';
import { trashFile } from '../../lambda/domain/trash';
import {
  addTestFile,
  currentBytes,
  listKeys,
  lockFile,
  putFile,
  rawS3,
  recordOf,
  saveDepsOf,
  useDeps,
  withReplaced,
} from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
let s3: S3Client;
let restore: () => void = () => undefined;
beforeAll(async () => {
  // A save that keeps meeting newer records gives up after a second here, not the deployed twenty.
  host = await startTestHost({ env: { WOPI_SAVE_RETRY_SECONDS: '1' } });
  s3 = rawS3(host);
});
afterEach(() => restore());
afterAll(async () => {
  s3.destroy();
  await host.close();
});

function keysOf(fileId: string): Promise<string[]> {
  return listKeys(s3, host.deps.config.bucketName, `files/${fileId}/`);
}

/** The host's real FileStore whose save commits (the writes that set a new content) go to `commit` instead. */
function filesWithCommit(commit: FileStore['update']): FileStore {
  const real = host.deps.files;
  return withReplaced(real, {
    update: (fileId, rule, change, now, options) =>
      (change.content !== undefined ? commit : real.update.bind(real))(fileId, rule, change, now, options),
  });
}

describe('PutFile when a store fails', () => {
  it('answers 500 and commits nothing when the upload fails (fault injection: ContentStore.put throws)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    restore = useDeps(host, {
      contents: withReplaced(host.deps.contents, { put: () => Promise.reject(new Error('injected: S3 is down')) }),
    });
    // Act
    const res = await putFile(host, file.fileId, 'lost to S3', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    // Assess
    expect(res.status).toBe(500);
    expect(res.headers.has('x-wopi-servererror')).toBe(false);
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
    expect(await keysOf(file.fileId)).toEqual([file.content.contentKey]);
    expect(await host.deps.recovery.list(file.fileId)).toEqual([]);
  });

  it('deletes the upload when the commit did not land (fault injection: the save commit throws before writing)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    restore = useDeps(host, {
      files: filesWithCommit(() => Promise.reject(new Error('injected: DynamoDB timed out before the write'))),
    });
    // Act
    const res = await putFile(host, file.fileId, 'not committed', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    // Assess
    expect(res.status).toBe(500);
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
    expect(await keysOf(file.fileId)).toEqual([file.content.contentKey]);
  });

  it('keeps the upload the record points at when the commit landed (fault injection: the save commit throws after writing)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const real = host.deps.files;
    restore = useDeps(host, {
      files: filesWithCommit(async (...args) => {
        await real.update(...args);
        throw new Error('injected: DynamoDB answer lost after the write');
      }),
    });
    // Act
    const res = await putFile(host, file.fileId, 'committed', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    // Assess
    expect(res.status).toBe(500);
    const record = await recordOf(host, file.fileId);
    const current = await currentBytes(host, file.fileId);
    expect(current.toString()).toBe('committed');
    expect(record.content.sha256).toBe(sha256Base64(current));
    expect((await keysOf(file.fileId)).sort()).toEqual([file.content.contentKey, record.content.contentKey].sort());
  });

  it('leaves no upload behind when the file is deleted during the save (fault injection: the commit unlocks and trashes first)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const real = host.deps.files;
    const now = host.clock.now();
    restore = useDeps(host, {
      files: filesWithCommit(async (...args) => {
        await real.update(file.fileId, [[{ kind: 'active' }]], { lock: null }, now);
        await trashFile({ ...host.deps, now, userId: file.ownerId }, file.fileId);
        return real.update(...args);
      }),
    });
    // Act
    const res = await putFile(host, file.fileId, 'into a deleted file', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    // Assess
    expect(res.status).toBe(404);
    expect((await host.deps.files.get(file.fileId))?.trashed).toBeDefined();
    expect(await keysOf(file.fileId)).toEqual([file.content.contentKey]);
  });

  it('"This header must always be included when responding to the request with 409 Conflict": also when same-lock saves keep landing first until the request\'s time is up (fault injection: a save lands before each commit)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const real = host.deps.files;
    let overtaken = 0;
    restore = useDeps(host, {
      files: filesWithCommit(async (...args) => {
        overtaken++;
        await saveFile(saveDepsOf(host, file.ownerId), file.fileId, {
          requirement: putFileRequirement('lock-a'),
          bytes: Buffer.from(`overtaking save ${overtaken}`),
          saveContext: {},
          expectedLastModified: undefined,
        });
        return real.update(...args);
      }),
    });
    // Act
    const res = await putFile(host, file.fileId, 'always second', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('lock-a');
    const copies = await host.deps.recovery.list(file.fileId);
    expect(copies.map((copy) => copy.reason)).toEqual(['lock-mismatch']);
    expect(Buffer.from(await host.deps.contents.get(copies[0]?.contentKey ?? '')).toString()).toBe('always second');
  });
});

const HOUR = 3600_000;

describe('PutFile when a response or a cleanup is lost', () => {
  it('a save whose commit landed but whose answer was lost is not lost, and the retry saves the same bytes again (fault injection: the commit writes, then throws)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    const real = host.deps.files;
    restore = useDeps(host, {
      files: filesWithCommit(async (...args) => {
        await real.update(...args);
        throw new Error('injected: the connection dropped after DynamoDB applied the write');
      }),
    });
    // Act
    const first = await putFile(host, file.fileId, 'the edit', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    const retry = await putFile(host, file.fileId, 'the edit', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(first.status).toBe(500);
    expect(retry.status).toBe(200);
    const record = await recordOf(host, file.fileId);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('the edit');
    // The unacknowledged save landed too and is in the history: nothing acknowledged or sent was lost.
    expect(record.versions.map((v) => v.version)).toEqual([1, 2]);
    const keys = await listKeys(s3, host.deps.config.bucketName, `files/${file.fileId}/`);
    expect(keys.sort()).toEqual([record.content, ...record.versions].map((v) => v.contentKey).sort());
  });

  it('an upload whose cleanup delete failed is found and removed by the orphan sweep (fault injection: the commit and ContentStore.delete throw)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    restore = useDeps(host, {
      files: filesWithCommit(() => Promise.reject(new Error('injected: DynamoDB refused before the write'))),
      contents: withReplaced(host.deps.contents, {
        delete: () => Promise.reject(new Error('injected: S3 delete failed')),
      }),
    });
    const refused = await putFile(host, file.fileId, 'never committed', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    const prefix = `files/${file.fileId}/`;
    const left = await listKeys(s3, host.deps.config.bucketName, prefix);
    // Act
    // S3 stamps objects with the real time, so the sweep runs two hours after it.
    const report = await sweepOrphans({
      ...host.deps,
      now: Date.now() + 2 * HOUR,
      graceMs: HOUR,
      trashKeepMs: 30 * 24 * HOUR,
    });
    // Assess
    expect(refused.status).toBe(500);
    expect(left).toHaveLength(2);
    expect(report.deleted.filter((key) => key.startsWith(prefix))).toHaveLength(1);
    expect(await listKeys(s3, host.deps.config.bucketName, prefix)).toEqual([file.content.contentKey]);
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
  });
});
