// The linearizability checker itself (test/support/linearizability.ts): it must refuse a history no order explains,
// or a broken checker would let every concurrency test pass silently.
import { describe, expect, it } from 'vitest';
import { checkLinearizable, type HistoryEntry } from '../support/linearizability';
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

const now = Date.UTC(2026, 0, 1, 9, 0, 0);
const spec = {
  initial: newFileModel('', 'owner-1'),
  step: (state: ReturnType<typeof newFileModel>, op: WopiOp) => step(state, op, now),
  same: sameOutcome,
  key: stateKey,
  describeOp,
  describeOutcome,
};
const ok: WopiOutcome = { status: 200, lock: undefined, itemVersion: undefined, content: undefined };

function entry(client: number, op: WopiOp, outcome: WopiOutcome, invokedAt: number, returnedAt: number) {
  return { client, op, outcome, invokedAt, returnedAt } satisfies HistoryEntry<WopiOp, WopiOutcome>;
}

describe('checkLinearizable', () => {
  it('accepts two overlapping Locks of an unlocked file when one of them got the 409 that names the other', () => {
    // Prepare
    const history = [
      entry(0, { kind: 'Lock', lockId: 'A' }, ok, 0, 10),
      entry(1, { kind: 'Lock', lockId: 'B' }, { ...ok, status: 409, lock: 'A' }, 1, 9),
    ];
    // Act
    const verdict = checkLinearizable(history, spec);
    // Assess
    expect(verdict.linearizable).toBe(true);
  });

  it('refuses two Locks with different ids that both got 200 on an unlocked file (the read-then-write race)', () => {
    // Prepare
    const history = [
      entry(0, { kind: 'Lock', lockId: 'A' }, ok, 0, 10),
      entry(1, { kind: 'Lock', lockId: 'B' }, ok, 1, 9),
    ];
    // Act
    const verdict = checkLinearizable(history, spec);
    // Assess
    expect(verdict.linearizable).toBe(false);
  });

  it('refuses a history that breaks real time: a GetLock that returned before a Lock began cannot see it', () => {
    // Prepare
    const history = [
      entry(0, { kind: 'GetLock' }, { ...ok, lock: 'A' }, 0, 5),
      entry(1, { kind: 'Lock', lockId: 'A' }, ok, 6, 10),
    ];
    // Act
    const verdict = checkLinearizable(history, spec);
    // Assess
    expect(verdict.linearizable).toBe(false);
  });

  it('refuses a save by another user that got 200 while the file was checked out, whatever the order', () => {
    // Prepare
    const history = [
      entry(0, { kind: 'CheckOut', user: 'editor-1' }, ok, 0, 1),
      entry(1, { kind: 'PutFile', lockId: undefined, body: 'ab', user: 'editor-2' }, { ...ok, itemVersion: '2' }, 2, 3),
    ];
    // Act
    const verdict = checkLinearizable(history, spec);
    // Assess
    expect(verdict.linearizable).toBe(false);
  });
});
