// Per WOPI operation: latency through the local HTTP server, the bare storage call it is built on (same
// emulators, same run), and how many storage requests one call sends (counted on the SDK clients).
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { conditionExpression, Placeholders } from '../../lambda/adapters/file-expressions';
import { fileKey } from '../../lambda/adapters/file-item';
import { createS3Client } from '../../lambda/adapters/s3-client';
import { allOf } from '../../lambda/domain/conditions';
import { type LockRequirement, lockRule, wopiWrite } from '../../lambda/domain/write-rules';
import type { TestHost } from '../support/wopi-host';
import { type Loop, latencyOf, round, timeInterleaved } from './stats';
import type { WopiCall, WopiClient } from './wopi-client';

/** The size of the document GetFile and PutFile move here; transfer.ts covers the larger ones. */
export const DOCUMENT_BYTES = 1024;

export type RawCall =
  | 'UpdateItem if lockable'
  | 'UpdateItem if lock held'
  | 'UpdateItem if unlocked'
  | 'GetItem'
  | 'PutItem'
  | 'GetObject'
  | 'PutObject';

export interface OperationResult {
  readonly p50_ms: number;
  readonly p99_ms: number;
  /** 1000 / mean latency of the sequential run: one client, one request at a time (load.ts covers concurrency). */
  readonly rps: number;
  readonly raw_p50_ms: number;
  readonly ratio_to_raw: number;
  /** Per call, averaged over the measured calls. */
  readonly dynamodb_requests: number;
  readonly s3_requests: number;
}

export interface OperationFigures {
  readonly results: Record<string, OperationResult>;
  /** Which bare call each operation was compared with, and the requests by command, for the table. */
  readonly raw: Record<string, RawCall>;
  readonly calls: Record<string, string>;
}

interface OperationBench {
  readonly name: string;
  readonly raw: RawCall;
  /** Adds the file(s) the operation needs and returns the call to time, with any untimed steps around it. */
  prepare(host: TestHost, client: WopiClient): Promise<Prepared>;
}

interface Prepared {
  readonly call: (i: number) => Promise<unknown>;
  readonly before?: (i: number) => Promise<unknown>;
  readonly after?: (i: number) => Promise<unknown>;
}

interface BenchFile {
  readonly fileId: string;
  readonly token: string;
}

const LOCK_ID = 'bench-lock';

async function benchFile(host: TestHost): Promise<BenchFile> {
  const { fileId } = await host.addFile(randomBytes(DOCUMENT_BYTES));
  return { fileId, token: await host.token(fileId) };
}

function override(file: BenchFile, name: string, headers: Record<string, string> = {}): WopiCall {
  return { ...file, override: name, headers };
}

async function lockedFile(host: TestHost, client: WopiClient, lockId = LOCK_ID): Promise<BenchFile> {
  const file = await benchFile(host);
  await client.expectOk(override(file, 'LOCK', { 'X-WOPI-Lock': lockId }), 'Lock (setup)');
  return file;
}

const benches: readonly OperationBench[] = [
  {
    name: 'Lock',
    raw: 'UpdateItem if lockable',
    async prepare(host, client) {
      const file = await benchFile(host);
      // An unlocked file each time: the Unlock after the timed Lock is not measured.
      return {
        call: () => client.expectOk(override(file, 'LOCK', { 'X-WOPI-Lock': LOCK_ID }), 'Lock'),
        after: () => client.expectOk(override(file, 'UNLOCK', { 'X-WOPI-Lock': LOCK_ID }), 'Unlock (after Lock)'),
      };
    },
  },
  {
    name: 'GetLock',
    raw: 'GetItem',
    async prepare(host, client) {
      const file = await lockedFile(host, client);
      return { call: () => client.expectOk(override(file, 'GET_LOCK'), 'GetLock') };
    },
  },
  {
    name: 'RefreshLock',
    raw: 'UpdateItem if lock held',
    async prepare(host, client) {
      const file = await lockedFile(host, client);
      return { call: () => client.expectOk(override(file, 'REFRESH_LOCK', { 'X-WOPI-Lock': LOCK_ID }), 'RefreshLock') };
    },
  },
  {
    name: 'Unlock',
    raw: 'UpdateItem if lock held',
    async prepare(host, client) {
      const file = await benchFile(host);
      return {
        before: () => client.expectOk(override(file, 'LOCK', { 'X-WOPI-Lock': LOCK_ID }), 'Lock (before Unlock)'),
        call: () => client.expectOk(override(file, 'UNLOCK', { 'X-WOPI-Lock': LOCK_ID }), 'Unlock'),
      };
    },
  },
  {
    name: 'UnlockAndRelock',
    raw: 'UpdateItem if lock held',
    async prepare(host, client) {
      const file = await lockedFile(host, client, `${LOCK_ID}-0`);
      // The lock moves back and forth between two ids, so every call replaces the live one.
      const headers = (i: number) => ({
        'X-WOPI-OldLock': `${LOCK_ID}-${i % 2}`,
        'X-WOPI-Lock': `${LOCK_ID}-${(i + 1) % 2}`,
      });
      return { call: (i) => client.expectOk(override(file, 'LOCK', headers(i)), 'UnlockAndRelock') };
    },
  },
  {
    name: 'CheckFileInfo',
    raw: 'GetItem',
    async prepare(host, client): Promise<Prepared> {
      const file = await benchFile(host);
      // As deployed, CheckFileInfo offers FileUrl: a presigned GetObject URL, made without a request to S3.
      const { offerFileUrl } = host.deps.config;
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
    raw: 'GetObject',
    async prepare(host, client) {
      const file = await benchFile(host);
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
    raw: 'PutObject',
    async prepare(host, client) {
      const file = await lockedFile(host, client);
      const save = { ...override(file, 'PUT', { 'X-WOPI-Lock': LOCK_ID }), path: '/contents' as const };
      const body = randomBytes(DOCUMENT_BYTES);
      return { call: () => client.expectOk({ ...save, body }, 'PutFile') };
    },
  },
  {
    name: 'PutUserInfo',
    raw: 'PutItem',
    async prepare(host, client) {
      const file = await benchFile(host);
      const body = '{"theme":"dark","recentColors":["#123456"]}';
      return { call: () => client.expectOk({ ...override(file, 'PUT_USER_INFO'), body }, 'PutUserInfo') };
    },
  },
  {
    name: 'RenameFile',
    raw: 'UpdateItem if unlocked',
    async prepare(host, client) {
      const file = await benchFile(host);
      // Two names in turn, so every call really renames (the same name again answers without writing).
      const headers = (i: number) => ({ 'X-WOPI-RequestedName': `bench-renamed-${i % 2}` });
      return { call: (i) => client.expectOk(override(file, 'RENAME_FILE', headers(i)), 'RenameFile') };
    },
  },
];

export async function benchOperations(host: TestHost, client: WopiClient, loop: Loop): Promise<OperationFigures> {
  const { config } = host.deps;
  // Bare clients: not counted, no handler around them.
  const db = createDynamoClient(config);
  const s3 = createS3Client(config);
  try {
    const raw = await rawCalls(db, s3, config.tableName, config.bucketName);
    const figures: OperationFigures = { results: {}, raw: {}, calls: {} };
    for (const bench of benches) {
      const prepared = await bench.prepare(host, client);
      const counted = new Map<string, number>();
      const counting = {
        start: () => host.requests.reset(),
        end: () => {
          for (const [name, count] of host.requests.counts) counted.set(name, (counted.get(name) ?? 0) + count);
        },
      };
      // The operation and its raw call take turns, so both see the same moments of a noisy machine.
      const [samples = [], rawSamples = []] = await timeInterleaved(
        [{ ...prepared, measured: counting }, { call: raw[bench.raw] }],
        loop,
      );
      const latency = latencyOf(samples);
      const rawLatency = latencyOf(rawSamples);
      const storage = storageRequests(counted, loop.iterations);
      figures.results[bench.name] = {
        p50_ms: round(latency.p50),
        p99_ms: round(latency.p99),
        rps: round(1000 / latency.mean, 0),
        raw_p50_ms: round(rawLatency.p50),
        ratio_to_raw: round(latency.p50 / rawLatency.p50, 1),
        dynamodb_requests: storage.dynamodb,
        s3_requests: storage.s3,
      };
      figures.raw[bench.name] = bench.raw;
      figures.calls[bench.name] = storage.calls;
    }
    return figures;
  } finally {
    db.destroy();
    s3.destroy();
  }
}

/** Requests sent per call, from the counter's totals over `iterations` calls. */
function storageRequests(counted: ReadonlyMap<string, number>, iterations: number) {
  const perCall = new Map([...counted].map(([name, count]) => [name, count / iterations]));
  const sent = [...perCall].filter(([, count]) => count > 0).sort(([a], [b]) => a.localeCompare(b));
  const total = (prefix: string) =>
    round(sent.filter(([name]) => name.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0));
  const command = (name: string) => name.replace(/^(dynamodb|s3)\./, '');
  const calls = sent.map(([name, count]) => `${round(count)} ${command(name)}`).join(' + ');
  return { dynamodb: total('dynamodb.'), s3: total('s3.'), calls };
}

/**
 * The storage calls the operations are built on, sent by bare SDK clients (not counted, no handler) to the
 * same emulators: the floor the host's own work is measured against. The conditional writes carry the file
 * store's own conditions, because on dynalite their parsing is much of the cost (it grows steeply with the
 * nesting of parentheses), so a simpler condition would flatter the storage and blame the host.
 */
async function rawCalls(
  db: DynamoDBDocumentClient,
  s3: S3Client,
  table: string,
  bucket: string,
): Promise<Record<RawCall, () => Promise<void>>> {
  const locked = fileKey('bench-scratch-locked');
  const unlocked = fileKey('bench-scratch-unlocked');
  const objectKey = 'bench/scratch-object';
  const body = randomBytes(DOCUMENT_BYTES);
  /** The UpdateItem the file store sends, with the adapter's own condition for the operation's rule. */
  const conditionalUpdate = async (Key: object, requirement: LockRequirement, set: Record<string, unknown>) => {
    const p = new Placeholders();
    const condition = conditionExpression(allOf(wopiWrite('bench'), lockRule(requirement)), Date.now(), p);
    const attributes = Object.keys(set);
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key,
        UpdateExpression: `SET ${attributes.map((name) => `${p.name(name)} = ${p.value(set[name])}`).join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: p.names,
        ExpressionAttributeValues: p.values,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
  };
  const lock = () => ({ lockId: LOCK_ID, lockExpiresAt: Date.now() + 1_800_000, lockedBy: 'bench' });
  const item = {
    fileId: 'bench-scratch',
    name: 'scratch.docx',
    state: 'active',
    access: { bench: 'owner' },
    lockExpiresAt: 0,
    content: { version: 1, size: DOCUMENT_BYTES },
  };
  await db.send(new PutCommand({ TableName: table, Item: { ...locked, ...item, ...lock() } }));
  await db.send(new PutCommand({ TableName: table, Item: { ...unlocked, ...item } }));
  const putObject = async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: body, ContentLength: body.length }));
  };
  await putObject();
  return {
    'UpdateItem if lockable': () => conditionalUpdate(locked, { kind: 'lockableWith', lockId: LOCK_ID }, lock()),
    'UpdateItem if lock held': () => conditionalUpdate(locked, { kind: 'heldWith', lockId: LOCK_ID }, lock()),
    'UpdateItem if unlocked': () => conditionalUpdate(unlocked, { kind: 'unlocked' }, { name: 'scratch.docx' }),
    GetItem: async () => {
      await db.send(new GetCommand({ TableName: table, Key: locked, ConsistentRead: true }));
    },
    PutItem: async () => {
      await db.send(
        new PutCommand({ TableName: table, Item: { pk: 'user#bench-scratch', sk: 'userinfo', info: 'x' } }),
      );
    },
    GetObject: async () => {
      const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
      await Body?.transformToByteArray();
    },
    PutObject: putObject,
  };
}
