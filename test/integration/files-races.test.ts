// The racing test of issue 4: during a slow upload by the lock holder, another client steals the expired lock
// and saves. The holder's save runs the domain's saveFile on the host's real stores, with its uploads held
// back by a wrapper around the real content store (fault injection); the other client goes through HTTP.
import { randomBytes } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockConflictError } from '../../lambda/domain/errors';
import { putFileRequirement, saveFile } from '../../lambda/domain/save-file';
import { errorResponse } from '../../lambda/http/error-response';
import {
  addTestFile,
  currentBytes,
  type GatedContents,
  gatedContents,
  listKeys,
  lockFile,
  putFile,
  rawS3,
  recordOf,
  saveDepsOf,
} from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const LOCK_TTL = 30 * 60 * 1000;

let host: TestHost;
let s3: S3Client;
beforeAll(async () => {
  host = await startTestHost();
  s3 = rawS3(host);
});
afterAll(async () => {
  s3.destroy();
  await host.close();
});

/** What a client's save ended with: the HTTP status it got (or would get) and the bytes it sent. */
interface SaveOutcome {
  readonly client: string;
  readonly status: number;
  readonly bytes: Buffer;
}

/** The lock holder's PutFile, started on the domain with a content store whose upload waits for release(). */
interface SlowSave {
  readonly gate: GatedContents;
  readonly done: Promise<SaveOutcome>;
  readonly error: Promise<unknown>;
}

function startSlowSave(fileId: string, lockId: string, userId: string, bytes: Buffer): SlowSave {
  const gate = gatedContents(host.deps.contents);
  let failure: unknown;
  const done = saveFile(saveDepsOf(host, userId, gate.store), fileId, {
    requirement: putFileRequirement(lockId),
    bytes,
    saveContext: {},
    expectedLastModified: undefined,
  }).then(
    () => ({ client: userId, status: 200, bytes }),
    (error: unknown) => {
      failure = error;
      return { client: userId, status: errorResponse(error).response.status, bytes };
    },
  );
  return { gate, done, error: done.then(() => failure) };
}

async function httpSave(fileId: string, lockId: string, userId: string, bytes: Buffer): Promise<SaveOutcome> {
  const token = await host.token(fileId, 'write', { userId });
  const res = await putFile(host, fileId, bytes, { 'X-WOPI-Lock': lockId }, token);
  return { client: userId, status: res.status, bytes };
}

async function lockAs(fileId: string, lockId: string, userId: string): Promise<number> {
  return (await lockFile(host, fileId, lockId, await host.token(fileId, 'write', { userId }))).status;
}

/** Every stored content of the file, current first, read back from S3. */
async function storedContents(fileId: string): Promise<Buffer[]> {
  const record = await recordOf(host, fileId);
  const keys = [record.content, ...record.versions].map((version) => version.contentKey);
  return Promise.all(keys.map(async (key) => Buffer.from(await host.deps.contents.get(key))));
}

async function recoveredBytes(fileId: string): Promise<Buffer[]> {
  const copies = await host.deps.recovery.list(fileId);
  return Promise.all(copies.map(async (copy) => Buffer.from(await host.deps.contents.get(copy.contentKey))));
}

/**
 * The invariants of issue 4, whatever the interleaving: the record points at exactly one client's complete
 * content (or the initial one); every save that got 200 is current or in the history; every refused save is a
 * recovery copy; and no upload is left in S3 that the record does not point at.
 */
async function assertNoSaveLost(fileId: string, initial: Buffer, outcomes: readonly SaveOutcome[]): Promise<void> {
  for (const outcome of outcomes) expect([200, 409]).toContain(outcome.status);
  const record = await recordOf(host, fileId);
  const current = await currentBytes(host, fileId);
  expect(current.byteLength).toBe(record.content.size);
  const candidates = [initial, ...outcomes.filter((o) => o.status === 200).map((o) => o.bytes)];
  expect(candidates.filter((bytes) => bytes.equals(current))).toHaveLength(1);
  const stored = await storedContents(fileId);
  for (const saved of outcomes.filter((o) => o.status === 200)) {
    expect(
      stored.some((bytes) => bytes.equals(saved.bytes)),
      `${saved.client}'s saved bytes are kept`,
    ).toBe(true);
  }
  const recovered = await recoveredBytes(fileId);
  for (const refused of outcomes.filter((o) => o.status === 409)) {
    expect(
      recovered.some((bytes) => bytes.equals(refused.bytes)),
      `${refused.client}'s refused bytes`,
    ).toBe(true);
  }
  const pointedAt = [record.content, ...record.versions].map((version) => version.contentKey).sort();
  expect((await listKeys(s3, host.deps.config.bucketName, `files/${fileId}/`)).sort()).toEqual(pointedAt);
}

/** A file both racing users may edit (the owner shared it with them). */
async function sharedTestFile(initial: Buffer) {
  const file = await addTestFile(host, { bytes: initial });
  for (const userId of ['user-a', 'user-b']) await host.share(file.fileId, userId, 'edit');
  return file;
}

function body(label: string): Buffer {
  return Buffer.concat([Buffer.from(`${label}:`), randomBytes(32 * 1024)]);
}

describe('PutFile racing a lock steal (fault injection: a held-back upload through a wrapped content store)', () => {
  it('"another client steals the expired lock and saves": the holder\'s late save is refused and kept as a recovery copy', async () => {
    // Prepare
    const initial = Buffer.from('initial');
    const file = await sharedTestFile(initial);
    await lockAs(file.fileId, 'lock-a', 'user-a');
    const bytesA = body('A');
    const bytesB = body('B');
    const slow = startSlowSave(file.fileId, 'lock-a', 'user-a', bytesA);
    await slow.gate.reached;
    // Act
    host.clock.advance(LOCK_TTL);
    const lockB = await lockAs(file.fileId, 'lock-b', 'user-b');
    const saveB = await httpSave(file.fileId, 'lock-b', 'user-b', bytesB);
    slow.gate.release();
    const saveA = await slow.done;
    // Assess
    expect(lockB).toBe(200);
    expect(saveB.status).toBe(200);
    expect(saveA.status).toBe(409);
    const error = await slow.error;
    expect(error).toBeInstanceOf(LockConflictError);
    expect((error as LockConflictError).currentLock).toBe('lock-b');
    expect((await currentBytes(host, file.fileId)).equals(bytesB)).toBe(true);
    const copies = await host.deps.recovery.list(file.fileId);
    expect(copies.map((copy) => [copy.sentBy, copy.reason])).toEqual([['user-a', 'lock-mismatch']]);
    await assertNoSaveLost(file.fileId, initial, [saveA, saveB]);
  });

  it("refuses the holder's save when the lock was stolen before its commit, and the thief saves after it", async () => {
    // Prepare
    const initial = Buffer.from('initial');
    const file = await sharedTestFile(initial);
    await lockAs(file.fileId, 'lock-a', 'user-a');
    const bytesA = body('A');
    const bytesB = body('B');
    const slow = startSlowSave(file.fileId, 'lock-a', 'user-a', bytesA);
    await slow.gate.reached;
    // Act
    host.clock.advance(LOCK_TTL);
    await lockAs(file.fileId, 'lock-b', 'user-b');
    slow.gate.release();
    const saveA = await slow.done;
    const saveB = await httpSave(file.fileId, 'lock-b', 'user-b', bytesB);
    // Assess
    expect(saveA.status).toBe(409);
    expect(saveB.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).equals(bytesB)).toBe(true);
    await assertNoSaveLost(file.fileId, initial, [saveA, saveB]);
  });

  it("keeps both contents when the holder's commit lands before the lock is taken and the thief saves after it", async () => {
    // Prepare
    const initial = Buffer.from('initial');
    const file = await sharedTestFile(initial);
    await lockAs(file.fileId, 'lock-a', 'user-a');
    const bytesA = body('A');
    const bytesB = body('B');
    const slow = startSlowSave(file.fileId, 'lock-a', 'user-a', bytesA);
    await slow.gate.reached;
    // Act
    host.clock.advance(LOCK_TTL);
    slow.gate.release();
    const saveA = await slow.done;
    const lockB = await lockAs(file.fileId, 'lock-b', 'user-b');
    const saveB = await httpSave(file.fileId, 'lock-b', 'user-b', bytesB);
    // Assess
    expect(lockB).toBe(200);
    expect(saveB.status).toBe(200);
    expect((await currentBytes(host, file.fileId)).equals(bytesB)).toBe(true);
    await assertNoSaveLost(file.fileId, initial, [saveA, saveB]);
  });

  it('keeps both saves of one lock holder that race each other (autosave during a slow exit save)', async () => {
    // Prepare
    const initial = Buffer.from('initial');
    const file = await sharedTestFile(initial);
    await lockAs(file.fileId, 'lock-a', 'user-a');
    const exitSave = body('exit');
    const autosave = body('auto');
    const slow = startSlowSave(file.fileId, 'lock-a', 'user-a', exitSave);
    await slow.gate.reached;
    // Act
    const fast = await httpSave(file.fileId, 'lock-a', 'user-a', autosave);
    slow.gate.release();
    const late = await slow.done;
    // Assess
    expect(fast.status).toBe(200);
    expect(late.status).toBe(200);
    await assertNoSaveLost(file.fileId, initial, [fast, late]);
  });

  it("keeps every save, whatever the interleaving of expiry, steal, the thief's save and the holder's commit (20 rounds)", async () => {
    type Step = 'expire' | 'lockB' | 'saveB' | 'release';
    const steps: Step[] = ['expire', 'lockB', 'saveB', 'release'];
    const schedule = fc.record({
      order: fc.shuffledSubarray(steps, { minLength: steps.length, maxLength: steps.length }),
      // Whether the holder's commit is awaited at release, or races the steps after it.
      awaitRelease: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(schedule, async ({ order, awaitRelease }) => {
        // Prepare
        const initial = body('initial');
        const file = await sharedTestFile(initial);
        await lockAs(file.fileId, 'lock-a', 'user-a');
        const bytesB = body('B');
        const slow = startSlowSave(file.fileId, 'lock-a', 'user-a', body('A'));
        await slow.gate.reached;
        const outcomes: Promise<SaveOutcome>[] = [slow.done];
        // Act
        for (const step of order) {
          if (step === 'expire') host.clock.advance(LOCK_TTL);
          if (step === 'lockB') await lockAs(file.fileId, 'lock-b', 'user-b');
          if (step === 'saveB') outcomes.push(Promise.resolve(await httpSave(file.fileId, 'lock-b', 'user-b', bytesB)));
          if (step === 'release') {
            slow.gate.release();
            if (awaitRelease) await slow.done;
          }
        }
        // Assess
        await assertNoSaveLost(file.fileId, initial, await Promise.all(outcomes));
      }),
      { numRuns: 20, seed: 4 },
    );
  });
});
