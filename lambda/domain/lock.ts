// A file's WOPI lock (a WOPI client's editing session), and how its state reads at a given instant.

/** The longest lock ID a WOPI client may send (WOPI Lock: "1024 ASCII characters"). */
export const MAX_LOCK_ID_LENGTH = 1024;

export interface Lock {
  readonly id: string;
  /** Epoch milliseconds; the lock counts as absent from this instant on. */
  readonly expiresAt: number;
  /** The user id whose session set or last refreshed the lock. */
  readonly holder: string;
  /** The holder's display name, for failure reasons. */
  readonly holderName?: string;
}

/** The lock that is in force at `now`: an expired lock is treated exactly like no lock. */
export function liveLock(lock: Lock | undefined, now: number): Lock | undefined {
  return lock !== undefined && lock.expiresAt > now ? lock : undefined;
}

/**
 * What X-WOPI-Lock must say about a file: its live lock ID, or the empty string when it is unlocked
 * or the ID is not representable as a WOPI lock (UnlockAndRelock: "set the X-WOPI-Lock response header
 * to the empty string").
 */
export function lockHeaderValue(lock: Lock | undefined, now: number): string {
  const live = liveLock(lock, now);
  return live !== undefined && isRepresentableLockId(live.id) ? live.id : '';
}

export function isRepresentableLockId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_LOCK_ID_LENGTH && /^[\x20-\x7e]+$/.test(id);
}
