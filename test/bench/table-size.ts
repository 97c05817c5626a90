// Latency of the lock operations on a table of 100 files and on one of 100,000 (BENCH_TABLE_FILES): each is one
// request by key, so the size of the table should not show (flat is the goal). The tables are seeded with
// BatchWriteItem of plain items in the current layout (adapters/file-item.ts itemFromRecord), 25 per request and
// several requests at a time, and each gets a server of its own; the lock operations then run as in
// operations.ts at 1 client, beside the same raw calls (which show whether the emulator itself stays flat).
import { createHash } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../lambda/adapters/dynamo-client';
import { itemFromRecord } from '../../lambda/adapters/file-item';
import { newContentKey } from '../../lambda/domain/content-keys';
import { newFileId } from '../../lambda/domain/file-id';
import type { FileRecord } from '../../lambda/domain/file-record';
import { type Emulators, ensureStorage } from '../../lambda/local/emulators';
import { startBenchHost } from './bench-host';
import { benchOperations, type OperationResult } from './operations';
import { type Loop, round } from './stats';

export const LOCK_OPERATIONS = ['Lock', 'GetLock', 'RefreshLock', 'Unlock', 'UnlockAndRelock'] as const;

export interface TableSizeResult {
  readonly files: number;
  /** How long seeding the table took, and at what rate. */
  readonly seeding_s: number;
  readonly seeded_per_s: number;
  readonly operations: Record<string, Pick<OperationResult['clients_1'], 'p50_ms' | 'p99_ms' | 'raw_p50_ms'>>;
}

const SMALL_TABLE = 100;
const BATCH = 25; // BatchWriteItem's most
const IN_FLIGHT = 8;

/** BENCH_TABLE_FILES: the big table's size (100,000 by default; 0 skips the comparison). */
export function tableFilesFromEnv(): number {
  const files = Number(process.env.BENCH_TABLE_FILES ?? 100_000);
  if (!Number.isSafeInteger(files) || files < 0) throw new Error('BENCH_TABLE_FILES must be a whole number ≥ 0');
  return files;
}

/** Calls per lock operation and table: a quarter of the main runs', at least 100. */
export function tableLoop(loop: Loop): Loop {
  const iterations = Math.max(100, Math.ceil(loop.iterations / 4));
  return { warmup: Math.ceil(iterations / 10), iterations };
}

export async function benchTableSizes(
  emulators: Emulators,
  bigTable: number,
  loop: Loop,
  progress: (step: string) => void,
): Promise<TableSizeResult[]> {
  const results: TableSizeResult[] = [];
  for (const files of [SMALL_TABLE, bigTable]) {
    const tableName = `bench-files-${files}-${Date.now()}`;
    progress(`seeding a table of ${files.toLocaleString('en-US')} files`);
    const seeding = await seed(emulators, tableName, files);
    const host = await startBenchHost(emulators, { tableName });
    try {
      progress(`lock operations on ${files.toLocaleString('en-US')} files`);
      const measured = await benchOperations(host, loop, { only: LOCK_OPERATIONS, concurrent: false });
      results.push({
        files,
        seeding_s: round(seeding, 1),
        seeded_per_s: round(files / seeding, 0),
        operations: Object.fromEntries(
          Object.entries(measured).map(([name, { clients_1 }]) => [
            name,
            { p50_ms: clients_1.p50_ms, p99_ms: clients_1.p99_ms, raw_p50_ms: clients_1.raw_p50_ms },
          ]),
        ),
      });
    } finally {
      await host.close();
    }
  }
  return results;
}

/** Fills the table with `files` file items (their contents are never read: no objects); seconds it took. */
async function seed(emulators: Emulators, tableName: string, files: number): Promise<number> {
  const db = createDynamoClient({ region: 'us-east-1', ...emulators });
  const start = performance.now();
  try {
    await ensureStorage(emulators, { tableName });
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < files) {
          const count = Math.min(BATCH, files - next);
          const first = next;
          next += count;
          const items = Array.from({ length: count }, (_, i) => itemFromRecord(seedRecord(first + i)));
          let request: BatchWriteCommandInput['RequestItems'] = {
            [tableName]: items.map((Item) => ({ PutRequest: { Item } })),
          };
          // Under load DynamoDB may leave some unwritten; they are sent again.
          while (request !== undefined && Object.keys(request).length > 0) {
            request = (await db.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
          }
        }
      }),
    );
  } finally {
    db.destroy();
  }
  return (performance.now() - start) / 1000;
}

const SEED_OWNER = 'bench-seed-owner';

/** An ordinary file record: one version, the owner's role, no lock, a little activity. */
function seedRecord(n: number): FileRecord {
  const at = Date.UTC(2026, 0, 1) + n * 1000;
  const fileId = newFileId();
  const content = {
    version: 1,
    contentKey: newContentKey(fileId),
    size: 1024,
    sha256: createHash('sha256').update(fileId).digest('base64'),
    modifiedAt: at,
    modifiedBy: SEED_OWNER,
  };
  return {
    fileId,
    name: `seed-${n}.docx`,
    ownerId: SEED_OWNER,
    content,
    versions: [],
    access: { [SEED_OWNER]: 'owner' },
    rev: 0,
    activity: [{ at, by: SEED_OWNER, what: 'create' }],
  };
}
