// The host the operation runs measure: the local server in its own process (server-process.ts) on a table and
// bucket of its own on the run's emulators, and, in this process, the same stores on uncounted clients to add
// files, mint tokens and send the raw storage calls the host's figures are compared with.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { mintAccessToken } from '../../lambda/auth/access-token';
import { type Config, loadConfig } from '../../lambda/config';
import { createFile } from '../../lambda/domain/create-file';
import type { EmulatorEndpoints } from '../../lambda/local/data-folder-lock';
import { ensureStorage } from '../../lambda/local/emulators';
import { buildDeps, type Deps } from '../../lambda/wiring/all';
import { TEST_SECRET } from '../support/wopi-host';
import type { ServerPlan, ServerReply, ServerRequest } from './server-process';

export const BENCH_OWNER = 'bench-owner';

export interface BenchFile {
  readonly fileId: string;
  readonly token: string;
}

export interface BenchHost {
  readonly baseUrl: string;
  readonly config: Config;
  /** This process's stores on the same table and bucket: setup and raw calls, never counted. */
  readonly deps: Deps;
  readonly serverPid: number;
  /** A file of BENCH_OWNER's with these bytes, and a write token for it. */
  addFile(bytes: Uint8Array): Promise<BenchFile>;
  /** The storage requests the server sent since the last call, by command ("dynamodb.GetItem"). */
  takeCounts(): Promise<Record<string, number>>;
  /** CPU time the server process has used so far, in seconds. */
  cpuSeconds(): Promise<number>;
  /** Profiles the server's CPU (the V8 sampling profiler) while `run` runs, into `file`. */
  profile<T>(file: string, run: () => Promise<T>): Promise<T>;
  /** Bytes the server wrote to stdout and stderr: logs the bench asked to be silent. */
  readonly logBytes: () => number;
  close(): Promise<void>;
}

export interface BenchHostOptions {
  /** A table name of its own; a fresh one by default. */
  readonly tableName?: string;
  /** Extra arguments for the server's `node`, e.g. --cpu-prof. */
  readonly execArgv?: readonly string[];
}

const serverProcess = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export async function startBenchHost(emulators: EmulatorEndpoints, options: BenchHostOptions = {}): Promise<BenchHost> {
  const unique = randomBytes(4).toString('hex');
  const env = {
    AWS_REGION: 'us-east-1',
    WOPI_TABLE_NAME: options.tableName ?? `bench-files-${unique}`,
    WOPI_BUCKET_NAME: `bench-contents-${unique}`,
    WOPI_TOKEN_SECRET: TEST_SECRET,
    DYNAMODB_ENDPOINT: emulators.dynamodbEndpoint,
    S3_ENDPOINT: emulators.s3Endpoint,
  };
  await ensureStorage(emulators, { tableName: env.WOPI_TABLE_NAME, bucketName: env.WOPI_BUCKET_NAME });
  const config = loadConfig(env);
  const deps = await buildDeps(config);
  const child = fork(serverProcess, {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    // Logs, metrics and traces off, as in the functions the bench times: it measures the host, not its logging.
    env: {
      ...process.env,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let logBytes = 0;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      logBytes += chunk.length;
      process.stderr.write(chunk);
    });
  }
  const plan: ServerPlan = { env };
  child.send(plan);
  const listening = await reply(child, 'listening');
  const ask = <T extends ServerRequest['type']>(request: Extract<ServerRequest, { type: T }>) => {
    child.send(request);
    return reply(child, request.type as T);
  };
  return {
    baseUrl: `http://127.0.0.1:${listening.port}`,
    config,
    deps,
    serverPid: child.pid as number,
    async addFile(bytes) {
      const now = Date.now();
      const file = { name: `bench-${randomBytes(6).toString('hex')}.docx`, ownerId: BENCH_OWNER, bytes };
      const { fileId } = await createFile(deps, file, now);
      const grant = { fileId, userId: BENCH_OWNER, userName: 'Bench Owner', rights: 'write' as const };
      const { token } = await mintAccessToken(deps.tokenSecret, grant, config.tokenTtlSeconds, now);
      return { fileId, token };
    },
    takeCounts: async () => (await ask({ type: 'counts' })).counts,
    cpuSeconds: async () => (await ask({ type: 'cpu' })).micros / 1e6,
    async profile(file, run) {
      await ask({ type: 'profile-start' });
      try {
        return await run();
      } finally {
        await ask({ type: 'profile-stop', file });
      }
    },
    logBytes: () => logBytes,
    async close() {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.disconnect();
        await exited;
      }
    },
  };
}

/** The server's next reply of this type (requests are sent one at a time). */
function reply<T extends ServerReply['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ServerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`The bench server exited (${code})`));
    const received = (message: ServerReply) => {
      if (message.type !== type) return;
      child.off('message', received);
      child.off('exit', exited);
      resolve(message as Extract<ServerReply, { type: T }>);
    };
    child.on('message', received);
    child.once('exit', exited);
  });
}
