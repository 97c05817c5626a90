// Latency of the lock operations on a table of 100 files and on one of 100,000 (BENCH_TABLE_FILES): each is one
// request by key, so the size of the table should not show (flat is the goal). The tables are seeded with
// BatchWriteItem (seed.ts) and each gets a server of its own; the lock operations then run as in
// operations.ts at 1 client, beside the same raw calls (which show whether the emulator itself stays flat).
import { itemFromRecord } from '../../lambda/adapters/file-item';
import { type Emulators, ensureStorage } from '../../lambda/local/emulators';
import { startBenchHost } from './bench-host';
import { benchOperations, type OperationResult } from './operations';
import { batchPut, seedRecord } from './seed';
import { countFromEnv, fewerCalls, type Loop, round } from './stats';

export const LOCK_OPERATIONS = ['Lock', 'GetLock', 'RefreshLock', 'Unlock', 'UnlockAndRelock'] as const;

export interface TableSizeResult {
  readonly files: number;
  /** How long seeding the table took, and at what rate. */
  readonly seeding_s: number;
  readonly seeded_per_s: number;
  readonly operations: Record<string, Pick<OperationResult['clients_1'], 'p50_ms' | 'p99_ms' | 'raw_p50_ms'>>;
}

const SMALL_TABLE = 100;

/** BENCH_TABLE_FILES: the big table's size (100,000 by default; 0 skips the comparison). */
export const tableFilesFromEnv = () => countFromEnv('BENCH_TABLE_FILES', 100_000);

/** Calls per lock operation and table: a quarter of the main runs', at least 100. */
export const tableLoop = (loop: Loop) => fewerCalls(loop, 4, 100);

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
  await ensureStorage(emulators, { tableName });
  return batchPut(emulators, tableName, files, (n) => itemFromRecord(seedRecord(n, `seed-${n}.docx`)));
}
