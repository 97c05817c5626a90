// The DynamoDB condition of each lock requirement (adapters/dynamo-file-store.ts) against the rule it states
// (domain/lock-rules.ts isSatisfied): for random stored states, requirements and instants, the real conditional
// write on dynalite succeeds exactly when isSatisfied says it should, and a refused write changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { DynamoFileStore } from '../../lambda/adapters/dynamo-file-store';
import { newFileId } from '../../lambda/domain/file-id';
import type { FileRecord } from '../../lambda/domain/file-record';
import type { Lock } from '../../lambda/domain/lock';
import { isSatisfied, type LockRequirement } from '../../lambda/domain/lock-rules';
import { type Emulators, startEmulators } from '../../lambda/local/emulators';

const tableName = 'wopi-files-property';
let emulators: Emulators;
let db: ReturnType<typeof createDynamoClient>;
let store: DynamoFileStore;

beforeAll(async () => {
  emulators = await startEmulators({ tableName, bucketName: 'wopi-contents-property' });
  db = createDynamoClient({ region: 'us-east-1', dynamodbEndpoint: emulators.dynamodbEndpoint });
  store = new DynamoFileStore(db, tableName);
});
afterAll(async () => {
  db.destroy();
  await emulators.close();
});

const base = Date.UTC(2026, 0, 1, 9, 0, 0);
// Lock IDs from a small set, so that matches are common; one with characters an expression must not mangle.
const lockId = fc.constantFrom('A', 'B', '{"S":"a b","F":4}');
// Offsets in milliseconds, often right at the boundary: the instant a lock expires matters most.
const offset = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -3_600_000, max: 3_600_000 }));

/** The instant of the write: `delta` from the stored lock's expiry (from `base` when there is no lock). */
function instant(lock: Lock | undefined, delta: number): number {
  return (lock?.expiresAt ?? base) + delta;
}

const userId = fc.constantFrom('user-1', 'user-2');

/** A WOPI client's lock, or a person's check-out (a third-party lock), expiring around `base`. */
const anyLock: fc.Arbitrary<Lock> = fc
  .record({
    id: lockId,
    expiresAt: offset.map((ms) => base + ms),
    holder: userId,
    checkOut: fc.boolean(),
  })
  .map(({ checkOut, ...lock }) => (checkOut ? { ...lock, kind: 'checkout' as const, holderName: lock.holder } : lock));

const storedLock: fc.Arbitrary<Lock | undefined> = fc.option(anyLock, { nil: undefined });

/** Every requirement kind of domain/lock-rules.ts. */
const requirement: fc.Arbitrary<LockRequirement> = fc.oneof(
  lockId.map((id) => ({ kind: 'lockableWith' as const, lockId: id })),
  lockId.map((id) => ({ kind: 'heldWith' as const, lockId: id })),
  fc.option(lockId, { nil: undefined }).map((id) => ({ kind: 'savableWith' as const, lockId: id })),
  fc.constant({ kind: 'unlocked' as const }),
  userId.map((id) => ({ kind: 'checkOutBy' as const, userId: id })),
  fc.option(userId, { nil: undefined }).map((id) => ({ kind: 'checkedOutBy' as const, userId: id })),
);

function record(fileId: string, lock: Lock | undefined, size: number): FileRecord {
  return {
    fileId,
    name: 'property.docx',
    ownerId: 'owner-1',
    content: { version: 1, contentKey: `files/${fileId}/c`, size, sha256: '', modifiedAt: base, modifiedBy: 'owner-1' },
    versions: [],
    ...(lock && { lock }),
  };
}

describe('lockCondition (adapter) matches isSatisfied (domain)', () => {
  it('a conditional changeLock on dynalite is applied exactly when isSatisfied holds', async () => {
    await fc.assert(
      fc.asyncProperty(storedLock, fc.constantFrom(0, 5), requirement, offset, async (lock, size, required, delta) => {
        // Prepare
        const now = instant(lock, delta);
        const fileId = newFileId();
        await store.create(record(fileId, lock, size));
        const next: Lock = { id: 'next', expiresAt: now + 1_800_000, holder: 'user-3', holderName: 'User Three' };
        // Act
        const result = await store.changeLock(fileId, required, next, now);
        // Assess
        expect(result.applied).toBe(isSatisfied(required, { lock, size }, now));
      }),
      { numRuns: 200 },
    );
  });

  it('a refused changeLock reports the stored record and leaves it as it was; an applied one sets the new lock', async () => {
    await fc.assert(
      fc.asyncProperty(storedLock, requirement, offset, async (lock, required, delta) => {
        // Prepare
        const now = instant(lock, delta);
        const stored = record(newFileId(), lock, 5);
        await store.create(stored);
        const next: Lock = { id: 'next', expiresAt: now + 1_800_000, holder: 'user-3', holderName: 'User Three' };
        // Act
        const result = await store.changeLock(stored.fileId, required, next, now);
        // Assess
        const after = await store.get(stored.fileId);
        if (result.applied) expect(after?.lock).toEqual(next);
        else expect({ reported: result.current?.lock, after: after?.lock }).toEqual({ reported: lock, after: lock });
      }),
      { numRuns: 100 },
    );
  });

  it('no requirement is ever satisfied for a file that does not exist', async () => {
    await fc.assert(
      fc.asyncProperty(requirement, offset, async (required, nowOffset) => {
        // Prepare
        const now = base + nowOffset;
        const missingFileId = newFileId();
        // Act
        const result = await store.changeLock(missingFileId, required, undefined, now);
        // Assess
        expect(result).toEqual({ applied: false, current: undefined });
      }),
      { numRuns: 30 },
    );
  });
});
