// The one table `npm run bench` prints: Markdown, so that it can be pasted into the README as it is.
import type { BundleResult } from './cold-start';
import type { LoadFigures } from './load';
import type { OperationFigures } from './operations';
import type { TransferResult } from './transfer';
import { TRANSFER_SIZES } from './transfer';

export interface Machine {
  readonly cpus: number;
  readonly cpu_model: string;
  readonly node: string;
  readonly platform: string;
  readonly total_mem_gb: number;
  readonly date: string;
}

export interface Figures {
  readonly operations: OperationFigures;
  readonly bundles: Record<string, BundleResult>;
  readonly transfer: Record<string, TransferResult>;
  readonly load: LoadFigures;
  readonly machine: Machine;
  readonly loop: { readonly warmup: number; readonly iterations: number };
}

type Row = readonly (string | number)[];

const bold = (cells: Row): Row => cells.map((cell) => (cell === '' ? '' : `**${cell}**`));
const thousands = (n: number) => n.toLocaleString('en-US');

export function benchTable(figures: Figures): string {
  const { operations, bundles, transfer, load, machine, loop } = figures;
  const header: Row = [
    'Operation',
    'p50 ms',
    'p99 ms',
    'req/s',
    'raw call',
    'raw p50 ms',
    '× raw',
    'DynamoDB',
    'S3',
    'storage requests per call',
  ];
  const rows: Row[] = Object.entries(operations.results).map(([name, op]) => [
    name,
    op.p50_ms,
    op.p99_ms,
    op.rps,
    operations.raw[name] ?? '',
    op.raw_p50_ms,
    op.ratio_to_raw,
    op.dynamodb_requests,
    op.s3_requests,
    operations.calls[name] ?? '',
  ]);
  rows.push(bold(['Function bundle', 'bytes', 'cold init ms', '', '', '', '', '', '', '']));
  for (const [name, bundle] of Object.entries(bundles)) rows.push([name, thousands(bundle.bytes), bundle.cold_init_ms]);
  rows.push(bold(['Transfer', 'MB/s', 'peak RSS MB', 'bytes', '', '', '', '', '', '']));
  for (const size of TRANSFER_SIZES) {
    for (const op of ['GetFile', 'PutFile']) {
      const result = transfer[`${op}-${size.label}`];
      if (result !== undefined)
        rows.push([`${op}-${size.label}`, result.mb_per_s, result.peak_rss_mb, thousands(size.bytes)]);
    }
  }
  const { result } = load;
  rows.push(
    bold(['Load', 'p50 ms', 'p99 ms', 'req/s', 'requests', 'errors', 'non-2xx', 'connections', 'seconds', 'statuses']),
  );
  rows.push([
    'mixed WOPI',
    result.p50_ms,
    result.p99_ms,
    result.rps,
    thousands(result.requests),
    result.errors,
    result.non2xx,
    result.connections,
    result.duration_s,
    Object.entries(load.statuses)
      .map(([code, count]) => `${code}: ${thousands(count)}`)
      .join(', '),
  ]);
  const notes = [
    `Operations: ${loop.iterations} sequential calls after ${loop.warmup} warm-up through the local HTTP server; ` +
      'req/s = 1000 / mean; raw = the bare storage call on the same emulator; storage requests averaged per call.',
    'Bundles: esbuild as deployed; cold init = fresh `node` process start to first answer, median of 5. ' +
      'Transfer: MB/s through the local server; peak RSS of a fresh function process handling 3 such requests.',
    `Machine: ${machine.cpus} × ${machine.cpu_model}, ${machine.total_mem_gb} GB, Node ${machine.node}, ` +
      `${machine.platform}, ${machine.date}.`,
  ];
  return `${markdownTable(header, rows)}\n\n${notes.join('\n')}`;
}

const textColumns = new Set([0, 4, 9]);

function markdownTable(header: Row, rows: readonly Row[]): string {
  const width = header.length;
  const cells = [header, ...rows].map((row) => Array.from({ length: width }, (_, i) => String(row[i] ?? '')));
  const widths = Array.from({ length: width }, (_, i) => Math.max(3, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = cells;
  // Names and lists left, figures right.
  const rule = `|${widths.map((w, i) => `-${'-'.repeat(w)}${textColumns.has(i) ? '-' : ':'}`).join('|')}|`;
  return [line(head ?? []), rule, ...body.map(line)].join('\n');
}
