// Issue 11, finding 7: "any editor can fill storage without bound (each refused save is a 30-day recovery copy)".
// A file keeps at most WOPI_RECOVERY_KEPT recovery copies, the newest; the older ones' bytes are deleted too.
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecoveryCopies } from '../../lambda/domain/recovery';
import { addTestFile, listKeys, putFile, rawS3 } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const KEPT = 3;

let host: TestHost;
let s3: S3Client;
beforeAll(async () => {
  host = await startTestHost({ env: { WOPI_RECOVERY_KEPT: String(KEPT) } });
  s3 = rawS3(host);
});
afterAll(async () => {
  s3.destroy();
  await host.close();
});

describe(`recovery copies with WOPI_RECOVERY_KEPT=${KEPT}`, () => {
  it('keeps only the newest copies of a file, and deletes the bytes of the ones it drops', async () => {
    // Prepare
    const file = await addTestFile(host);
    // Act: eight saves refused for a lock the file does not have, a second apart
    for (let n = 1; n <= 8; n++) {
      host.clock.advance(1000);
      const res = await putFile(host, file.fileId, `refused save ${n}`, { 'X-WOPI-Lock': 'no-such-lock' });
      expect(res.status).toBe(409);
    }
    // Assess
    const copies = await listRecoveryCopies({ ...host.deps, now: host.clock.now() }, file.fileId);
    const bytes = await Promise.all(copies.map(async (c) => Buffer.from(await host.deps.contents.get(c.contentKey))));
    expect(bytes.map(String)).toEqual(['refused save 8', 'refused save 7', 'refused save 6']);
    const stored = await listKeys(s3, host.deps.config.bucketName, `recovery/${file.fileId}/`);
    expect(stored.sort()).toEqual(copies.map((copy) => copy.contentKey).sort());
  });

  it('counts per file: another file’s copies are kept apart', async () => {
    // Prepare
    const [one, two] = [await addTestFile(host), await addTestFile(host)];
    // Act
    for (let n = 1; n <= KEPT + 1; n++) {
      host.clock.advance(1000);
      await putFile(host, one.fileId, `one ${n}`, { 'X-WOPI-Lock': 'x' });
    }
    host.clock.advance(1000);
    await putFile(host, two.fileId, 'two 1', { 'X-WOPI-Lock': 'x' });
    // Assess
    const now = host.clock.now();
    const counts = await Promise.all(
      [one, two].map(async (f) => (await listRecoveryCopies({ ...host.deps, now }, f.fileId)).length),
    );
    expect(counts).toEqual([KEPT, 1]);
  });
});
