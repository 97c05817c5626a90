// The CLI (npx wopi-host) against a running local host: it finds the host's emulators through the data
// folder's lock, which this test process holds as `npm start`'s emulator process does. Failures are also run as the
// real command, in a process of its own, since what a user sees there (a stack trace, the exit code) is what they
// check.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../lambda/domain/file-record';
import { startEmulators } from '../../lambda/local/emulators';
import { cliFor, type TestCli } from '../support/cli';
import { startTestHost, TEST_SECRET, type TestHost } from '../support/wopi-host';

let host: TestHost;
let testCli: TestCli;
let dataDir: string;

beforeAll(async () => {
  host = await startTestHost();
  // The CLI works in real time; the host's clock must agree for recovery copies' keeping times.
  host.clock.advance(Date.now() - host.clock.now());
  testCli = cliFor(host);
  dataDir = testCli.dataDir;
});
afterAll(async () => {
  await host.close();
  testCli.close();
});

const cli = (...argv: string[]) => testCli.run(...argv);

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

  it('prints the document number beside the file id, and the associate number and e-mail beside the user id', async () => {
    // Prepare
    const source = join(dataDir, 'numbered.docx');
    writeFileSync(source, 'numbered');
    await cli('users', 'add', 'carol', 'Carol Example', '--email', 'carol@example.com');
    // Act
    const upload = await cli('files', 'upload', source, '--owner', 'carol');
    const files = await cli('files', 'list', '--owner', 'carol');
    const users = await cli('users', 'list');
    // Assess
    const [fileId, docNo] = upload.out.split('\t');
    expect(Number(docNo)).toBe((await host.deps.files.get(fileId ?? ''))?.docNo);
    expect(files.out).toBe(`${fileId}\t${docNo}\tnumbered.docx\t8 bytes`);
    const carol = await host.deps.users.getUser('carol');
    expect(users.out.split('\n')).toContain(`carol\t${carol?.associateId}\tCarol Example\tcarol@example.com\t`);
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
    const notAnEditor = await cli('restore', fileId, copyId, '--as', 'bob');
    const restored = await cli('restore', fileId, copyId);
    // Assess
    expect(refused.status).toBe(409);
    expect(versions.out).toMatch(/recovery\t.*\tnot-locked: /);
    expect({ code: notAnEditor.code, err: notAnEditor.err }).toEqual({
      code: 1,
      err: `wopi-host: bob may not change file ${fileId}`,
    });
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

const bin = fileURLToPath(new URL('../../lambda/cli/bin.mjs', import.meta.url));

/** Runs `wopi-host` as a user would, in its own process, with `env` over this one's (undefined removes). */
function cliProcess(
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const merged = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const child = spawn(process.execPath, [bin, ...argv], { env: merged });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }),
    );
  });
}

/** What an expected failure shows: the exit code, and exactly one line, "wopi-host: <reason>". */
function failure(code: number, reason: string) {
  const literal = reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { code, lines: [expect.stringMatching(new RegExp(`^wopi-host: .*${literal}`))] };
}

function shown(result: { code: number | null; err: string }) {
  return { code: result.code, lines: result.err.trimEnd().split('\n') };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('wopi-host CLI failures, as the real command', () => {
  let fileId: string;

  beforeAll(async () => {
    await cli('users', 'add', 'carol', 'Carol Example');
    await cli('users', 'add', 'dave', 'Dave Example');
    fileId = (await host.addFile('locked content', 'locked.docx', 'carol')).fileId;
  });

  it.concurrent('refuses an unknown option in one line with exit code 2', async () => {
    expect(shown(await cliProcess(['files', 'list', '--ownr', 'carol']))).toEqual(
      failure(2, "Unknown option '--ownr'"),
    );
  });

  it.concurrent('refuses an option without its value in one line with exit code 2', async () => {
    expect(shown(await cliProcess(['files', 'list', '--owner']))).toEqual(
      failure(2, "'--owner <value>' argument missing"),
    );
  });

  it.concurrent('refuses a command without its arguments in one line, not followed by the whole usage', async () => {
    expect(shown(await cliProcess(['files', 'delete']))).toEqual(failure(2, 'Missing <fileId>'));
  });

  it.concurrent('says in one line that the file to upload does not exist', async () => {
    // Prepare
    const missing = join(dataDir, 'no-such.docx');
    // Act
    const result = await cliProcess(['files', 'upload', missing, '--owner', 'carol']);
    // Assess
    expect(shown(result)).toEqual(failure(1, `cannot open ${missing}: no such file or directory`));
  });

  it.concurrent('says in one line that the user is unknown', async () => {
    expect(shown(await cliProcess(['keys', 'list', 'nobody']))).toEqual(failure(1, 'No user nobody'));
  });

  it.concurrent('says in one line that the file is unknown', async () => {
    expect(shown(await cliProcess(['versions', 'no-such-file']))).toEqual(failure(1, 'No file no-such-file'));
  });

  it.concurrent('says in one line that the user has no access to the file', async () => {
    expect(shown(await cliProcess(['token', fileId, 'dave']))).toEqual(failure(1, `dave has no access to ${fileId}`));
  });

  it.concurrent('refuses in one line to delete a locked file, and keeps it', async () => {
    // Prepare
    const locked = await host.addFile('in use', undefined, 'carol');
    await host.wopi(locked.fileId, { override: 'LOCK', headers: { 'X-WOPI-Lock': 'editor-session' } });
    // Act
    const result = await cliProcess(['files', 'delete', locked.fileId]);
    // Assess
    expect(shown(result)).toEqual(failure(1, 'File is locked'));
    expect(await host.deps.files.get(locked.fileId)).toBeDefined();
  });

  it.concurrent('says in one line that the stack cannot be reached', async () => {
    // Prepare: the deployed-stack settings, with an endpoint nothing listens on
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    // Act
    const result = await cliProcess(['users', 'list'], {
      WOPI_DATA_DIR: undefined,
      WOPI_TOKEN_SECRET: TEST_SECRET,
      DYNAMODB_ENDPOINT: endpoint,
      S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    // Assess
    expect(shown(result)).toEqual(failure(1, 'ECONNREFUSED'));
  });

  it.concurrent("uses a running host's emulators through the folder's lock, never opening the folder itself", async () => {
    // Prepare: a host that holds the folder, and an endpoints.json that points nowhere
    const busyDir = mkdtempSync(join(tmpdir(), 'wopi-cli-busy-'));
    const holder = await startEmulators({ tableName: 'wopi-files', bucketName: 'wopi-contents', dataDir: busyDir });
    const silent = `http://127.0.0.1:${await closedPort()}`;
    writeFileSync(join(busyDir, 'endpoints.json'), JSON.stringify({ dynamodbEndpoint: silent, s3Endpoint: silent }));
    writeFileSync(join(busyDir, 'token-secret.json'), JSON.stringify({ secret: TEST_SECRET }));
    try {
      // Act
      const result = await cliProcess(['users', 'list'], {
        WOPI_DATA_DIR: busyDir,
        WOPI_TABLE_NAME: undefined,
        WOPI_BUCKET_NAME: undefined,
      });
      // Assess
      expect(result.code).toBe(0);
      expect(result.err).not.toMatch(/\n\s+at /);
    } finally {
      await holder.close();
      rmSync(busyDir, { recursive: true, force: true });
    }
  });
});

describe('wopi-host CLI with a file id that starts with "-"', () => {
  let dashed: FileRecord;

  beforeAll(async () => {
    // Prepare: ids made before newFileId avoided a leading "-"; one in 64 of them starts with it
    await cli('users', 'add', 'erin', 'Erin Example');
    await cli('users', 'add', 'dave', 'Dave Example');
    const record = await host.addFile('made long ago', 'old.docx', 'erin');
    dashed = { ...record, fileId: `-${record.fileId.slice(1)}` };
    await host.deps.files.create(dashed);
  });

  it('reads it as the file id wherever a file id goes, without "--"', async () => {
    // Prepare
    const out = join(dataDir, 'old-copy.docx');
    // Act
    const versions = await cli('versions', dashed.fileId);
    const download = await cli('files', 'download', dashed.fileId, out);
    const share = await cli('files', 'share', dashed.fileId, 'dave', 'view');
    const token = await cli('token', dashed.fileId, 'dave');
    // Assess
    expect([versions.code, download.code, share.code, token.code]).toEqual([0, 0, 0, 0]);
    expect(readFileSync(out, 'utf8')).toBe('made long ago');
    expect(versions.out).toMatch(/^current\tv1\t13 bytes/);
  });

  it('deletes it, without "--"', async () => {
    // Act
    const deleted = await cli('files', 'delete', dashed.fileId);
    // Assess
    expect(deleted).toMatchObject({ code: 0, out: 'Moved to the trash (wopi-host trash restore brings it back)' });
    expect((await host.deps.files.get(dashed.fileId))?.trashed).toBeDefined();
  });

  it('still reads a word shaped like an id as the value of the option before it', async () => {
    // Act: --owner's value must be given as --owner=<value> when it starts with "-", as for any option
    const ambiguous = await cli('files', 'list', '--owner', dashed.fileId);
    const explicit = await cli('files', 'list', `--owner=${dashed.fileId}`);
    // Assess: the explicit value was read as the owner (no such user), not as a usage error
    expect({ ambiguous: ambiguous.code, explicit: explicit.code }).toEqual({ ambiguous: 2, explicit: 1 });
    expect(explicit.err).toContain(`No user ${dashed.fileId}`);
  });
});

describe('wopi-host CLI on a bug', () => {
  it('prints the stack and a hint to report it, not just the message', async () => {
    // Prepare: a record without content, as no code of the host writes one
    const record = await host.addFile('x', undefined, 'carol');
    const broken = { ...record, fileId: `${record.fileId}-broken`, content: undefined };
    await host.deps.files.create(broken as unknown as FileRecord);
    // Act
    const result = await cliProcess(['versions', broken.fileId]);
    // Assess
    expect({ code: result.code, err: result.err }).toEqual({
      code: 1,
      err: expect.stringMatching(/^TypeError: [^\n]*\n\s+at [\s\S]*\nwopi-host: [^\n]*bug[^\n]*report it[^\n]*\n$/),
    });
  });
});
