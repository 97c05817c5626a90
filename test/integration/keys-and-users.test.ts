// Issue 11, finding 6: "API keys cannot be revoked: no revoke, no expiry, no user removal; `users add` on an existing
// user adds a key and leaves the old ones valid". Through the CLI, against an API route that takes a key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFor, type TestCli } from '../support/cli';
import { uniqueOwner } from '../support/wopi-files';
import { startTestHost, type TestHost } from '../support/wopi-host';

const DAY = 24 * 3600_000;

let host: TestHost;
let cli: TestCli;
beforeAll(async () => {
  host = await startTestHost();
  // The CLI works in real time (a key's expiry); the host's clock starts there.
  host.clock.advance(Date.now() - host.clock.now());
  cli = cliFor(host);
});
afterAll(async () => {
  await host.close();
  cli.close();
});

const keyIn = (out: string) => /API key: (\S+)/.exec(out)?.[1] ?? '';

/** A user added with the CLI, a file of theirs, and the key `users add` printed. */
async function userWithFile(...options: string[]) {
  const userId = `user-${uniqueOwner()}`;
  const added = await cli.run('users', 'add', userId, 'Some User', ...options);
  const file = await host.addFile('theirs', 'theirs.docx', userId);
  return { userId, fileId: file.fileId, key: keyIn(added.out) };
}

/** An API route that needs only a valid key (DocSpace's protectusers for the user's own file). */
function callWithKey(fileId: string, key: string): Promise<Response> {
  return fetch(`${host.baseUrl}/api/2.0/files/file/${fileId}/protectusers`, {
    headers: { Authorization: `Bearer ${key}` },
  });
}

async function prefixesOf(userId: string): Promise<string[]> {
  const listed = await cli.run('keys', 'list', userId);
  return listed.out === '' ? [] : listed.out.split('\n').map((line) => line.split('…')[0] ?? '');
}

describe('keys revoke <userId> <hashPrefix>', () => {
  it('answers 401 to the revoked key at its next request, and leaves the user’s other keys working', async () => {
    // Prepare
    const { userId, fileId, key } = await userWithFile();
    const other = keyIn((await cli.run('keys', 'add', userId)).out);
    const [revokedPrefix] = await prefixesOf(userId);
    const before = await callWithKey(fileId, key);
    // Act
    const revoked = await cli.run('keys', 'revoke', userId, revokedPrefix ?? '');
    // Assess
    const after = await callWithKey(fileId, key);
    expect({ revoked: revoked.code, before: before.status, after: after.status }).toEqual({
      revoked: 0,
      before: 200,
      after: 401,
    });
    expect((await callWithKey(fileId, other)).status).toBe(200);
    expect(await prefixesOf(userId)).toHaveLength(1);
  });

  it('refuses a prefix that names no key of the user, or more than one, and revokes nothing', async () => {
    // Prepare
    const { userId, fileId, key } = await userWithFile();
    // Act
    const unknown = await cli.run('keys', 'revoke', userId, 'ffffffffffff');
    const tooShort = await cli.run('keys', 'revoke', userId, '');
    // Assess
    expect({ unknown: unknown.code, tooShort: tooShort.code }).toEqual({ unknown: 1, tooShort: 2 });
    expect((await callWithKey(fileId, key)).status).toBe(200);
  });
});

describe('key expiry (--expires-days)', () => {
  it('accepts the key until it expires, then answers 401 saying so', async () => {
    // Prepare
    const { fileId, key } = await userWithFile('--expires-days', '1');
    const before = await callWithKey(fileId, key);
    // Act
    host.clock.advance(DAY + 60_000);
    const after = await callWithKey(fileId, key);
    // Assess
    expect({ before: before.status, after: after.status }).toEqual({ before: 200, after: 401 });
    expect(after.headers.get('x-wopi-servererror') ?? (await after.text())).toContain('expired');
  });
});

describe('users add', () => {
  it('fails for an existing user: no new key is issued, and the old keys stay as they were', async () => {
    // Prepare
    const { userId, fileId, key } = await userWithFile();
    const keysBefore = await prefixesOf(userId);
    // Act
    const again = await cli.run('users', 'add', userId, 'Someone Else');
    // Assess
    expect({ code: again.code, printedKey: again.out.includes('API key') }).toEqual({ code: 2, printedKey: false });
    expect(again.err).toContain(`User ${userId} exists already`);
    expect(await prefixesOf(userId)).toEqual(keysBefore);
    expect((await host.deps.users.getUser(userId))?.displayName).toBe('Some User');
    expect((await callWithKey(fileId, key)).status).toBe(200);
  });
});

describe('users disable', () => {
  it('answers 401 to every key of the user at its next request', async () => {
    // Prepare
    const { userId, fileId, key } = await userWithFile();
    const second = keyIn((await cli.run('keys', 'add', userId)).out);
    // Act
    const disabled = await cli.run('users', 'disable', userId);
    // Assess
    expect(disabled.code).toBe(0);
    expect([(await callWithKey(fileId, key)).status, (await callWithKey(fileId, second)).status]).toEqual([401, 401]);
  });

  it('refuses to share a file with a disabled user, so their old tokens stay refused', async () => {
    // Prepare
    const { userId } = await userWithFile();
    const owner = await userWithFile();
    await cli.run('files', 'share', owner.fileId, userId, 'edit');
    const token = await host.token(owner.fileId, 'write', { userId });
    await cli.run('users', 'disable', userId);
    // Act
    const shared = await cli.run('files', 'share', owner.fileId, userId, 'edit');
    // Assess
    expect({ code: shared.code, err: shared.err }).toEqual({ code: 1, err: `wopi-host: ${userId} is disabled` });
    expect((await host.wopi(owner.fileId, { method: 'GET', token })).status).toBe(404);
  });
});
