// Per WOPI operation, through the local server in its own process (bench-host.ts): at 1 client, latency next to
// the bare storage calls the operation makes (same emulators, taking turns call by call) and the storage requests
// one call sends (counted on the server's SDK clients); at 16 clients, each on its own keep-alive connection and
// its own file, calls per second beside those of the same storage calls sent 16 at a time by bare clients, and
// the CPU each process spent per call.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { allOf } from '../../lambda/domain/conditions';
import { newContentKey } from '../../lambda/domain/content-keys';
import type { FileRecord } from '../../lambda/domain/file-record';
import type { Lock } from '../../lambda/domain/lock';
import { type LockRequirement, lockRule, revisedWrite, wopiWrite } from '../../lambda/domain/write-rules';
import { BENCH_OWNER, type BenchFile, type BenchHost } from './bench-host';
import { type CpuPerCall, withCpu } from './cpu';
import { type Loop, latencyOf, round, type Step, timeConcurrent, timeInterleaved } from './stats';
import { type WopiCall, WopiClient } from './wopi-client';

/** The size of the document GetFile and PutFile move here; transfer.ts covers the larger ones. */
export const DOCUMENT_BYTES = 1024;

/** Clients of the concurrent run, each with its own connection and file. */
export const CONCURRENT_CLIENTS = 16;

export interface SequentialResult {
  readonly ops_per_s: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** The same storage calls by a bare client, one after the other: the floor at 1 client. */
  readonly raw_p50_ms: number;
  /** p50 / raw p50: what the host adds to its storage calls. */
  readonly ratio_to_raw: number;
}

export interface ConcurrentResult {
  readonly ops_per_s: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** The same storage calls by 16 bare clients at once (this process's SDK): the emulators' floor. */
  readonly raw_ops_per_s: number;
  readonly cpu_ms_per_call: CpuPerCall;
  readonly raw_cpu_ms_per_call: CpuPerCall;
  /**
   * The most calls per second this machine's cores could give at that CPU per call (client, server and emulators
   * together), were nothing else running: the ceiling the figure is bounded by.
   */
  readonly cpu_ceiling_per_s: number | undefined;
}

export interface OperationResult {
  /** What one call is: one request, or a Lock then an Unlock (a cycle). */
  readonly unit: 'requests' | 'cycles';
  /** The storage calls the operation makes, in order, as the raw run sends them. */
  readonly raw_calls: string;
  /** Requests one call sent, by command, from the server's counters. */
  readonly storage_requests: string;
  readonly dynamodb_requests: number;
  readonly s3_requests: number;
  readonly clients_1: SequentialResult;
  /** Absent for Lock and Unlock alone: Lock→Unlock is their concurrent figure. */
  readonly clients_16?: ConcurrentResult;
}

interface OperationBench {
  readonly name: string;
  readonly unit?: 'cycles';
  /** Only at 1 client (Lock and Unlock alone, whose concurrent figure is the cycle's). */
  readonly sequentialOnly?: boolean;
  /** Adds the file the operation needs and returns the call to time, with any untimed steps around it. */
  prepare(host: BenchHost, client: WopiClient): Promise<Step>;
  readonly raw: RawCalls;
}

/** The storage calls an operation makes, sent by this process's stores (bare clients, nothing around them). */
interface RawCalls {
  readonly label: string;
  prepare(host: BenchHost): Promise<Step>;
}

const LOCK_ID = 'bench-lock';

const lockHeaders = (lockId = LOCK_ID) => ({ 'X-WOPI-Lock': lockId });

function override(file: BenchFile, name: string, headers: Record<string, string> = {}): WopiCall {
  return { ...file, override: name, headers };
}

const document = () => randomBytes(DOCUMENT_BYTES);

async function lockedFile(host: BenchHost, client: WopiClient, lockId = LOCK_ID): Promise<BenchFile> {
  const file = await host.addFile(document());
  await client.expectOk(override(file, 'LOCK', lockHeaders(lockId)), 'Lock (setup)');
  return file;
}

const lock = (client: WopiClient, file: BenchFile) => client.expectOk(override(file, 'LOCK', lockHeaders()), 'Lock');
const unlock = (client: WopiClient, file: BenchFile) =>
  client.expectOk(override(file, 'UNLOCK', lockHeaders()), 'Unlock');

// --- The raw calls: the file store's and content store's own requests, with the rules the domain sends. ---

/** A fresh file of BENCH_OWNER's, as the raw calls' own (never one a client uses). */
async function rawFile(host: BenchHost): Promise<FileRecord> {
  const { fileId } = await host.addFile(document());
  const record = await host.deps.files.get(fileId);
  if (record === undefined) throw new Error(`Raw file ${fileId} vanished`);
  return record;
}

const benchLock = (now: number): Lock => ({
  id: LOCK_ID,
  expiresAt: now + 30 * 60 * 1000,
  holder: BENCH_OWNER,
  holderName: 'Bench Owner',
});

/** The UpdateItem a lock operation sends: the whole rule (the user's right included) and the new lock, or none. */
async function rawLockWrite(host: BenchHost, fileId: string, requirement: LockRequirement, next: Lock | null) {
  const now = Date.now();
  const rule = allOf(wopiWrite(BENCH_OWNER), lockRule(requirement));
  const result = await host.deps.files.update(fileId, rule, { lock: next === null ? null : benchLock(now) }, now);
  if (!result.applied) throw new Error(`Raw lock write refused on ${fileId}`);
}

const lockable: LockRequirement = { kind: 'lockableWith', lockId: LOCK_ID };
const held: LockRequirement = { kind: 'heldWith', lockId: LOCK_ID };

const rawLock: RawCalls = {
  label: 'UpdateItem if lockable',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    return {
      call: () => rawLockWrite(host, fileId, lockable, benchLock(0)),
      after: () => rawLockWrite(host, fileId, held, null),
    };
  },
};

const rawHeldWrite = (next: 'lock' | 'unlock'): RawCalls => ({
  label: 'UpdateItem if lock held',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    const locked = () => rawLockWrite(host, fileId, lockable, benchLock(0));
    if (next === 'lock') {
      await locked();
      return { call: () => rawLockWrite(host, fileId, held, benchLock(0)) };
    }
    return { before: locked, call: () => rawLockWrite(host, fileId, held, null) };
  },
});

const rawLockUnlock: RawCalls = {
  label: 'UpdateItem if lockable, UpdateItem if lock held',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    return {
      call: async () => {
        await rawLockWrite(host, fileId, lockable, benchLock(0));
        await rawLockWrite(host, fileId, held, null);
      },
    };
  },
};

const rawGetItem: RawCalls = {
  label: 'GetItem',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    return { call: () => host.deps.files.get(fileId) };
  },
};

const rawCheckFileInfo: RawCalls = {
  label: 'BatchGetItem (record + user info)',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    return { call: () => host.deps.files.getForUser(fileId, BENCH_OWNER) };
  },
};

const rawGetFile: RawCalls = {
  label: 'GetItem, GetObject',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    return {
      call: async () => {
        const record = await host.deps.files.get(fileId);
        if (record === undefined) throw new Error(`Raw file ${fileId} vanished`);
        await host.deps.contents.get(record.content.contentKey);
      },
    };
  },
};

const rawPutFile: RawCalls = {
  label: 'GetItem, PutObject, UpdateItem if revision',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    await rawLockWrite(host, fileId, lockable, benchLock(0));
    const body = document();
    return {
      call: async () => {
        const now = Date.now();
        const record = await host.deps.files.get(fileId);
        if (record === undefined) throw new Error(`Raw file ${fileId} vanished`);
        const key = newContentKey(fileId);
        await host.deps.contents.put(key, body);
        const content = { ...record.content, version: record.content.version + 1, contentKey: key, modifiedAt: now };
        const rule = revisedWrite(record, { kind: 'savableWith', lockId: LOCK_ID });
        // The lists as the save writes them (whole), kept the same size here.
        const change = { content, versions: record.versions, activity: record.activity, rev: record.rev + 1 };
        const result = await host.deps.files.update(fileId, rule, change, now);
        if (!result.applied) throw new Error(`Raw save refused on ${fileId}`);
      },
    };
  },
};

const rawPutItem: RawCalls = {
  label: 'PutItem',
  async prepare(host) {
    const userId = `bench-raw-${randomBytes(4).toString('hex')}`;
    return { call: () => host.deps.userInfo.put(userId, '{"theme":"dark","recentColors":["#123456"]}') };
  },
};

const rawRenameFile: RawCalls = {
  label: 'GetItem, PutItem if unclaimed, UpdateItem if revision, DeleteItem if claimed',
  async prepare(host) {
    const { fileId } = await rawFile(host);
    const { names, files } = host.deps;
    return {
      call: async (i) => {
        const now = Date.now();
        const record = await files.get(fileId);
        if (record === undefined) throw new Error(`Raw file ${fileId} vanished`);
        const name = `${fileId}-${i % 2}.docx`;
        if (!(await names.put(BENCH_OWNER, { name, fileId, claimedAt: now }))) throw new Error('Raw claim refused');
        const result = await files.update(
          fileId,
          revisedWrite(record, { kind: 'unlocked' }),
          { name, rev: record.rev + 1 },
          now,
        );
        if (!result.applied) throw new Error(`Raw rename refused on ${fileId}`);
        await names.delete(BENCH_OWNER, record.name, fileId);
      },
    };
  },
};

// --- The operations. ---

const benches: readonly OperationBench[] = [
  {
    name: 'LockUnlock',
    unit: 'cycles',
    raw: rawLockUnlock,
    async prepare(host, client) {
      const file = await host.addFile(document());
      return {
        call: async () => {
          await lock(client, file);
          await unlock(client, file);
        },
      };
    },
  },
  {
    name: 'Lock',
    sequentialOnly: true,
    raw: rawLock,
    async prepare(host, client) {
      const file = await host.addFile(document());
      // An unlocked file each time: the Unlock after the timed Lock is not measured.
      return { call: () => lock(client, file), after: () => unlock(client, file) };
    },
  },
  {
    name: 'Unlock',
    sequentialOnly: true,
    raw: rawHeldWrite('unlock'),
    async prepare(host, client) {
      const file = await host.addFile(document());
      return { before: () => lock(client, file), call: () => unlock(client, file) };
    },
  },
  {
    name: 'GetLock',
    raw: rawGetItem,
    async prepare(host, client) {
      const file = await lockedFile(host, client);
      return { call: () => client.expectOk(override(file, 'GET_LOCK'), 'GetLock') };
    },
  },
  {
    name: 'RefreshLock',
    raw: rawHeldWrite('lock'),
    async prepare(host, client) {
      const file = await lockedFile(host, client);
      return { call: () => client.expectOk(override(file, 'REFRESH_LOCK', lockHeaders()), 'RefreshLock') };
    },
  },
  {
    name: 'UnlockAndRelock',
    raw: rawHeldWrite('lock'),
    async prepare(host, client) {
      const file = await lockedFile(host, client, `${LOCK_ID}-0`);
      // The lock moves back and forth between two ids, so every call replaces the live one.
      const headers = (i: number) => ({
        'X-WOPI-OldLock': `${LOCK_ID}-${i % 2}`,
        'X-WOPI-Lock': `${LOCK_ID}-${(i + 1) % 2}`,
      });
      // Concurrent clients take call numbers from one counter, so each keeps its own count of its calls.
      let calls = 0;
      return { call: () => client.expectOk(override(file, 'LOCK', headers(calls++)), 'UnlockAndRelock') };
    },
  },
  {
    name: 'CheckFileInfo',
    raw: rawCheckFileInfo,
    async prepare(host, client) {
      const file = await host.addFile(document());
      // As deployed, CheckFileInfo offers FileUrl: a presigned GetObject URL, made without a request to S3.
      const { offerFileUrl } = host.config;
      return {
        call: async () => {
          const answer = await client.expectOk({ ...file, method: 'GET' }, 'CheckFileInfo');
          const info = JSON.parse(answer.body.toString('utf8')) as { FileUrl?: string };
          if ((info.FileUrl !== undefined) !== offerFileUrl)
            throw new Error('CheckFileInfo FileUrl is not as configured');
        },
      };
    },
  },
  {
    name: 'GetFile',
    raw: rawGetFile,
    async prepare(host, client) {
      const file = await host.addFile(document());
      return {
        call: async () => {
          const answer = await client.expectOk({ ...file, method: 'GET', path: '/contents' }, 'GetFile');
          if (answer.body.length !== DOCUMENT_BYTES) throw new Error(`GetFile returned ${answer.body.length} bytes`);
        },
      };
    },
  },
  {
    name: 'PutFile',
    raw: rawPutFile,
    async prepare(host, client) {
      const file = await lockedFile(host, client);
      const save = { ...override(file, 'PUT', lockHeaders()), path: '/contents' as const };
      const body = document();
      return { call: () => client.expectOk({ ...save, body }, 'PutFile') };
    },
  },
  {
    name: 'PutUserInfo',
    raw: rawPutItem,
    async prepare(host, client) {
      const file = await host.addFile(document());
      const body = '{"theme":"dark","recentColors":["#123456"]}';
      return { call: () => client.expectOk({ ...override(file, 'PUT_USER_INFO'), body }, 'PutUserInfo') };
    },
  },
  {
    name: 'RenameFile',
    raw: rawRenameFile,
    async prepare(host, client) {
      const file = await host.addFile(document());
      // Two names in turn, so every call really renames (the same name again answers without writing); names are
      // unique per owner, so each client's are its own.
      let calls = 0;
      const headers = () => ({ 'X-WOPI-RequestedName': `${file.fileId}-${calls++ % 2}` });
      return { call: () => client.expectOk(override(file, 'RENAME_FILE', headers()), 'RenameFile') };
    },
  },
];

/** How an operation's name reads in the table. */
export function operationLabel(name: string, result: Pick<OperationResult, 'unit'>): string {
  return name === 'LockUnlock' ? 'Lock→Unlock' : result.unit === 'cycles' ? `${name} (cycles)` : name;
}

/** Calls counted one by one after the timed runs; the counts are exact, so a few are enough. */
const COUNTED_CALLS = 10;

export interface OperationOptions {
  /** Writes a CPU profile of the server for each concurrent run, named after the operation, into this folder. */
  readonly profileDir?: string;
  /** Operation names to run (all by default), e.g. from BENCH_OPERATIONS. */
  readonly only?: readonly string[];
  /** Whether to run at 16 clients too (by default). */
  readonly concurrent?: boolean;
}

export async function benchOperations(
  host: BenchHost,
  loop: Loop,
  options: OperationOptions = {},
): Promise<Record<string, OperationResult>> {
  const results: Record<string, OperationResult> = {};
  const selected = benches.filter((bench) => options.only === undefined || options.only.includes(bench.name));
  for (const bench of selected) {
    const client = new WopiClient(host.baseUrl);
    try {
      const step = await bench.prepare(host, client);
      const raw = await bench.raw.prepare(host);
      // The operation and its raw calls take turns, so both see the same moments of a noisy machine.
      const [samples = [], rawSamples = []] = await timeInterleaved([step, raw], loop);
      const latency = latencyOf(samples);
      const rawLatency = latencyOf(rawSamples);
      const storage = await countRequests(host, step);
      results[bench.name] = {
        unit: bench.unit ?? 'requests',
        raw_calls: bench.raw.label,
        ...storage,
        clients_1: {
          ops_per_s: round(1000 / latency.mean, 0),
          p50_ms: round(latency.p50),
          p99_ms: round(latency.p99),
          raw_p50_ms: round(rawLatency.p50),
          ratio_to_raw: round(latency.p50 / rawLatency.p50),
        },
        ...(!bench.sequentialOnly &&
          options.concurrent !== false && { clients_16: await concurrent(host, bench, loop, options.profileDir) }),
      };
    } finally {
      client.close();
    }
  }
  return results;
}

async function concurrent(host: BenchHost, bench: OperationBench, loop: Loop, profileDir?: string) {
  const clients = Array.from({ length: CONCURRENT_CLIENTS }, () => new WopiClient(host.baseUrl));
  try {
    const steps = await Promise.all(clients.map((client) => bench.prepare(host, client)));
    const run = () => timeConcurrent(steps, loop);
    const profiled =
      profileDir === undefined ? run : () => host.profile(`${profileDir}/${bench.name}-16.cpuprofile`, run);
    const { result, cpu } = await withCpu(host, loop.iterations + loop.warmup, profiled);
    const rawSteps = await Promise.all(clients.map(() => bench.raw.prepare(host)));
    const raw = await withCpu(host, loop.iterations + loop.warmup, () => timeConcurrent(rawSteps, loop));
    const latency = latencyOf(result.samples);
    return {
      ops_per_s: round(loop.iterations / result.seconds, 0),
      p50_ms: round(latency.p50),
      p99_ms: round(latency.p99),
      raw_ops_per_s: round(loop.iterations / raw.result.seconds, 0),
      cpu_ms_per_call: cpu,
      raw_cpu_ms_per_call: raw.cpu,
      cpu_ceiling_per_s: cpuCeiling(cpu),
    };
  } finally {
    for (const client of clients) client.close();
  }
}

function cpuCeiling(cpu: CpuPerCall): number | undefined {
  if (cpu.emulators === undefined) return undefined;
  return round((1000 * cpus().length) / (cpu.client + cpu.server + cpu.emulators), 0);
}

/** Storage requests per call, counted by the server one call at a time (the untimed steps around it excluded). */
async function countRequests(host: BenchHost, step: Step) {
  const counted = new Map<string, number>();
  for (let i = 0; i < COUNTED_CALLS; i++) {
    await step.before?.(i);
    await host.takeCounts();
    await step.call(i);
    for (const [name, count] of Object.entries(await host.takeCounts()))
      counted.set(name, (counted.get(name) ?? 0) + count);
    await step.after?.(i);
  }
  const perCall = [...counted]
    .map(([name, count]) => [name, count / COUNTED_CALLS] as const)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const total = (prefix: string) =>
    round(perCall.filter(([name]) => name.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0));
  const command = (name: string) => name.replace(/^(dynamodb|s3)\./, '');
  return {
    storage_requests: perCall.map(([name, count]) => `${round(count)} ${command(name)}`).join(' + '),
    dynamodb_requests: total('dynamodb.'),
    s3_requests: total('s3.'),
  };
}
