// Access tokens on the lock operations: "Invalid, tampered, expired or wrong-file tokens get 401; a token for a
// file that does not exist gets 404." A valid read-only token on a write is "404 Not Found – Resource not
// found/user unauthorized" (the status tables keep 401 for an invalid token). A refused request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintAccessToken } from '../../lambda/auth/access-token';
import {
  type CallOptions,
  getLock,
  lock,
  lockedFile,
  refreshLock,
  unlock,
  unlockAndRelock,
} from '../support/lock-calls';
import { startTestHost, type TestHost } from '../support/wopi-host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.close());

type Operation = (fileId: string, options: CallOptions) => Promise<Response>;

// Each call would succeed with a valid write token on a file locked with 'lock-a'.
const writeOperations: [string, Operation][] = [
  ['Lock', (fileId, options) => lock(host, fileId, 'lock-a', options)],
  ['RefreshLock', (fileId, options) => refreshLock(host, fileId, 'lock-a', options)],
  ['Unlock', (fileId, options) => unlock(host, fileId, 'lock-a', options)],
  ['UnlockAndRelock', (fileId, options) => unlockAndRelock(host, fileId, 'lock-a', 'lock-b', options)],
];
const allOperations: [string, Operation][] = [
  ...writeOperations,
  ['GetLock', (fileId, options) => getLock(host, fileId, options)],
];

/** Replaces the first character of the token's signature, so it no longer matches the header and claims. */
function withTamperedSignature(token: string): string {
  const dot = token.lastIndexOf('.');
  const first = token[dot + 1];
  return `${token.slice(0, dot + 1)}${first === 'A' ? 'B' : 'A'}${token.slice(dot + 2)}`;
}

/** Keeps the signature but swaps the claims for those of a token for another file. */
function withSwappedClaims(token: string, otherToken: string): string {
  const [header, , signature] = token.split('.');
  return `${header}.${otherToken.split('.')[1]}.${signature}`;
}

function refusal(res: Response) {
  return { status: res.status, hasReason: (res.headers.get('x-wopi-servererror') ?? '') !== '' };
}

const unauthorized = { status: 401, hasReason: true };

describe.each(allOperations)('%s with a bad access token', (_, operation) => {
  it('answers 401, with a reason, when access_token is missing', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await operation(fileId, { token: null });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 401 when access_token is empty', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await operation(fileId, { token: '' });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 401 when access_token is not a JWT', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await operation(fileId, { token: 'not-a-token' });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 401 when the token signature was tampered with', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const token = withTamperedSignature(await host.token(fileId));
    // Act
    const res = await operation(fileId, { token });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 401 when the token claims were swapped under a valid signature', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const other = await host.addFile();
    const token = withSwappedClaims(await host.token(other.fileId), await host.token(fileId));
    // Act
    const res = await operation(fileId, { token });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 401 when the token was signed with another secret', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const otherSecret = new TextEncoder().encode('another-secret-that-is-also-long-enough!!');
    const grant = { fileId, userId: 'user-1', userName: 'User One', rights: 'write' as const };
    const { token } = await mintAccessToken(otherSecret, grant, 3600, host.clock.now());
    // Act
    const res = await operation(fileId, { token });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 401 when the token has expired', async () => {
    // Prepare
    const { fileId } = await host.addFile();
    const token = await host.token(fileId);
    host.clock.advance(host.deps.config.tokenTtlSeconds * 1000 + 1000);
    await lock(host, fileId, 'lock-a'); // a fresh token locks it, so only the old token's age matters
    // Act
    const res = await operation(fileId, { token });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 401 when the token is for another file', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const other = await host.addFile();
    // Act
    const res = await operation(fileId, { token: await host.token(other.fileId) });
    // Assess
    expect(refusal(res)).toEqual(unauthorized);
  });

  it('answers 404 to a valid token for a file id that does not exist', async () => {
    // Prepare
    const missingFileId = 'NoSuchFile000000000000';
    // Act
    const res = await operation(missingFileId, { token: await host.token(missingFileId) });
    // Assess
    expect(res.status).toBe(404);
  });
});

describe.each(writeOperations)('%s with a read-only access token', (_, operation) => {
  it('answers 404, with a reason: "404 Not Found – Resource not found/user unauthorized"; changing a lock needs write rights', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await operation(fileId, { token: await host.token(fileId, 'read') });
    // Assess
    expect(refusal(res)).toEqual({ status: 404, hasReason: true });
  });

  it('leaves the lock exactly as it was', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const before = await host.deps.files.get(fileId);
    host.clock.advance(60_000);
    // Act
    await operation(fileId, { token: await host.token(fileId, 'read') });
    // Assess
    expect((await host.deps.files.get(fileId))?.lock).toEqual(before?.lock);
  });
});

describe('GetLock with a read-only access token', () => {
  it('answers 200 with the current lock: reading the lock needs only read rights', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    // Act
    const res = await getLock(host, fileId, { token: await host.token(fileId, 'read') });
    // Assess
    expect({ status: res.status, lock: res.headers.get('x-wopi-lock') }).toEqual({ status: 200, lock: 'lock-a' });
  });
});

describe('a bad token on a valid request changes nothing', () => {
  it('keeps the lock when Unlock is refused for a tampered token', async () => {
    // Prepare
    const fileId = await lockedFile(host, 'lock-a');
    const token = withTamperedSignature(await host.token(fileId));
    // Act
    await unlock(host, fileId, 'lock-a', { token });
    // Assess
    expect((await host.deps.files.get(fileId))?.lock?.id).toBe('lock-a');
  });
});
