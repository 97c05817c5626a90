// `npm start` as a user runs it: the local host in a process of its own, with its emulators and a fresh data
// folder, on a port free when it starts, and the "Label: value" lines it prints once it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartedHost {
  readonly process: ChildProcess;
  readonly dataDir: string;
  /** What it printed, by label: 'WOPI source', 'Access token', 'API key', ... */
  readonly printed: Record<string, string>;
  /** SIGTERM, and the exit code once it has stopped; then the data folder is removed. */
  stop(): Promise<number | null>;
}

/** A port free now, for the host to bind: its printed URLs carry the port it was given. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The lines the host prints once it listens, read until the API key, its last line. */
function readPrinted(child: ChildProcess): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!/^API key: .+$/m.test(out)) return;
      const lines = out.split('\n').map((line) => /^([A-Za-z ]+): (.+)$/.exec(line.trim()));
      resolve(Object.fromEntries(lines.filter((m) => m !== null).map((m) => [m[1], m[2]])));
    });
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code} before it listened:\n${out}`)));
  });
}

/** Starts `npm start` with `env` added to this process's environment (PORT, HOST and WOPI_DATA_DIR are set here). */
export async function startNpmStart(env: Record<string, string> = {}): Promise<StartedHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'lambda/local/main.ts'], {
    env: { ...process.env, WOPI_DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const printed = await readPrinted(child);
  return {
    process: child,
    dataDir,
    printed,
    async stop() {
      const exited = new Promise<number | null>((done) => {
        if (child.exitCode !== null) done(child.exitCode);
        else child.once('exit', (code) => done(code));
      });
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
