// Concurrency: 8 clients at once on one file, each a user of its own (the owner and editors), through the local
// HTTP server (real handlers, dynalite, s3rver). Each history is checked for linearizability against the reference
// model (test/support/wopi-model.ts): the host must behave as if every Lock, Unlock, RefreshLock, UnlockAndRelock,
// GetLock, PutFile, check-out and undo took effect at one instant between its request and its response. A lock
// change written as read-then-write lets two clients both "win" an unlocked file; no order of the history explains
// that, so the checker refuses it. The TestClock stands still during a history: lock expiry is the model-based
// test's job.
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../lambda/domain/users';
import { checkLinearizable, type HistoryEntry } from '../support/linearizability';
import { performOp } from '../support/wopi-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';
import {
  describeOp,
  describeOutcome,
  newFileModel,
  sameOutcome,
  stateKey,
  step,
  type WopiOp,
  type WopiOutcome,
} from '../support/wopi-model';

const LONG = process.env.WOPI_LONG !== undefined && process.env.WOPI_LONG !== '';
const HISTORIES = LONG ? 200 : 15;
const CLIENTS = 8;
const OPS_PER_CLIENT = 6;

type Entry = HistoryEntry<WopiOp, WopiOutcome>;

// Few lock IDs, so that clients often send the lock that is on the file; Lock and Unlock weigh most, so the
// file changes hands often and unlocked-file races (two Locks at once) are frequent.
const lockId = fc.constantFrom('A', 'B', 'C');
const plannedOp: fc.Arbitrary<WopiOp> = fc.oneof(
  { weight: 4, arbitrary: lockId.map((id): WopiOp => ({ kind: 'Lock', lockId: id })) },
  { weight: 3, arbitrary: lockId.map((id): WopiOp => ({ kind: 'Unlock', lockId: id })) },
  { weight: 1, arbitrary: lockId.map((id): WopiOp => ({ kind: 'RefreshLock', lockId: id })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(lockId, lockId)
      .map(([oldId, newId]): WopiOp => ({ kind: 'UnlockAndRelock', oldLockId: oldId, lockId: newId })),
  },
  { weight: 1, arbitrary: fc.constant<WopiOp>({ kind: 'GetLock' }) },
  { weight: 1, arbitrary: fc.constant<WopiOp>({ kind: 'CheckOut' }) },
  { weight: 1, arbitrary: fc.constant<WopiOp>({ kind: 'UndoCheckOut' }) },
  // The body is filled in per client and position below, so that every save is told apart by its bytes.
  {
    weight: 2,
    arbitrary: fc.option(lockId, { nil: undefined }).map((id): WopiOp => ({ kind: 'PutFile', lockId: id, body: '' })),
  },
);

const plan = fc.record({
  emptyAtStart: fc.boolean(),
  clients: fc.array(fc.array(plannedOp, { minLength: OPS_PER_CLIENT, maxLength: OPS_PER_CLIENT }), {
    minLength: CLIENTS,
    maxLength: CLIENTS,
  }),
});

const hex = (text: string) => Buffer.from(text).toString('hex');

/** Client 0 is the file's owner; every other client is an editor of its own. */
const userOf = (client: number) => (client === 0 ? OWNER : `editor-${client}`);

function asClient(ops: readonly WopiOp[], client: number): WopiOp[] {
  return ops.map((op, i) => ({
    ...op,
    user: userOf(client),
    ...(op.kind === 'PutFile' && { body: hex(`client ${client} save ${i}`) }),
  }));
}

/** One client: its operations one after the other, each timed from request to fully read response. */
async function runClient(host: TestHost, fileId: string, client: number, ops: readonly WopiOp[]): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const op of ops) {
    const invokedAt = performance.now();
    const outcome = await performOp(host, fileId, op, apiKeys);
    entries.push({ client, op, outcome, invokedAt, returnedAt: performance.now() });
  }
  return entries;
}

const OWNER = 'owner-1';
let host: TestHost;
const apiKeys: Record<string, string> = {};
beforeAll(async () => {
  host = await startTestHost();
  for (let client = 0; client < CLIENTS; client++) {
    const userId = userOf(client);
    await host.deps.users.putUser({ userId, displayName: userId });
    apiKeys[userId] = await issueApiKey(host.deps.users, userId, host.clock.now());
  }
});
afterAll(() => host.close());

describe('Lock family, PutFile and check-out under concurrency', () => {
  it(
    `every history of ${CLIENTS} concurrent clients x ${OPS_PER_CLIENT} operations on one file is linearizable, GetFile afterwards included`,
    async () => {
      await fc.assert(
        fc.asyncProperty(plan, async ({ emptyAtStart, clients }) => {
          // Prepare: a fresh unlocked file; the clock stands still for the whole history.
          const initial = emptyAtStart ? '' : hex('initial content');
          const file = await host.addFile(Buffer.from(initial, 'hex'), undefined, OWNER);
          for (let client = 1; client < CLIENTS; client++) await host.share(file.fileId, userOf(client), 'edit');
          const now = host.clock.now();
          const { lockTtlMs } = host.deps.config;
          // Act: all clients at once, then one GetFile once they are all done.
          const perClient = await Promise.all(
            clients.map((ops, client) => runClient(host, file.fileId, client, asClient(ops, client))),
          );
          const history = perClient.flat();
          history.push(...(await runClient(host, file.fileId, 0, [{ kind: 'GetFile', user: OWNER }])));
          // Assess
          expect(host.clock.now()).toBe(now);
          const verdict = checkLinearizable(history, {
            initial: newFileModel(initial, OWNER),
            step: (state, op) => step(state, op, now, lockTtlMs),
            same: sameOutcome,
            key: stateKey,
            describeOp,
            describeOutcome,
          });
          if (!verdict.linearizable) throw new Error(verdict.explanation);
        }),
        // A concurrent run does not replay the same interleaving, so shrinking would chase a moving target.
        { numRuns: HISTORIES, endOnFailure: true },
      );
    },
    LONG ? 60 * 60 * 1000 : 120_000,
  );
});
