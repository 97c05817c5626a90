// domain/write-rules.ts and domain/conditions.ts: the precondition of every write to a file, as truth tables over
// small records (lock states, check-outs, roles, the trash), and the refusal each failed write answers with. The
// adapter's ConditionExpressions are checked against the same `holds` in test/property/lock-condition.property.test.ts.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../lambda/domain/access';
import { allOf, always, anyOf, fact, holds, type Rule } from '../../lambda/domain/conditions';
import type { FileRecord } from '../../lambda/domain/file-record';
import {
  checkedOutByOther,
  type LockRequirement,
  lockRule,
  mayDelete,
  refusal,
  revisedWrite,
  wopiWrite,
} from '../../lambda/domain/write-rules';

const now = Date.UTC(2026, 0, 1, 9, 0, 0);
const USER = 'user-1';

interface Shape {
  /** The WOPI lock on the file: its id and, unless live, when it expired. */
  readonly lock?: { readonly id: string; readonly expiresAt?: number };
  readonly checkOutBy?: string;
  /** USER's role; absent: none. */
  readonly role?: Role;
  readonly trashed?: boolean;
  readonly size?: number;
}

function file(shape: Shape = {}): FileRecord {
  const access: Record<string, Role> = { 'owner-9': 'owner', ...(shape.role && { [USER]: shape.role }) };
  return {
    fileId: 'f1',
    name: 'a.docx',
    ownerId: 'owner-9',
    content: {
      version: 1,
      contentKey: 'files/f1/c',
      size: shape.size ?? 5,
      sha256: '',
      modifiedAt: now,
      modifiedBy: 'owner-9',
    },
    versions: [],
    access,
    rev: 3,
    activity: [],
    ...(shape.lock && {
      lock: { id: shape.lock.id, expiresAt: shape.lock.expiresAt ?? now + 1, holder: 'owner-9' },
    }),
    ...(shape.checkOutBy && { checkOut: { holder: shape.checkOutBy, holderName: shape.checkOutBy, at: now } }),
    ...(shape.trashed && { trashed: { at: now, by: 'owner-9' } }),
  };
}

// Lock states, each with content of 5 bytes unless "empty".
const lockStates = {
  unlocked: {},
  'unlocked and empty': { size: 0 },
  'locked with A': { lock: { id: 'A' } },
  'locked with B': { lock: { id: 'B' } },
  'A expired a moment ago': { lock: { id: 'A', expiresAt: now - 1 } },
  'A expiring exactly now': { lock: { id: 'A', expiresAt: now } },
  'B expiring exactly now, empty': { lock: { id: 'B', expiresAt: now }, size: 0 },
} satisfies Record<string, Shape>;

type LockState = keyof typeof lockStates;

function lockTable(requirement: LockRequirement, expected: Record<LockState, boolean>) {
  return Object.entries(expected).map(([state, satisfied]) => ({
    requirement,
    state,
    record: file({ ...lockStates[state as LockState], role: 'edit' }),
    satisfied,
  }));
}

describe('lockRule: Lock with A (lockableWith)', () => {
  it.each(
    lockTable(
      { kind: 'lockableWith', lockId: 'A' },
      {
        unlocked: true, // "If the file is unlocked, the host should lock the file"
        'unlocked and empty': true,
        'locked with A': true, // "... matches the lock currently on the file, the host should refresh the lock timer"
        'locked with B': false, // "In all other cases, the host must return 409 Conflict"
        'A expired a moment ago': true, // an expired lock behaves exactly like no lock
        'A expiring exactly now': true,
        'B expiring exactly now, empty': true, // a lock counts as absent from its expiry instant on
      },
    ),
  )('"the host should lock the file" on a file $state: $satisfied', ({ requirement, record, satisfied }) => {
    // Prepare
    const rule = lockRule(requirement);
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('lockRule: RefreshLock, Unlock and the X-WOPI-OldLock of UnlockAndRelock with A (heldWith)', () => {
  it.each(
    lockTable(
      { kind: 'heldWith', lockId: 'A' },
      {
        unlocked: false, // "or if the file is unlocked, the host must: Return a lock mismatch response"
        'unlocked and empty': false,
        'locked with A': true,
        'locked with B': false, // "the X-WOPI-OldLock value doesn't match the lock currently on the file"
        'A expired a moment ago': false, // an expired lock is no lock, so A no longer holds the file
        'A expiring exactly now': false,
        'B expiring exactly now, empty': false,
      },
    ),
  )('"the lock ID ... matches the current lock" on a file $state: $satisfied', ({ requirement, record, satisfied }) => {
    // Prepare
    const rule = lockRule(requirement);
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('lockRule: PutFile (savableWith), seed 002', () => {
  it.each(
    lockTable(
      { kind: 'savableWith', lockId: 'A' },
      {
        unlocked: false, // "If it is any value other than 0 bytes ... the host should respond with 409"
        'unlocked and empty': true, // "If it is 0 bytes, the PutFile request should be considered valid"
        'locked with A': true,
        'locked with B': false, // "the X-WOPI-Lock value does not match the lock currently on the file"
        'A expired a moment ago': false,
        'A expiring exactly now': false,
        'B expiring exactly now, empty': true,
      },
    ),
  )('with X-WOPI-Lock A, on a file $state: $satisfied', ({ requirement, record, satisfied }) => {
    // Prepare
    const rule = lockRule(requirement);
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(satisfied);
  });

  it.each(
    lockTable(
      { kind: 'savableWith', lockId: undefined },
      {
        unlocked: false,
        'unlocked and empty': true, // a new, empty file takes its first content without a lock
        'locked with A': false, // "If the file is currently locked and the X-WOPI-Lock value does not match"
        'locked with B': false,
        'A expired a moment ago': false,
        'A expiring exactly now': false,
        'B expiring exactly now, empty': true,
      },
    ),
  )('without X-WOPI-Lock, on a file $state: $satisfied', ({ requirement, record, satisfied }) => {
    // Prepare
    const rule = lockRule(requirement);
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(satisfied);
  });
});

describe('lockRule: DeleteFile, restores and RenameFile without X-WOPI-Lock (unlocked)', () => {
  it.each(
    lockTable(
      { kind: 'unlocked' },
      {
        unlocked: true,
        'unlocked and empty': true,
        'locked with A': false, // DeleteFile: "409 Conflict ... the file is currently locked"
        'locked with B': false,
        'A expired a moment ago': true,
        'A expiring exactly now': true,
        'B expiring exactly now, empty': true,
      },
    ),
  )('on a file $state: $satisfied', ({ requirement, record, satisfied }) => {
    // Prepare
    const rule = lockRule(requirement);
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(satisfied);
  });
});

// Who USER is on the file, and whether someone has checked it out.
const people = {
  'the owner': { role: 'owner' },
  'an edit+delete editor': { role: 'edit+delete' },
  'an editor': { role: 'edit' },
  'a viewer': { role: 'view' },
  'a disabled owner': { role: 'disabled' },
  'a user the file was never shared with': {},
  'an editor who holds the check-out': { role: 'edit', checkOutBy: USER },
  'an editor, while another person holds the check-out': { role: 'edit', checkOutBy: 'someone-else' },
  'the owner, while an editor holds the check-out': { role: 'owner', checkOutBy: 'someone-else' },
  'the owner of a file in the trash': { role: 'owner', trashed: true },
} satisfies Record<string, Shape>;

type Person = keyof typeof people;

function peopleTable(expected: Record<Person, boolean>) {
  return Object.entries(expected).map(([person, allowed]) => ({
    person,
    record: file(people[person as Person]),
    allowed,
  }));
}

describe('wopiWrite: edit rights read from the file, and no one else’s check-out', () => {
  it.each(
    peopleTable({
      'the owner': true,
      'an edit+delete editor': true,
      'an editor': true,
      'a viewer': false, // "404 Not Found – Resource not found/user unauthorized"
      'a disabled owner': false, // a disabled user's roles no longer act
      'a user the file was never shared with': false,
      'an editor who holds the check-out': true, // the holder's own WOPI sessions write as usual
      'an editor, while another person holds the check-out': false,
      'the owner, while an editor holds the check-out': false, // a check-out reserves the file even from its owner
      'the owner of a file in the trash': false, // a trashed file does not exist for WOPI
    }),
  )('lets $person write: $allowed', ({ record, allowed }) => {
    // Prepare
    const rule = wopiWrite(USER);
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(allowed);
  });

  it.each(
    peopleTable({
      'the owner': true,
      'an edit+delete editor': true,
      'an editor': true,
      'a viewer': false,
      'a disabled owner': false,
      'a user the file was never shared with': false,
      'an editor who holds the check-out': true,
      'an editor, while another person holds the check-out': false,
      'the owner, while an editor holds the check-out': false,
      'the owner of a file in the trash': false,
    }),
  )('Lock ("the host should lock the file") by $person on an unlocked file: $allowed', ({ record, allowed }) => {
    // Prepare
    const rule = allOf(wopiWrite(USER), lockRule({ kind: 'lockableWith', lockId: 'A' }));
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(allowed);
  });

  it('refuses a viewer even when the lock matches: the right is part of the one condition', () => {
    // Prepare
    const record = file({ role: 'view', lock: { id: 'A' } });
    const rule = allOf(wopiWrite(USER), lockRule({ kind: 'heldWith', lockId: 'A' }));
    // Act
    const result = holds(rule, record, now);
    // Assess
    expect(result).toBe(false);
  });
});

describe('mayDelete: "only the owner, or an editor if the owner allowed it on the share"', () => {
  it.each(
    peopleTable({
      'the owner': true,
      'an edit+delete editor': true,
      'an editor': false,
      'a viewer': false,
      'a disabled owner': false,
      'a user the file was never shared with': false,
      'an editor who holds the check-out': false,
      'an editor, while another person holds the check-out': false,
      'the owner, while an editor holds the check-out': true, // the role allows it; the check-out refuses it apart
      'the owner of a file in the trash': true,
    }),
  )('lets $person delete: $allowed', ({ record, allowed }) => {
    // Prepare
    const userId = USER;
    // Act
    const result = mayDelete(record, userId);
    // Assess
    expect(result).toBe(allowed);
  });
});

describe('checkedOutByOther', () => {
  it.each([
    { who: 'nobody', checkOutBy: undefined, expected: false },
    { who: 'the user', checkOutBy: USER, expected: false },
    { who: 'another person', checkOutBy: 'someone-else', expected: true },
  ])('is $expected when $who holds the check-out', ({ checkOutBy, expected }) => {
    // Prepare
    const record = file({ role: 'edit', ...(checkOutBy && { checkOutBy }) });
    // Act
    const result = checkedOutByOther(record, USER);
    // Assess
    expect(result).toBe(expected);
  });
});

describe('revisedWrite: a write that rewrites the lists requires the revision it read', () => {
  it('holds on the record it was made from', () => {
    // Prepare
    const record = file({ role: 'edit' });
    // Act
    const result = holds(revisedWrite(record), record, now);
    // Assess
    expect(result).toBe(true);
  });

  it('does not hold once another write gave the record a new revision (a share taken away, a save)', () => {
    // Prepare
    const read = file({ role: 'edit' });
    const changed = { ...read, rev: read.rev + 1 };
    // Act
    const result = holds(revisedWrite(read), changed, now);
    // Assess
    expect(result).toBe(false);
  });

  it('still states the WOPI lock, which lock operations change without a new revision', () => {
    // Prepare
    const read = file({ role: 'edit', lock: { id: 'A' } });
    const relocked = file({ role: 'edit', lock: { id: 'B' } });
    const rule = revisedWrite(read, { kind: 'savableWith', lockId: 'A' });
    // Act
    const result = { onRead: holds(rule, read, now), afterRelock: holds(rule, relocked, now) };
    // Assess
    expect(result).toEqual({ onRead: true, afterRelock: false });
  });

  it('does not hold for a file moved to the trash at the same revision', () => {
    // Prepare
    const read = file({ role: 'owner' });
    const trashed = file({ role: 'owner', trashed: true });
    // Act
    const result = holds(revisedWrite(read), trashed, now);
    // Assess
    expect(result).toBe(false);
  });
});

describe('refusal: the error the specs want for a refused write', () => {
  it.each([
    { state: 'no file at all', record: undefined, expected: { name: 'NotFoundError' } },
    {
      state: 'a file in the trash',
      record: file({ role: 'owner', trashed: true }),
      expected: { name: 'NotFoundError' },
    },
    // "404 Not Found – Resource not found/user unauthorized"
    { state: 'a viewer', record: file({ role: 'view' }), expected: { name: 'NotPermittedError' } },
    { state: 'a stranger', record: file(), expected: { name: 'NotPermittedError' } },
    { state: 'a disabled owner', record: file({ role: 'disabled' }), expected: { name: 'NotPermittedError' } },
    {
      state: "an editor facing another person's check-out and lock A",
      record: file({ role: 'edit', checkOutBy: 'someone-else', lock: { id: 'A' } }),
      expected: { name: 'LockConflictError', currentLock: 'A', message: 'File is checked out by someone-else' },
    },
    {
      state: 'an editor facing lock B',
      record: file({ role: 'edit', lock: { id: 'B' } }),
      expected: { name: 'LockConflictError', currentLock: 'B' },
    },
    {
      // "In the case where the file is unlocked, the host must set X-WOPI-Lock to the empty string"
      state: 'an editor facing no lock',
      record: file({ role: 'edit' }),
      expected: { name: 'LockConflictError', currentLock: '', message: 'File is not locked' },
    },
  ])('for $state is $expected.name', ({ record, expected }) => {
    // Prepare
    const fileId = 'f1';
    // Act
    const error = refusal(fileId, record, USER, now);
    // Assess
    expect(error).toMatchObject(expected);
  });
});

describe('conditions: rules as a flat OR of ANDs', () => {
  const unlocked = fact({ kind: 'unlocked' });
  const empty = fact({ kind: 'empty' });
  const lockA = fact({ kind: 'lockIs', lockId: 'A' });
  const notCheckedOut = fact({ kind: 'notCheckedOut' });

  it('allOf distributes over anyOf: (unlocked OR lock A) AND not checked out is two clauses of two facts', () => {
    // Prepare
    const either = anyOf(unlocked, lockA);
    // Act
    const rule = allOf(either, notCheckedOut);
    // Assess
    expect(rule).toEqual([
      [{ kind: 'unlocked' }, { kind: 'notCheckedOut' }],
      [{ kind: 'lockIs', lockId: 'A' }, { kind: 'notCheckedOut' }],
    ]);
  });

  it('always is the identity of allOf', () => {
    // Prepare
    const rule: Rule = anyOf(unlocked, empty);
    // Act
    const combined = allOf(always, rule, always);
    // Assess
    expect(combined).toEqual(rule);
  });

  it.each([
    { name: 'always', rule: always },
    { name: 'a clause without facts beside another', rule: anyOf(always, lockA) },
    { name: 'not checked out', rule: notCheckedOut },
    { name: 'unlocked', rule: unlocked },
  ])('$name never holds for a file that does not exist, as the conditional write never creates one', ({ rule }) => {
    // Prepare
    const missing = undefined;
    // Act
    const result = holds(rule, missing, now);
    // Assess
    expect(result).toBe(false);
  });
});
