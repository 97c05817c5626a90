// domain/lock.ts: reading a lock at an instant; http/wopi-headers.ts: lock IDs from request headers.
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../lambda/domain/errors';
import {
  isRepresentableLockId,
  type Lock,
  liveLock,
  lockHeaderValue,
  MAX_LOCK_ID_LENGTH,
} from '../../lambda/domain/lock';
import { requireLockId } from '../../lambda/http/wopi-headers';

const now = Date.UTC(2026, 0, 1, 9, 0, 0);
const lockA: Lock = { id: 'A', expiresAt: now + 1, holder: 'user-1' };

describe('requireLockId', () => {
  it('returns a lock ID that is present and printable ASCII', () => {
    // Prepare
    const header = '{"S":"4b1f0c6e","F":4}';
    // Act
    const lockId = requireLockId(header);
    // Assess
    expect(lockId).toBe(header);
  });

  it(`accepts "1024 ASCII characters", the maximum length (MAX_LOCK_ID_LENGTH = ${MAX_LOCK_ID_LENGTH})`, () => {
    // Prepare
    const longest = 'x'.repeat(1024);
    // Act
    const lockId = requireLockId(longest);
    // Assess
    expect(lockId).toBe(longest);
  });

  it.each<[string, string | undefined, string]>([
    ['missing', undefined, 'X-WOPI-Lock was not provided or was empty'],
    ['empty', '', 'X-WOPI-Lock was not provided or was empty'],
    ['1025 characters', 'x'.repeat(1025), 'X-WOPI-Lock is 1025 characters long; the maximum is 1024'],
    ['non-ASCII', 'café', 'X-WOPI-Lock must be printable ASCII'],
    ['an emoji', 'lock-🔒', 'X-WOPI-Lock must be printable ASCII'],
    ['a control character', 'lock\u0001id', 'X-WOPI-Lock must be printable ASCII'],
    ['a tab', 'lock\tid', 'X-WOPI-Lock must be printable ASCII'],
    ['DEL', 'lock\u007fid', 'X-WOPI-Lock must be printable ASCII'],
    ['a line break', 'lock\nid', 'X-WOPI-Lock must be printable ASCII'],
  ])('throws BadRequestError (400) for a lock ID that is %s', (_, header, message) => {
    // Prepare
    const read = () => requireLockId(header);
    // Act + Assess
    expect(read).toThrowError(new BadRequestError(message));
  });

  it('names the header it read in its reason (X-WOPI-OldLock for UnlockAndRelock)', () => {
    // Prepare
    const read = () => requireLockId('', 'X-WOPI-OldLock');
    // Act + Assess
    expect(read).toThrowError('X-WOPI-OldLock was not provided or was empty');
  });
});

describe('liveLock', () => {
  it.each<[string, Lock | undefined, Lock | undefined]>([
    ['no lock', undefined, undefined],
    ['a lock that expires after now', lockA, lockA],
    ['a lock that expires exactly now', { ...lockA, expiresAt: now }, undefined],
    ['a lock that expired before now', { ...lockA, expiresAt: now - 1 }, undefined],
  ])('"an expired lock behaves exactly like no lock": %s', (_, lock, live) => {
    // Prepare
    const at = now;
    // Act
    const result = liveLock(lock, at);
    // Assess
    expect(result).toEqual(live);
  });
});

describe('lockHeaderValue', () => {
  it.each<[string, Lock | undefined, string]>([
    ['the lock ID of a live lock', lockA, 'A'],
    ['"" when the file is unlocked', undefined, ''],
    ['"" when the lock has expired', { ...lockA, expiresAt: now - 1 }, ''],
    ['"" when the lock expires exactly now', { ...lockA, expiresAt: now }, ''],
    ['"" when the lock ID is longer than the maximum lock length', { ...lockA, id: 'x'.repeat(1025) }, ''],
    ['"" when the lock ID is not ASCII', { ...lockA, id: 'verrou-été' }, ''],
    ['a 1024-character lock ID in full', { ...lockA, id: 'x'.repeat(1024) }, 'x'.repeat(1024)],
  ])('is %s', (_, lock, header) => {
    // Prepare
    const at = now;
    // Act
    const value = lockHeaderValue(lock, at);
    // Assess
    expect(value).toBe(header);
  });
});

describe('isRepresentableLockId', () => {
  it.each<[string, boolean]>([
    ['A', true],
    [' spaced ', true],
    ['', false],
    ['x'.repeat(1024), true],
    ['x'.repeat(1025), false],
    ['é', false],
    ['a\u0000b', false],
  ])('%j -> %s', (id, representable) => {
    // Prepare
    const lockId = id;
    // Act
    const result = isRepresentableLockId(lockId);
    // Assess
    expect(result).toBe(representable);
  });
});
