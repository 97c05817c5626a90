// "Old contents are kept as versions (a configurable count)": WOPI_VERSIONS_KEPT=2 on this host.
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOrphans } from '../../lambda/domain/sweep-orphans';
import { addTestFile, currentBytes, lockFile, putFile, rawS3, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const HOUR = 3600_000;

let host: TestHost;
let s3: S3Client;
beforeAll(async () => {
  host = await startTestHost({ env: { WOPI_VERSIONS_KEPT: '2' } });
  s3 = rawS3(host);
});
afterAll(async () => {
  s3.destroy();
  await host.close();
});

describe('PutFile versions (WOPI_VERSIONS_KEPT=2)', () => {
  it('keeps only the 2 latest earlier contents, oldest first, each still readable', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    for (const text of ['v2', 'v3', 'v4', 'v5']) await putFile(host, file.fileId, text, { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    const record = await recordOf(host, file.fileId);
    expect(record.versions.map((version) => version.version)).toEqual([3, 4]);
    const stored = await Promise.all(record.versions.map((v) => host.deps.contents.get(v.contentKey)));
    expect(stored.map((bytes) => Buffer.from(bytes).toString())).toEqual(['v3', 'v4']);
    expect((await currentBytes(host, file.fileId)).toString()).toBe('v5');
  });

  it('leaves the versions that drop out to the sweep: a save sends no DeleteObject, the sweep deletes them', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'v1' });
    await lockFile(host, file.fileId, 'lock-a');
    const keys = [file.content.contentKey];
    for (const text of ['v2', 'v3']) {
      await putFile(host, file.fileId, text, { 'X-WOPI-Lock': 'lock-a' });
      keys.push((await recordOf(host, file.fileId)).content.contentKey);
    }
    host.requests.reset();
    // Act
    await putFile(host, file.fileId, 'v4', { 'X-WOPI-Lock': 'lock-a' });
    await putFile(host, file.fileId, 'v5', { 'X-WOPI-Lock': 'lock-a' });
    const deletesDuringSaves = host.requests.counts.get('s3.DeleteObject') ?? 0;
    // S3 stamps objects with the real time, so the sweep runs two hours after it.
    await sweepOrphans({ ...host.deps, now: Date.now() + 2 * HOUR, graceMs: HOUR, trashKeepMs: 30 * 24 * HOUR });
    // Assess
    expect(deletesDuringSaves).toBe(0);
    const bucket = host.deps.config.bucketName;
    for (const dropped of keys.slice(0, 2)) {
      await expect(s3.send(new GetObjectCommand({ Bucket: bucket, Key: dropped }))).rejects.toThrow();
    }
    const kept = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: keys[2] }));
    expect(await kept.Body?.transformToString()).toBe('v3');
  });
});
