// The tables `npm run bench` prints: Markdown, so that they can be pasted into the README as they are.
import { type BundleResult, COLD_START_ROUNDS } from './cold-start';
import type { CpuPerCall } from './cpu';
import { type FolderListingResult, PAGE_SIZE } from './folder-listing';
import type { LoadFigures } from './load';
import { type OperationResult, operationLabel } from './operations';
import { COLD_INIT_RATIO_TARGET, CS3, RAW_RATIO_TARGET } from './reference';
import { round } from './stats';
import type { TableSizeResult } from './table-size';
import type { TransferResult } from './transfer';
import { TRANSFER_SIZES } from './transfer';

export interface Machine {
  readonly cpus: number;
  readonly cpu_model: string;
  readonly node: string;
  readonly platform: string;
  readonly total_mem_gb: number;
  readonly date: string;
  /** 1-minute load average when the run began and when it ended: other work on the machine. */
  readonly load_average: { readonly start: number; readonly end: number };
}

export interface Figures {
  readonly operations: Record<string, OperationResult>;
  readonly bundles: Record<string, BundleResult>;
  readonly tableSizes: readonly TableSizeResult[];
  readonly folderListing: readonly FolderListingResult[];
  readonly transfer: Record<string, TransferResult>;
  readonly load: LoadFigures;
  readonly machine: Machine;
  readonly loop: { readonly warmup: number; readonly iterations: number };
  /** Bytes the bench's server wrote to stdout/stderr: 0 when logging is really off. */
  readonly serverLogBytes: number;
}

type Cell = string | number | undefined;
type Row = readonly Cell[];

const thousands = (n: number) => n.toLocaleString('en-US');
const dash = (value: Cell) => (value === undefined ? '—' : value);
const cpuCells = (cpu: CpuPerCall | undefined): Cell[] => [cpu?.client, cpu?.server, cpu?.emulators];

export function operationsTable(operations: Record<string, OperationResult>): string {
  const header = [
    'Operation',
    '1 client /s',
    'p50 ms',
    'p99 ms',
    'raw p50 ms',
    '× raw',
    '16 clients /s',
    'p50 ms',
    'p99 ms',
    'raw /s at 16',
    'cs3 1 client',
    'cs3 16 clients',
    'target at 16',
  ];
  const rows = Object.entries(operations).map(([name, op]): Row => {
    const cs3 = CS3[name];
    const many = op.clients_16;
    return [
      operationLabel(name, op),
      op.clients_1.ops_per_s,
      op.clients_1.p50_ms,
      op.clients_1.p99_ms,
      op.clients_1.raw_p50_ms,
      op.clients_1.ratio_to_raw,
      many?.ops_per_s,
      many?.p50_ms,
      many?.p99_ms,
      many?.raw_ops_per_s,
      cs3?.clients_1,
      cs3?.clients_16,
      cs3 === undefined ? undefined : `≥ ${cs3.target_16}`,
    ];
  });
  return markdownTable(header, rows, [0]);
}

export function storageTable(operations: Record<string, OperationResult>): string {
  const header = [
    'Operation',
    'storage requests per call',
    'raw calls (the floor)',
    'client',
    'server',
    'emulators',
    'raw: client',
    'raw: emulators',
    'CPU ceiling /s',
  ];
  const rows = Object.entries(operations).map(([name, op]): Row => {
    const many = op.clients_16;
    const raw = many?.raw_cpu_ms_per_call;
    return [
      operationLabel(name, op),
      op.storage_requests,
      op.raw_calls,
      ...cpuCells(many?.cpu_ms_per_call),
      raw?.client,
      raw?.emulators,
      many?.cpu_ceiling_per_s,
    ];
  });
  return markdownTable(header, rows, [0, 1, 2]);
}

export function bundlesTable(bundles: Record<string, BundleResult>): string {
  const rows = Object.entries(bundles).map(
    ([name, bundle]): Row => [
      name,
      thousands(bundle.bytes),
      bundle.budget_bytes === undefined ? undefined : thousands(bundle.budget_bytes),
      bundle.budget_bytes === undefined ? undefined : `${round(100 * (bundle.bytes / bundle.budget_bytes), 0)} %`,
      bundle.cold_init_ms,
      bundle.ratio_to_minimal,
      bundle.floor,
      bundle.ratio_to_floor,
    ],
  );
  return markdownTable(
    ['Function bundle', 'bytes', 'budget', 'of budget', 'cold init ms', '× minimal', 'floor', '× floor'],
    rows,
    [0, 6],
  );
}

export function tableSizesTable(sizes: readonly TableSizeResult[]): string {
  const [small, big] = sizes;
  if (small === undefined || big === undefined) return 'Table sizes: not measured (BENCH_TABLE_FILES=0).';
  const header = [
    'Operation',
    ...[small, big].flatMap((size) => {
      const files = thousands(size.files);
      return [`${files} files p50 ms`, 'p99 ms', 'raw p50 ms'];
    }),
  ];
  const rows = Object.keys(small.operations).map(
    (name): Row => [
      name,
      ...[small, big].flatMap((size) => {
        const op = size.operations[name];
        return [op?.p50_ms, op?.p99_ms, op?.raw_p50_ms];
      }),
    ],
  );
  const seeding = [small, big]
    .map((size) => `${thousands(size.files)} files in ${size.seeding_s} s (${thousands(size.seeded_per_s)}/s)`)
    .join(', ');
  return `${markdownTable(header, rows, [0])}\n\nSeeded with BatchWriteItem: ${seeding}.`;
}

export function folderListingTable(folders: readonly FolderListingResult[]): string {
  const [small, big] = folders;
  if (small === undefined || big === undefined) return 'Folder listing: not measured (BENCH_FOLDER_FILES=0).';
  const header = [
    `Page of ${PAGE_SIZE}`,
    ...[small, big].flatMap((folder) => [`${thousands(folder.files)} files p50 ms`, 'p99 ms', 'raw Query p50 ms']),
  ];
  const rows = (['first', 'middle', 'last'] as const).map(
    (page): Row => [
      page,
      ...[small, big].flatMap((folder) => {
        const figures = folder.pages[page];
        return [figures.p50_ms, figures.p99_ms, figures.raw_p50_ms];
      }),
    ],
  );
  const seeding = [small, big].map((folder) => `${thousands(folder.files)} files in ${folder.seeding_s} s`).join(', ');
  return (
    `${markdownTable(header, rows, [0])}\n\nFolder listing (listChildren: one Query of the name claims, then one ` +
    `BatchGetItem of the files and one of the folders it names); raw = the Query alone. Seeded with BatchWriteItem (file items and name ` +
    `claims): ${seeding}.`
  );
}

export function transferTable(transfer: Record<string, TransferResult>): string {
  const rows: Row[] = [];
  for (const size of TRANSFER_SIZES) {
    for (const op of ['GetFile', 'PutFile']) {
      const result = transfer[`${op}-${size.label}`];
      if (result !== undefined)
        rows.push([`${op}-${size.label}`, result.mb_per_s, result.peak_rss_mb, thousands(size.bytes)]);
    }
  }
  return markdownTable(['Transfer', 'MB/s', 'peak RSS MB', 'bytes'], rows, [0]);
}

export function benchTables(figures: Figures): string {
  const { operations, bundles, tableSizes, folderListing, transfer, load, machine, loop } = figures;
  const { result } = load;
  const statuses = Object.entries(load.statuses)
    .map(([code, count]) => `${code}: ${thousands(count)}`)
    .join(', ');
  const minimal = Object.entries(bundles).find(([name]) => name === 'minimal')?.[1];
  return [
    operationsTable(operations),
    `Operations: at 1 client ${thousands(loop.iterations)} calls after ${thousands(loop.warmup)} warm-up, taking turns ` +
      `with the raw calls (× raw = p50 / raw p50, target ≤ ${RAW_RATIO_TARGET}); at 16 clients ${thousands(loop.iterations)} ` +
      'calls after the warm-up, 16 keep-alive connections, each on its own file. The server runs in its own process; ' +
      'cs3 = cs3org/wopiserver on this machine type (issue 15), not run here.',
    storageTable(operations),
    "Storage requests counted on the server's SDK clients; CPU in ms per call at 16 clients, by process (client = the " +
      "bench's HTTP clients, or for raw its bare SDK clients; emulators = dynalite and s3rver, one process); CPU ceiling = cores × 1000 / " +
      'the three together: the most calls per second this machine could give at that cost, were nothing else running.',
    bundlesTable(bundles),
    `Bundles: esbuild as deployed; cold init = fresh \`node\` process start to first answer, median of ${COLD_START_ROUNDS} rounds; ` +
      `× minimal = over a handler that imports nothing (${minimal?.cold_init_ms ?? '?'} ms), target ≤ ${COLD_INIT_RATIO_TARGET}; ` +
      "× floor = over the bundle of nothing but the AWS clients the function's grants say it may use (sdk-…, made as " +
      "lambda/adapters/ makes them): what the function's own code adds to the SDK it cannot start without.",
    tableSizesTable(tableSizes),
    folderListingTable(folderListing),
    transferTable(transfer),
    `Load: autocannon, ${result.connections} connections, ${result.duration_s} s, mixed WOPI operations: ` +
      `${thousands(result.requests)} requests, ${result.rps} req/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, ` +
      `${result.errors} errors, ${result.non2xx} non-2xx (${statuses}).`,
    `Server log output during the run: ${figures.serverLogBytes} bytes (POWERTOOLS_LOG_LEVEL=SILENT).`,
    `Machine: ${machine.cpus} × ${machine.cpu_model}, ${machine.total_mem_gb} GB, Node ${machine.node}, ` +
      `${machine.platform}, ${machine.date}; load average ${machine.load_average.start} at the start, ` +
      `${machine.load_average.end} at the end.`,
  ].join('\n\n');
}

function markdownTable(header: readonly string[], rows: readonly Row[], textColumns: readonly number[]): string {
  const width = header.length;
  const cells = [header, ...rows].map((row) => Array.from({ length: width }, (_, i) => String(dash(row[i]))));
  const widths = Array.from({ length: width }, (_, i) => Math.max(3, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = cells;
  // Names and lists left, figures right.
  const rule = `|${widths.map((w, i) => `-${'-'.repeat(w)}${textColumns.includes(i) ? '-' : ':'}`).join('|')}|`;
  return [line(head ?? []), rule, ...body.map(line)].join('\n');
}
