// "No save is silently lost": a PutFile refused for a lock or timestamp reason is kept as a recovery copy.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecoveryCopy } from '../../lambda/domain/recovery-copy';
import { addTestFile, lockFile, putFile, recordOf } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const THIRTY_ONE_MINUTES = 31 * 60 * 1000;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

async function onlyCopy(fileId: string): Promise<RecoveryCopy> {
  const copies = await host.deps.recovery.list(fileId);
  expect(copies).toHaveLength(1);
  return copies[0] as RecoveryCopy;
}

async function copyBytes(copy: RecoveryCopy): Promise<Buffer> {
  return Buffer.from(await host.deps.contents.get(copy.contentKey));
}

describe('PutFile recovery copies', () => {
  it('"A refused exit save (lock expired, then PutFile) answers 409 and leaves a recovery copy whose bytes equal the request body"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    host.clock.advance(THIRTY_ONE_MINUTES);
    const body = randomBytes(64 * 1024);
    await host.share(file.fileId, 'editor-1', 'edit');
    const token = await host.token(file.fileId, 'write', { userId: 'editor-1', userName: 'Editor One' });
    // Act
    const res = await putFile(
      host,
      file.fileId,
      body,
      { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-IsExitSave': 'true' },
      token,
    );
    // Assess
    expect(res.status).toBe(409);
    expect(res.headers.get('x-wopi-lock')).toBe('');
    const copy = await onlyCopy(file.fileId);
    expect((await copyBytes(copy)).equals(body)).toBe(true);
    expect(copy).toMatchObject({
      sentBy: 'editor-1',
      reason: 'not-locked',
      sentAt: host.clock.now(),
      size: body.length,
    });
  });

  it('keeps the bytes of a save refused for a lock mismatch, with reason "lock-mismatch"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, 'from the other lock', { 'X-WOPI-Lock': 'lock-b' });
    // Assess
    expect(res.status).toBe(409);
    const copy = await onlyCopy(file.fileId);
    expect((await copyBytes(copy)).toString()).toBe('from the other lock');
    expect(copy.reason).toBe('lock-mismatch');
  });

  it('keeps the bytes of a save refused for a Collabora timestamp conflict, with reason "timestamp-mismatch"', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const stale = new Date(file.content.modifiedAt - 60_000).toISOString();
    // Act
    const res = await putFile(host, file.fileId, 'based on an old read', {
      'X-WOPI-Lock': 'lock-a',
      'X-COOL-WOPI-Timestamp': stale,
    });
    // Assess
    expect(res.status).toBe(409);
    const copy = await onlyCopy(file.fileId);
    expect((await copyBytes(copy)).toString()).toBe('based on an old read');
    expect(copy.reason).toBe('timestamp-mismatch');
  });

  it('leaves the record unchanged (content version, SHA-256, history) after each kind of refusal', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    const stale = new Date(file.content.modifiedAt - 1).toISOString();
    // Act
    await putFile(host, file.fileId, 'mismatch', { 'X-WOPI-Lock': 'lock-b' });
    await putFile(host, file.fileId, 'stale', { 'X-WOPI-Lock': 'lock-a', 'X-COOL-WOPI-Timestamp': stale });
    host.clock.advance(THIRTY_ONE_MINUTES);
    await putFile(host, file.fileId, 'expired', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    const record = await recordOf(host, file.fileId);
    expect(record.content).toEqual(file.content);
    expect(record.versions).toEqual([]);
    const reasons = (await host.deps.recovery.list(file.fileId)).map((copy) => copy.reason).sort();
    expect(reasons).toEqual(['lock-mismatch', 'not-locked', 'timestamp-mismatch']);
  });

  it('keeps no recovery copy for a save that was accepted', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    await lockFile(host, file.fileId, 'lock-a');
    // Act
    const res = await putFile(host, file.fileId, 'accepted', { 'X-WOPI-Lock': 'lock-a' });
    // Assess
    expect(res.status).toBe(200);
    expect(await host.deps.recovery.list(file.fileId)).toEqual([]);
  });

  it('sets keepUntil to the configured keep time after the refusal', async () => {
    // Prepare
    const file = await addTestFile(host, { bytes: 'before' });
    // Act
    await putFile(host, file.fileId, 'unlocked save of a non-empty file');
    // Assess
    const copy = await onlyCopy(file.fileId);
    expect(copy.keepUntil).toBe(copy.sentAt + host.deps.config.recoveryKeepMs);
  });
});
