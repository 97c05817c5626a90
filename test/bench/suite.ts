// The whole bench on one host: bundles and cold starts, per-operation latency, transfer, load; then the table
// and bench/results.json, whose shape stays fixed so that runs can be compared by a script.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestHost, TEST_SECRET } from '../support/wopi-host';
import { benchColdStarts } from './cold-start';
import { bundleFunctions } from './functions';
import { benchLoad, loadSecondsFromEnv } from './load';
import { benchOperations } from './operations';
import { loopFromEnv, round } from './stats';
import { benchTable, type Machine } from './table';
import { benchTransfers } from './transfer';
import { WopiClient } from './wopi-client';

const resultsFile = fileURLToPath(new URL('../../bench/results.json', import.meta.url));

function progress(step: string): void {
  process.stderr.write(`bench: ${step}\n`);
}

function machine(): Machine {
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    total_mem_gb: round(totalmem() / 1024 ** 3, 1),
    date: new Date().toISOString(),
  };
}

export async function runBench(): Promise<void> {
  const loop = loopFromEnv();
  const loadSeconds = loadSecondsFromEnv();
  const workDir = mkdtempSync(join(tmpdir(), 'wopi-bench-'));
  const host = await startTestHost();
  const client = new WopiClient(host.baseUrl);
  try {
    const { config } = host.deps;
    // What a deployed function gets, pointed at this run's emulators; logs, metrics and traces off.
    const functionEnv = {
      AWS_REGION: config.region,
      WOPI_TABLE_NAME: config.tableName,
      WOPI_BUCKET_NAME: config.bucketName,
      WOPI_TOKEN_SECRET: TEST_SECRET,
      WOPI_OFFER_FILE_URL: 'false',
      DYNAMODB_ENDPOINT: config.dynamodbEndpoint ?? '',
      S3_ENDPOINT: config.s3Endpoint ?? '',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    progress('bundling the functions and timing their cold starts');
    const bundles = await bundleFunctions(workDir);
    const bundleResults = await benchColdStarts(bundles, workDir, functionEnv);
    progress(`timing each operation (${loop.iterations} calls after ${loop.warmup} warm-up)`);
    const operations = await benchOperations(host, client, loop);
    progress('timing GetFile and PutFile transfers');
    const transfer = await benchTransfers(host, client, bundles, workDir, functionEnv);
    progress(`load: autocannon, ${loadSeconds} s`);
    const load = await benchLoad(host, workDir, loadSeconds);

    const figures = { operations, bundles: bundleResults, transfer, load, machine: machine(), loop };
    const results = {
      operations: operations.results,
      bundles: bundleResults,
      transfer,
      load: load.result,
      machine: figures.machine,
    };
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${benchTable(figures)}\n`);
    console.log(`Results written to ${relative(process.cwd(), resultsFile)}`);
  } finally {
    client.close();
    await host.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
