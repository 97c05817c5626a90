// A bounded load run: autocannon, in its own process, against the local server on 127.0.0.1 with many
// connections, a fixed time, and a mix of WOPI operations over many files (load-client.ts).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Result } from 'autocannon';
import type { TestHost } from '../support/wopi-host';
import type { LoadPlan } from './load-client';
import { round } from './stats';

export interface LoadResult {
  readonly connections: number;
  readonly duration_s: number;
  readonly requests: number;
  readonly rps: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Answers other than 2xx (a 409 would be one: the mix is built to cause none). */
  readonly non2xx: number;
}

export interface LoadFigures {
  readonly result: LoadResult;
  /** Answers by status code, for the table. */
  readonly statuses: Record<string, number>;
}

export const LOAD_CONNECTIONS = 50;
export const LOAD_FILES = 200;
const SETTLE_MS = 2000;

export function loadSecondsFromEnv(): number {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS || 10);
  if (!Number.isSafeInteger(seconds) || seconds < 1) throw new Error('BENCH_LOAD_SECONDS must be a whole number ≥ 1');
  return seconds;
}

const execFileAsync = promisify(execFile);
const loadClient = fileURLToPath(new URL('./load-client.ts', import.meta.url));

export async function benchLoad(host: TestHost, workDir: string, durationSeconds: number): Promise<LoadFigures> {
  const files: { fileId: string; token: string }[] = [];
  for (let i = 0; i < LOAD_FILES; i++) {
    const { fileId } = await host.addFile(randomBytes(8 * 1024));
    files.push({ fileId, token: await host.token(fileId) });
  }
  const plan: LoadPlan = { url: host.baseUrl, connections: LOAD_CONNECTIONS, durationSeconds, files };
  const planFile = join(workDir, 'load-plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  // The server answers from this process's event loop while the child waits, so this call must not block it.
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', loadClient, planFile], {
    maxBuffer: 16 << 20,
    timeout: (durationSeconds + 60) * 1000,
  });
  const result = JSON.parse(stdout) as Result;
  // autocannon drops its connections at the deadline, but the server finishes what it had started; let it,
  // so that the emulators are not closed under those requests.
  await setTimeout(SETTLE_MS);
  return {
    result: {
      connections: LOAD_CONNECTIONS,
      duration_s: round(result.duration, 1),
      requests: result.requests.total,
      rps: round(result.requests.average, 0),
      p50_ms: round(result.latency.p50),
      p99_ms: round(result.latency.p99),
      errors: result.errors,
      non2xx: result.non2xx,
    },
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}
