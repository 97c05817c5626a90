// GetFile and PutFile at 1 KB, 1 MB and the largest body the host allows: throughput through the local HTTP
// server, and the peak memory of a fresh function process (the bundle) answering the same request.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintAccessToken } from '../../lambda/auth/access-token';
import { MAX_BODY_BYTES } from '../../lambda/http/limits';
import type { TestHost } from '../support/wopi-host';
import { wopiEvent } from './events';
import { type Bundle, invokeInFreshProcess } from './functions';
import { latencyOf, round, significant, timeSequential } from './stats';
import type { WopiCall, WopiClient } from './wopi-client';

export interface TransferResult {
  /** MiB per second: bytes / mean latency of sequential calls through the local server. */
  readonly mb_per_s: number;
  /** The highest RSS of a fresh `node` process running the function's bundle for three such calls. */
  readonly peak_rss_mb: number;
}

export const TRANSFER_SIZES = [
  { label: '1KB', bytes: 1024, warmup: 5, iterations: 50 },
  { label: '1MB', bytes: 1024 * 1024, warmup: 2, iterations: 15 },
  { label: 'max', bytes: MAX_BODY_BYTES, warmup: 1, iterations: 6 },
] as const;

const LOCK_ID = 'bench-transfer';
const MIB = 1024 * 1024;
const FUNCTION_CALLS = 3;

export async function benchTransfers(
  host: TestHost,
  client: WopiClient,
  bundles: readonly Bundle[],
  workDir: string,
  env: Record<string, string>,
): Promise<Record<string, TransferResult>> {
  const results: Record<string, TransferResult> = {};
  for (const size of TRANSFER_SIZES) {
    const bytes = randomBytes(size.bytes);
    const file = await host.addFile(bytes);
    const token = await host.token(file.fileId);
    const read: WopiCall = { fileId: file.fileId, token, method: 'GET', path: '/contents' };
    const save: WopiCall = {
      ...read,
      method: 'POST',
      override: 'PUT',
      headers: { 'X-WOPI-Lock': LOCK_ID },
      body: bytes,
    };
    const what = (op: string) => `${op}-${size.label}`;
    const mbPerSecond = async (call: WopiCall, op: string) => {
      const samples = await timeSequential({ call: () => expectBytes(client, call, what(op), size.bytes) }, size);
      return significant(size.bytes / MIB / (latencyOf(samples).mean / 1000));
    };

    const getFile = await mbPerSecond(read, 'GetFile');
    await client.expectOk({ ...read, method: 'POST', path: '', override: 'LOCK', headers: save.headers }, 'Lock');
    const putFile = await mbPerSecond(save, 'PutFile');

    const target = await functionProcessFile(host, bytes);
    const peakRssMb = async (entry: string, headers: Record<string, string>, body?: Uint8Array) => {
      const eventFile = join(workDir, `${entry}-${size.label}.json`);
      writeFileSync(eventFile, JSON.stringify(wopiEvent({ entry, ...target, headers, ...(body && { body }) })));
      const run = await invokeInFreshProcess(bundleNamed(bundles, entry), eventFile, env, FUNCTION_CALLS);
      if (run.statuses.some((status) => status !== 200)) throw new Error(`${entry} ${size.label}: ${run.statuses}`);
      return round(run.maxRssKb / 1024, 0);
    };
    results[what('GetFile')] = { mb_per_s: getFile, peak_rss_mb: await peakRssMb('get-file', {}) };
    const saveHeaders = { 'x-wopi-override': 'PUT', 'x-wopi-lock': LOCK_ID };
    results[what('PutFile')] = { mb_per_s: putFile, peak_rss_mb: await peakRssMb('put-file', saveHeaders, bytes) };
  }
  return results;
}

/** GetFile must return the whole file; PutFile answers JSON, so only GetFile's length is checked. */
async function expectBytes(client: WopiClient, call: WopiCall, what: string, size: number): Promise<void> {
  const answer = await client.expectOk(call, what);
  if (call.method === 'GET' && answer.body.length !== size) throw new Error(`${what}: ${answer.body.length} bytes`);
}

function bundleNamed(bundles: readonly Bundle[], name: string): Bundle {
  const found = bundles.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`No bundle ${name}`);
  return found;
}

/**
 * A file for the function processes, which run on the system clock rather than the host's test clock: its
 * token and its lock are dated now.
 */
async function functionProcessFile(host: TestHost, bytes: Uint8Array) {
  const { fileId } = await host.addFile(bytes);
  const now = Date.now();
  const grant = { fileId, userId: 'bench-user', userName: 'Bench User', rights: 'write' as const };
  const { token } = await mintAccessToken(host.deps.tokenSecret, grant, 3600, now);
  await host.share(fileId, grant.userId, 'edit');
  const lock = { id: LOCK_ID, expiresAt: now + 30 * 60 * 1000, holder: grant.userId };
  const locked = await host.deps.files.update(fileId, [[{ kind: 'active' }]], { lock }, now);
  if (!locked.applied) throw new Error(`Could not lock ${fileId} for the function process`);
  return { fileId, token };
}
