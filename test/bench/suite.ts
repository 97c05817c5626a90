// The whole bench: bundles and cold init; every operation at 1 and 16 clients beside its raw storage calls; the lock
// operations on a table of 100 files and of 100,000; a folder of 100 files listed beside one of 10,000; transfer;
// load. Then the tables, bench/results.json (whose
// shape stays fixed so that runs can be compared by a script, README "Benchmark") and bench/chart.svg.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Emulators, startEmulators } from '../../lambda/local/emulators';
import { startTestHost, TEST_SECRET } from '../support/wopi-host';
import { startBenchHost } from './bench-host';
import { chartSvg } from './chart';
import { benchColdStarts } from './cold-start';
import { benchFolderListing, folderFilesFromEnv, folderLoop } from './folder-listing';
import { type Bundle, bundleFunctions } from './functions';
import { benchLoad, loadSecondsFromEnv } from './load';
import { benchOperations } from './operations';
import { type CpuProfile, formatSummary, summarizeProfile } from './profile-summary';
import { type Loop, loopFromEnv, round } from './stats';
import { benchTables, type Machine } from './table';
import { benchTableSizes, tableFilesFromEnv, tableLoop } from './table-size';
import { benchTransfers } from './transfer';
import { WopiClient } from './wopi-client';

const resultsFile = fileURLToPath(new URL('../../bench/results.json', import.meta.url));
const chartFile = fileURLToPath(new URL('../../bench/chart.svg', import.meta.url));

function progress(step: string): void {
  process.stderr.write(`bench: ${step}\n`);
}

const load1 = () => round(loadavg()[0] ?? 0, 2);

function machine(loadAtStart: number): Machine {
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    total_mem_gb: round(totalmem() / 1024 ** 3, 1),
    date: new Date().toISOString(),
    load_average: { start: loadAtStart, end: load1() },
  };
}

/** BENCH_OPERATIONS=GetLock,PutFile runs only those (the other parts still run; BENCH_TABLE_FILES=0 skips one). */
function onlyFromEnv(): string[] | undefined {
  const only = process.env.BENCH_OPERATIONS;
  return only ? only.split(',').map((name) => name.trim()) : undefined;
}

/** BENCH_CPU_PROFILE=<folder>: a CPU profile of the server per 16-client run, summarised at the end. */
function profileDirFromEnv(): string | undefined {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return undefined;
  mkdirSync(resolve(dir), { recursive: true });
  return resolve(dir);
}

export async function runBench(): Promise<void> {
  const loadAtStart = load1();
  const loop = loopFromEnv();
  const loadSeconds = loadSecondsFromEnv();
  const tableFiles = tableFilesFromEnv();
  const folderFiles = folderFilesFromEnv();
  const profileDir = profileDirFromEnv();
  const workDir = mkdtempSync(join(tmpdir(), 'wopi-bench-'));
  const emulators = await startEmulators({});
  try {
    // What a deployed function gets, pointed at the emulators; logs, metrics and traces off.
    const functionEnv = {
      AWS_REGION: 'us-east-1',
      WOPI_TOKEN_SECRET: TEST_SECRET,
      WOPI_OFFER_FILE_URL: 'false',
      DYNAMODB_ENDPOINT: emulators.dynamodbEndpoint,
      S3_ENDPOINT: emulators.s3Endpoint,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    progress('bundling the functions and timing their cold init beside the minimal bundle');
    const bundles = await bundleFunctions(workDir);
    const { bundleResults, operations, serverLogBytes } = await onBenchHost(emulators, bundles, workDir, functionEnv, {
      loop,
      profileDir,
    });
    const tableSizes = tableFiles === 0 ? [] : await benchTableSizes(emulators, tableFiles, tableLoop(loop), progress);
    const folderListing =
      folderFiles === 0 ? [] : await benchFolderListing(emulators, folderFiles, folderLoop(loop), progress);
    const { transfer, load } = await onTestHost(bundles, workDir, functionEnv, loadSeconds);

    const figures = {
      operations,
      bundles: bundleResults,
      tableSizes,
      folderListing,
      transfer,
      load,
      machine: machine(loadAtStart),
      loop,
      serverLogBytes,
    };
    const results = {
      operations,
      bundles: bundleResults,
      table_sizes: tableSizes,
      folder_listing: folderListing,
      transfer,
      load: load.result,
      machine: figures.machine,
      loop,
      server_log_bytes: serverLogBytes,
    };
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    const { machine: m } = figures;
    const caption = `${m.cpus} × ${m.cpu_model}, Node ${m.node}, ${m.date.slice(0, 10)}; ${loop.iterations} calls per run; cs3: issue 15.`;
    writeFileSync(chartFile, chartSvg(operations, caption));
    console.log(`\n${benchTables(figures)}\n`);
    if (profileDir !== undefined) printProfiles(profileDir);
    console.log(`Results written to ${relative(process.cwd(), resultsFile)} and ${relative(process.cwd(), chartFile)}`);
  } finally {
    await emulators.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Cold init (its functions reach the bench host's table) and the operations, on the server in its own process. */
async function onBenchHost(
  emulators: Emulators,
  bundles: readonly Bundle[],
  workDir: string,
  functionEnv: Record<string, string>,
  { loop, profileDir }: { loop: Loop; profileDir: string | undefined },
) {
  const host = await startBenchHost(emulators);
  try {
    const { tableName, bucketName } = host.config;
    const bundleEnv = { ...functionEnv, WOPI_TABLE_NAME: tableName, WOPI_BUCKET_NAME: bucketName };
    const bundleResults = await benchColdStarts(bundles, workDir, bundleEnv);
    progress(`each operation at 1 and 16 clients (${loop.iterations} calls after ${loop.warmup} warm-up)`);
    const operations = await benchOperations(host, loop, { profileDir, only: onlyFromEnv() });
    return { bundleResults, operations, serverLogBytes: host.logBytes() };
  } finally {
    await host.close();
  }
}

/** Transfer and load on the in-process test host (the bundles' peak memory is measured against its table). */
async function onTestHost(
  bundles: readonly Bundle[],
  workDir: string,
  functionEnv: Record<string, string>,
  loadSeconds: number,
) {
  const host = await startTestHost();
  const client = new WopiClient(host.baseUrl);
  try {
    progress('timing GetFile and PutFile transfers');
    const { config } = host.deps;
    const transfer = await benchTransfers(host, client, bundles, workDir, {
      ...functionEnv,
      WOPI_TABLE_NAME: config.tableName,
      WOPI_BUCKET_NAME: config.bucketName,
      DYNAMODB_ENDPOINT: config.dynamodbEndpoint ?? '',
      S3_ENDPOINT: config.s3Endpoint ?? '',
    });
    progress(`load: autocannon, ${loadSeconds} s`);
    const load = await benchLoad(host, workDir, loadSeconds);
    return { transfer, load };
  } finally {
    client.close();
    await host.close();
  }
}

function printProfiles(dir: string): void {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('-16.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    console.log(`Server CPU profile, ${file}:\n${formatSummary(summarizeProfile(profile, 12))}\n`);
  }
}
