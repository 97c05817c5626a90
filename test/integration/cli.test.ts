// The CLI (npx wopi-host) against a running local host: it finds the host's emulators through the data
// folder's lock, which this test process holds as `npm start`'s emulator process does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../lambda/cli/wopi-host';
import { claimDataFolder, type DataFolderLock } from '../../lambda/local/data-folder-lock';
import { startTestHost, TEST_SECRET, type TestHost } from '../support/wopi-host';

let host: TestHost;
let dataDir: string;
let lock: DataFolderLock;

beforeAll(async () => {
  host = await startTestHost();
  // The CLI works in real time; the host's clock must agree for recovery copies' keeping times.
  host.clock.advance(Date.now() - host.clock.now());
  dataDir = mkdtempSync(join(tmpdir(), 'wopi-cli-'));
  const { config } = host.deps;
  lock = claimDataFolder(dataDir, process.pid);
  lock.publish({ dynamodbEndpoint: config.dynamodbEndpoint ?? '', s3Endpoint: config.s3Endpoint ?? '' });
  writeFileSync(join(dataDir, 'endpoints.json'), JSON.stringify({ publicUrl: host.baseUrl }));
  writeFileSync(join(dataDir, 'token-secret.json'), JSON.stringify({ secret: TEST_SECRET }));
  Object.assign(process.env, {
    WOPI_DATA_DIR: dataDir,
    WOPI_TABLE_NAME: config.tableName,
    WOPI_BUCKET_NAME: config.bucketName,
  });
});
afterAll(async () => {
  lock.release();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs one CLI command; what it printed, and its exit code. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  const progress = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    progress.mockRestore();
  }
}

describe('wopi-host CLI', () => {
  it('adds users, uploads and shares a file, and mints tokens only for users the share list allows', async () => {
    // Prepare
    const source = join(dataDir, 'report.docx');
    writeFileSync(source, 'quarterly numbers');
    // Act
    const alice = await cli('users', 'add', 'alice', 'Alice Example');
    await cli('users', 'add', 'bob', 'Bob Example');
    const upload = await cli('files', 'upload', source, '--owner', 'alice');
    const fileId = upload.out.split('\t')[0] ?? '';
    const before = await cli('token', fileId, 'bob');
    const share = await cli('files', 'share', fileId, 'bob', 'view');
    const after = await cli('token', fileId, 'bob');
    // Assess
    expect(alice.out).toMatch(/^API key: wopi_/);
    const keys = await cli('keys', 'list', 'alice');
    expect(keys.out.split('\n')).toHaveLength(1);
    expect(keys.out).not.toContain(alice.out.replace('API key: ', ''));
    expect(upload).toMatchObject({ code: 0, out: expect.stringContaining('report.docx\t17 bytes') });
    expect(before).toMatchObject({ code: 1, err: expect.stringContaining('bob has no access') });
    expect(share.code).toBe(0);
    const res = await host.wopi(fileId, { method: 'GET', token: after.out.trim() });
    expect(((await res.json()) as { UserCanWrite: boolean }).UserCanWrite).toBe(false);
  });

  it("lists a refused save's recovery copy and restores it as the owner", async () => {
    // Prepare
    const source = join(dataDir, 'notes.odt');
    writeFileSync(source, 'original');
    const fileId = (await cli('files', 'upload', source, '--owner', 'alice')).out.split('\t')[0] ?? '';
    const refused = await host.wopi(fileId, {
      path: '/contents',
      override: 'PUT',
      headers: { 'X-WOPI-Lock': 'expired-session' },
      body: 'the late exit save',
    });
    // Act
    const versions = await cli('versions', fileId);
    const copyId =
      versions.out
        .split('\n')
        .find((line) => line.startsWith('recovery\t'))
        ?.split('\t')[1] ?? '';
    const notOwner = await cli('restore', fileId, copyId, '--as', 'bob');
    const restored = await cli('restore', fileId, copyId, '--as', 'alice');
    // Assess
    expect(refused.status).toBe(409);
    expect(versions.out).toMatch(/recovery\t.*\tnot-locked: /);
    expect(notOwner.code).toBe(2);
    expect(restored).toMatchObject({ code: 0, out: 'Restored as version 2' });
    const res = await host.wopi(fileId, { method: 'GET', path: '/contents' });
    expect(await res.text()).toBe('the late exit save');
  });

  it('exits non-zero with a clear message on every error', async () => {
    expect(await cli('files', 'download', 'no-such-file', join(dataDir, 'x'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('No file no-such-file'),
    });
    expect(await cli('files', 'share', 'x', 'alice', 'owner')).toMatchObject({ code: 2 });
    expect(await cli('nonsense')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command') });
  });
});
