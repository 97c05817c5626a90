// The CLI (npx wopi-host) pointed at a test host: it finds the host's emulators through a data folder's lock, which
// this test process holds as `npm start`'s emulator process does, and runs in this process, so a test reads what it
// printed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../lambda/cli/wopi-host';
import { claimDataFolder } from '../../lambda/local/data-folder-lock';
import { TEST_SECRET, type TestHost } from './wopi-host';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export interface TestCli {
  /** The data folder the CLI reads; a test may put its own files there. */
  readonly dataDir: string;
  /** Runs one command; what it printed, and its exit code. */
  run(...argv: string[]): Promise<CliResult>;
  close(): void;
}

/** Sets this process's environment for the CLI (vitest runs each test file in a process of its own). */
export function cliFor(host: TestHost): TestCli {
  const dataDir = mkdtempSync(join(tmpdir(), 'wopi-cli-'));
  const { config } = host.deps;
  const lock = claimDataFolder(dataDir, process.pid);
  lock.publish({ dynamodbEndpoint: config.dynamodbEndpoint ?? '', s3Endpoint: config.s3Endpoint ?? '' });
  writeFileSync(join(dataDir, 'endpoints.json'), JSON.stringify({ publicUrl: host.baseUrl }));
  writeFileSync(join(dataDir, 'token-secret.json'), JSON.stringify({ secret: TEST_SECRET }));
  Object.assign(process.env, {
    WOPI_DATA_DIR: dataDir,
    WOPI_TABLE_NAME: config.tableName,
    WOPI_BUCKET_NAME: config.bucketName,
  });
  return {
    dataDir,
    run: async (...argv) => {
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
    },
    close: () => {
      lock.release();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
