// The last two storage faults of issue 7: a commit that lands but whose response is lost (the client retries),
// and a cleanup delete that fails (the orphan sweep finds what it left). Each test wraps a real store of the
// host (fault injection) for its own requests.
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileStore } from '../../lambda/domain/ports';
import { sweepOrphans } from '../../lambda/domain/sweep-orphans';
import {
  addTestFile,
  currentBytes,
  listKeys,
  lockFile,
  putFile,
  rawS3,
  recordOf,
  useDeps,
  withReplaced,
} from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
let s3: S3Client;
let restore: () => void = () => undefined;
beforeAll(async () => {
  host = await startTestHost();
  s3 = rawS3(host);
  // S3 stamps objects with the real time; the sweep compares it with the host's clock.
  host.clock.advance(Date.now() - host.clock.now());
});
afterEach(() => restore());
afterAll(async () => {
  s3.destroy();
  await host.close();
});

const HOUR = 3600_000;

describe('PutFile when a response or a cleanup is lost', () => {
  it('a save whose commit landed but whose answer was lost is not lost, and the retry saves the same bytes again (fault injection: commitContent writes, then throws)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    const lostAnswer: FileStore['commitContent'] = async (...args) => {
      await host.deps.files.commitContent(...args);
      throw new Error('injected: the connection dropped after DynamoDB applied the write');
    };
    restore = useDeps(host, { files: withReplaced(host.deps.files, { commitContent: lostAnswer }) });
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

  it('an upload whose cleanup delete failed is found and removed by the orphan sweep (fault injection: commitContent and ContentStore.delete throw)', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    restore = useDeps(host, {
      files: withReplaced(host.deps.files, {
        commitContent: () => Promise.reject(new Error('injected: DynamoDB refused before the write')),
      }),
      contents: withReplaced(host.deps.contents, {
        delete: () => Promise.reject(new Error('injected: S3 delete failed')),
      }),
    });
    const refused = await putFile(host, file.fileId, 'never committed', { 'X-WOPI-Lock': 'lock-a' });
    restore();
    const prefix = `files/${file.fileId}/`;
    const left = await listKeys(s3, host.deps.config.bucketName, prefix);
    // Act
    const report = await sweepOrphans({ ...host.deps, now: host.clock.now() + 2 * HOUR, graceMs: HOUR });
    // Assess
    expect(refused.status).toBe(500);
    expect(left).toHaveLength(2);
    expect(report.deleted.filter((key) => key.startsWith(prefix))).toHaveLength(1);
    expect(await listKeys(s3, host.deps.config.bucketName, prefix)).toEqual([file.content.contentKey]);
    expect((await recordOf(host, file.fileId)).content).toEqual(file.content);
  });
});
