// `npm start` as a user runs it: the local host in a process of its own with its emulators, a fresh data folder,
// and what it prints. A WOPI client beside it (here: this test, on 127.0.0.1) opens the sample document with the
// printed URL and token, and downloads it through FileUrl, straight from the S3 emulator.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NAME } from '../../lambda/local/sample-document';

let child: ChildProcess;
let dataDir: string;
let printed: Record<string, string>;

/** A port free now, for the host to bind: its printed URLs carry the port it was given. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The "Label: value" lines the host prints once it listens, read until the API key, its last line. */
function readPrinted(process: ChildProcess): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let out = '';
    process.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!/^API key: .+$/m.test(out)) return;
      const lines = out.split('\n').map((line) => /^([A-Za-z ]+): (.+)$/.exec(line.trim()));
      resolve(Object.fromEntries(lines.filter((m) => m !== null).map((m) => [m[1], m[2]])));
    });
    process.on('exit', (code) => reject(new Error(`npm start exited with ${code} before it listened:\n${out}`)));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const env = { ...process.env, WOPI_DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' };
  child = spawn(process.execPath, ['--import', 'tsx', 'lambda/local/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  printed = await readPrinted(child);
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('prints a WOPI source and a token that open the sample, with FileUrl and host page URLs', async () => {
    // Prepare
    const source = printed['WOPI source'] ?? '';
    const token = encodeURIComponent(printed['Access token'] ?? '');
    // Act
    const info = (await (await fetch(`${source}?access_token=${token}`)).json()) as Record<string, unknown>;
    const viaHost = Buffer.from(await (await fetch(`${source}/contents?access_token=${token}`)).arrayBuffer());
    const viaFileUrl = Buffer.from(await (await fetch(String(info.FileUrl))).arrayBuffer());
    // Assess
    expect({ name: info.BaseFileName, canWrite: info.UserCanWrite, size: info.Size }).toEqual({
      name: SAMPLE_NAME,
      canWrite: true,
      size: viaHost.length,
    });
    expect(String(info.FileUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(viaFileUrl.equals(viaHost)).toBe(true);
    expect(info.HostEditUrl).toMatch(new RegExp(`^${new URL(source).origin}/host/files/`));
  });

  it('stops on SIGTERM, closing its emulators', async () => {
    // Act
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    // Assess
    expect(await exited).toBe(0);
  });
});
