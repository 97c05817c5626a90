// The DynamoDB condition of every rule (adapters/file-expressions.ts) against the rule it states
// (domain/conditions.ts holds): for random stored records (WOPI lock, check-out, roles, trash, size, revision,
// document number), random rules built from every fact, and instants around the lock's expiry, the real conditional
// write on dynalite is applied exactly when `holds` says it should, and a refused write changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { DynamoFileStore } from '../../lambda/adapters/dynamo-file-store';
import type { Role } from '../../lambda/domain/access';
import { allOf, anyOf, type Fact, fact, holds, type Rule } from '../../lambda/domain/conditions';
import { newFileId } from '../../lambda/domain/file-id';
import type { FileRecord } from '../../lambda/domain/file-record';
import type { Lock } from '../../lambda/domain/lock';
import { lockRule, revisedWrite, wopiWrite } from '../../lambda/domain/write-rules';
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
// User ids that need expression attribute names of their own (dots, a '#', a map key that looks like a path).
const userId = fc.constantFrom('user-1', 'user.2', '#user 3');
const role = fc.constantFrom<Role>('owner', 'edit+delete', 'edit', 'view', 'disabled');

const storedLock: fc.Arbitrary<Lock | undefined> = fc.option(
  fc.record({ id: lockId, expiresAt: offset.map((ms) => base + ms), holder: userId }),
  { nil: undefined },
);

interface Stored {
  readonly lock: Lock | undefined;
  readonly checkOut: string | undefined;
  readonly access: Record<string, Role>;
  readonly trashed: boolean;
  readonly size: number;
  readonly rev: number;
  readonly docNo: number | undefined;
}

const stored: fc.Arbitrary<Stored> = fc.record({
  lock: storedLock,
  checkOut: fc.option(userId, { nil: undefined }),
  access: fc.dictionary(userId, role, { maxKeys: 3 }),
  trashed: fc.boolean(),
  size: fc.constantFrom(0, 5),
  rev: fc.constantFrom(1, 2),
  docNo: fc.option(fc.constant(7), { nil: undefined }),
});

const anyFact: fc.Arbitrary<Fact> = fc.oneof(
  fc.constant<Fact>({ kind: 'active' }),
  fc.constant<Fact>({ kind: 'unlocked' }),
  lockId.map((id): Fact => ({ kind: 'lockIs', lockId: id })),
  userId.map((id): Fact => ({ kind: 'lockHeldBy', userId: id })),
  fc.constant<Fact>({ kind: 'empty' }),
  fc.constant<Fact>({ kind: 'notCheckedOut' }),
  userId.map((id): Fact => ({ kind: 'checkedOutBy', userId: id })),
  fc
    .tuple(userId, fc.uniqueArray(role, { minLength: 1, maxLength: 3 }))
    .map(([id, roles]): Fact => ({ kind: 'roleIn', userId: id, roles })),
  fc.constantFrom(1, 2).map((rev): Fact => ({ kind: 'revision', rev })),
  fc.constant<Fact>({ kind: 'numberless' }),
);

/** Random OR-of-ANDs of every fact, and the rules the operations really use. */
const rule: fc.Arbitrary<Rule> = fc.oneof(
  fc.array(fc.array(anyFact, { maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  fc.tuple(userId, lockId).map(([user, id]) => allOf(wopiWrite(user), lockRule({ kind: 'lockableWith', lockId: id }))),
  fc.tuple(userId, lockId).map(([user, id]) => allOf(wopiWrite(user), lockRule({ kind: 'heldWith', lockId: id }))),
  fc
    .tuple(fc.constantFrom(1, 2), fc.option(lockId, { nil: undefined }))
    .map(([rev, id]) =>
      allOf(fact({ kind: 'active' }), fact({ kind: 'revision', rev }), lockRule({ kind: 'savableWith', lockId: id })),
    ),
  userId.map((user) => anyOf(fact({ kind: 'unlocked' }), fact({ kind: 'lockHeldBy', userId: user }))),
);

function recordOf(fileId: string, state: Stored): FileRecord {
  return {
    fileId,
    name: 'property.docx',
    ownerId: 'owner-1',
    content: {
      version: 1,
      contentKey: `files/${fileId}/c`,
      size: state.size,
      sha256: '',
      modifiedAt: base,
      modifiedBy: 'owner-1',
    },
    versions: [],
    access: state.access,
    rev: state.rev,
    activity: [],
    ...(state.lock && { lock: state.lock }),
    ...(state.checkOut && { checkOut: { holder: state.checkOut, holderName: state.checkOut, at: base } }),
    ...(state.trashed && { trashed: { at: base, by: 'owner-1' } }),
    ...(state.docNo !== undefined && { docNo: state.docNo }),
  };
}

const next: Lock = { id: 'next', expiresAt: base + 1_800_000, holder: 'user-9', holderName: 'User Nine' };

describe('conditionExpression (adapter) matches holds (domain)', () => {
  it('a conditional update on dynalite is applied exactly when the rule holds', async () => {
    await fc.assert(
      fc.asyncProperty(stored, rule, offset, async (state, required, delta) => {
        // Prepare
        const now = (state.lock?.expiresAt ?? base) + delta;
        const record = recordOf(newFileId(), state);
        await store.create(record);
        // Act
        const result = await store.update(record.fileId, required, { lock: next }, now);
        // Assess
        expect(result.applied).toBe(holds(required, record, now));
      }),
      { numRuns: 300 },
    );
  });

  it('a refused update reports the stored record and leaves it as it was; an applied one makes the change', async () => {
    await fc.assert(
      fc.asyncProperty(stored, rule, offset, async (state, required, delta) => {
        // Prepare
        const now = (state.lock?.expiresAt ?? base) + delta;
        const record = recordOf(newFileId(), state);
        await store.create(record);
        // Act
        const result = await store.update(record.fileId, required, { lock: next }, now);
        // Assess
        const after = await store.get(record.fileId);
        if (result.applied) expect(after?.lock).toEqual(next);
        else expect({ reported: result.current, after }).toEqual({ reported: record, after: record });
      }),
      { numRuns: 100 },
    );
  });

  it('a revised write refuses a record another write changed since it was read', async () => {
    // Prepare
    const record = recordOf(newFileId(), {
      lock: undefined,
      checkOut: undefined,
      access: {},
      trashed: false,
      size: 5,
      rev: 1,
      docNo: undefined,
    });
    await store.create(record);
    await store.update(record.fileId, revisedWrite(record), { rev: 2 }, base);
    // Act
    const stale = await store.update(record.fileId, revisedWrite(record), { name: 'late.docx' }, base);
    // Assess
    expect({ applied: stale.applied, name: (await store.get(record.fileId))?.name }).toEqual({
      applied: false,
      name: 'property.docx',
    });
  });

  it('no rule ever holds for a file that does not exist: an update never creates one', async () => {
    await fc.assert(
      fc.asyncProperty(rule, offset, async (required, delta) => {
        // Prepare
        const missingFileId = newFileId();
        // Act
        const result = await store.update(missingFileId, required, { lock: next }, base + delta);
        // Assess
        expect({ result, after: await store.get(missingFileId) }).toEqual({
          result: { applied: false, current: undefined },
          after: undefined,
        });
      }),
      { numRuns: 50 },
    );
  });
});
