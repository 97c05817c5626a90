// domain/lock-rules.ts: the precondition of every lock-changing write, as truth tables over the lock states
// that matter. The adapter's ConditionExpressions are checked against the same rule in
// test/property/lock-condition.property.test.ts.
import { describe, expect, it } from 'vitest';
import type { Lock } from '../../lambda/domain/lock';
import { isSatisfied, type LockRequirement, type LockState } from '../../lambda/domain/lock-rules';

const now = Date.UTC(2026, 0, 1, 9, 0, 0);

function wopiLock(id: string, expiresAt = now + 1): Lock {
  return { id, expiresAt, holder: 'user-1' };
}

function checkOut(id: string, holder: string, expiresAt = now + 1): Lock {
  return { id, expiresAt, holder, kind: 'checkout' };
}

// Content of 5 bytes unless the state says "empty".
const states = {
  unlocked: { size: 5 },
  'unlocked and empty': { size: 0 },
  'locked with A': { lock: wopiLock('A'), size: 5 },
  'locked with B': { lock: wopiLock('B'), size: 5 },
  'A expired a moment ago': { lock: wopiLock('A', now - 1), size: 5 },
  'A expiring exactly now': { lock: wopiLock('A', now), size: 5 },
  'B expiring exactly now, empty': { lock: wopiLock('B', now), size: 0 },
  'checked out by user-1 with ID A': { lock: checkOut('A', 'user-1'), size: 5 },
  'checked out by user-2': { lock: checkOut('C', 'user-2'), size: 5 },
  'a check-out by user-2 that expired': { lock: checkOut('C', 'user-2', now), size: 5 },
} satisfies Record<string, LockState>;

type StateName = keyof typeof states;

function truthTable(expected: Record<StateName, boolean>) {
  return Object.entries(expected).map(([state, satisfied]) => ({ state: state as StateName, satisfied }));
}

function check(requirement: LockRequirement, state: StateName): boolean {
  return isSatisfied(requirement, states[state], now);
}

describe('isSatisfied: lockableWith A (Lock)', () => {
  it.each(
    truthTable({
      unlocked: true, // "If the file is unlocked, the host should lock the file"
      'unlocked and empty': true,
      'locked with A': true, // "... matches the lock currently on the file, the host should refresh the lock timer"
      'locked with B': false, // "In all other cases, the host must return 409 Conflict"
      'A expired a moment ago': true, // an expired lock behaves exactly like no lock
      'A expiring exactly now': true,
      'B expiring exactly now, empty': true, // a lock counts as absent from its expiry instant on
      'checked out by user-1 with ID A': false, // no WOPI lock ID matches a check-out (a third-party lock)
      'checked out by user-2': false,
      'a check-out by user-2 that expired': true,
    }),
  )('on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'lockableWith', lockId: 'A' };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('isSatisfied: heldWith A (RefreshLock, Unlock, the X-WOPI-OldLock of UnlockAndRelock)', () => {
  it.each(
    truthTable({
      unlocked: false, // "or if the file is unlocked, the host must: Return a lock mismatch response"
      'unlocked and empty': false,
      'locked with A': true,
      'locked with B': false, // "the X-WOPI-OldLock value doesn't match the lock currently on the file"
      'A expired a moment ago': false, // an expired lock is no lock, so A no longer holds the file
      'A expiring exactly now': false,
      'B expiring exactly now, empty': false,
      'checked out by user-1 with ID A': false, // a check-out cannot be refreshed or removed by a WOPI lock ID
      'checked out by user-2': false,
      'a check-out by user-2 that expired': false,
    }),
  )('on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'heldWith', lockId: 'A' };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('isSatisfied: savableWith (PutFile)', () => {
  it.each(
    truthTable({
      unlocked: false, // an unlocked file takes a PutFile only while it is 0 bytes
      'unlocked and empty': true,
      'locked with A': true,
      'locked with B': false,
      'A expired a moment ago': false,
      'A expiring exactly now': false,
      'B expiring exactly now, empty': true,
      'checked out by user-1 with ID A': false,
      'checked out by user-2': false,
      'a check-out by user-2 that expired': false,
    }),
  )('with X-WOPI-Lock A, on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'savableWith', lockId: 'A' };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });

  it.each(
    truthTable({
      unlocked: false,
      'unlocked and empty': true,
      'locked with A': false,
      'locked with B': false,
      'A expired a moment ago': false,
      'A expiring exactly now': false,
      'B expiring exactly now, empty': true,
      'checked out by user-1 with ID A': false,
      'checked out by user-2': false,
      'a check-out by user-2 that expired': false,
    }),
  )('without X-WOPI-Lock, on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'savableWith', lockId: undefined };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('isSatisfied: unlocked (DeleteFile, RenameFile without a lock)', () => {
  it.each(
    truthTable({
      unlocked: true,
      'unlocked and empty': true,
      'locked with A': false,
      'locked with B': false,
      'A expired a moment ago': true,
      'A expiring exactly now': true,
      'B expiring exactly now, empty': true,
      'checked out by user-1 with ID A': false,
      'checked out by user-2': false,
      'a check-out by user-2 that expired': true,
    }),
  )('on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'unlocked' };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('isSatisfied: checkOutBy user-1 (check-out)', () => {
  it.each(
    truthTable({
      unlocked: true,
      'unlocked and empty': true,
      'locked with A': false, // a WOPI client's lock blocks a check-out
      'locked with B': false,
      'A expired a moment ago': true,
      'A expiring exactly now': true,
      'B expiring exactly now, empty': true,
      'checked out by user-1 with ID A': true, // checking out twice is harmless
      'checked out by user-2': false,
      'a check-out by user-2 that expired': true,
    }),
  )('on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'checkOutBy', userId: 'user-1' };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('isSatisfied: checkedOutBy (undo check-out)', () => {
  it.each(
    truthTable({
      unlocked: false,
      'unlocked and empty': false,
      'locked with A': false,
      'locked with B': false,
      'A expired a moment ago': false,
      'A expiring exactly now': false,
      'B expiring exactly now, empty': false,
      'checked out by user-1 with ID A': true,
      'checked out by user-2': false, // only the holder (or the owner) may undo it
      'a check-out by user-2 that expired': false,
    }),
  )('by user-1, on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'checkedOutBy', userId: 'user-1' };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });

  it.each(
    truthTable({
      unlocked: false,
      'unlocked and empty': false,
      'locked with A': false,
      'locked with B': false,
      'A expired a moment ago': false,
      'A expiring exactly now': false,
      'B expiring exactly now, empty': false,
      'checked out by user-1 with ID A': true,
      'checked out by user-2': true, // the owner may undo anyone's check-out
      'a check-out by user-2 that expired': false,
    }),
  )('by anyone (the owner), on a file $state: $satisfied', ({ state, satisfied }) => {
    // Prepare
    const requirement: LockRequirement = { kind: 'checkedOutBy', userId: undefined };
    // Act
    const result = check(requirement, state);
    // Assess
    expect(result).toBe(satisfied);
  });
});
