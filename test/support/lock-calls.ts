// The WOPI lock family as HTTP calls on a test host, so tests read like the seeds:
// `await lock(host, fileId, 'A')` instead of an override and a header map each time.
import { checkOut } from '../../lambda/domain/check-out';
import type { TestHost, WopiCall } from './wopi-host';

/** Anything else a call needs: another token, extra or replaced headers. */
export type CallOptions = Omit<WopiCall, 'override'>;

function call(
  host: TestHost,
  fileId: string,
  override: string,
  lockHeaders: Record<string, string>,
  options: CallOptions,
): Promise<Response> {
  return host.wopi(fileId, { ...options, override, headers: { ...lockHeaders, ...options.headers } });
}

/** Lock: X-WOPI-Override LOCK without X-WOPI-OldLock. */
export function lock(host: TestHost, fileId: string, lockId: string, options: CallOptions = {}): Promise<Response> {
  return call(host, fileId, 'LOCK', { 'X-WOPI-Lock': lockId }, options);
}

/** UnlockAndRelock: X-WOPI-Override LOCK with X-WOPI-OldLock. */
export function unlockAndRelock(
  host: TestHost,
  fileId: string,
  oldLockId: string,
  newLockId: string,
  options: CallOptions = {},
): Promise<Response> {
  return call(host, fileId, 'LOCK', { 'X-WOPI-OldLock': oldLockId, 'X-WOPI-Lock': newLockId }, options);
}

export function refreshLock(
  host: TestHost,
  fileId: string,
  lockId: string,
  options: CallOptions = {},
): Promise<Response> {
  return call(host, fileId, 'REFRESH_LOCK', { 'X-WOPI-Lock': lockId }, options);
}

export function unlock(host: TestHost, fileId: string, lockId: string, options: CallOptions = {}): Promise<Response> {
  return call(host, fileId, 'UNLOCK', { 'X-WOPI-Lock': lockId }, options);
}

export function getLock(host: TestHost, fileId: string, options: CallOptions = {}): Promise<Response> {
  return call(host, fileId, 'GET_LOCK', {}, options);
}

/** The lock ID GetLock reports over HTTP ('' when unlocked); fails the test on any status but 200. */
export async function currentLock(host: TestHost, fileId: string): Promise<string> {
  const res = await getLock(host, fileId);
  if (res.status !== 200) throw new Error(`GetLock answered ${res.status}, expected 200`);
  const value = res.headers.get('x-wopi-lock');
  if (value === null) throw new Error('GetLock answered without X-WOPI-Lock');
  return value;
}

/** A file that is already locked with `lockId`, set through the Lock operation itself. */
export async function lockedFile(host: TestHost, lockId: string): Promise<string> {
  const { fileId } = await host.addFile();
  const res = await lock(host, fileId, lockId);
  if (res.status !== 200) throw new Error(`Lock answered ${res.status} while preparing a locked file`);
  return fileId;
}

/**
 * A file a person other than its owner has checked out (a "third-party" lock in the seeds' words): an editor
 * `holder`, through the check-out rule itself. The owner's WOPI writes are then refused.
 */
export async function checkedOutFile(host: TestHost, holder = 'someone-else'): Promise<string> {
  const { fileId } = await host.addFile();
  await host.share(fileId, holder, 'edit');
  await checkOut({ ...host.deps, now: host.clock.now() }, fileId, { userId: holder, displayName: holder });
  return fileId;
}

/** What a 409 "lock mismatch" carries, to compare in one assertion. */
export function lockMismatch(res: Response) {
  return {
    status: res.status,
    lock: res.headers.get('x-wopi-lock'),
    hasFailureReason: (res.headers.get('x-wopi-lockfailurereason') ?? '') !== '',
  };
}

/** The shape lockMismatch(res) has when the host refused with `currentLockId`. */
export function mismatchWith(currentLockId: string) {
  return { status: 409, lock: currentLockId, hasFailureReason: true };
}

export const MINUTE = 60_000;
