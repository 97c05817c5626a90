// The Lambda bundles as the stack builds them (infra/constructs/route-function.ts: esbuild, ESM, minified,
// node22, the AWS SDK inside), and fresh `node` processes that load one and hand it events, as Lambda would.
import { execFile } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS, DEPLOYED_FUNCTIONS, FUNCTIONS_DIR } from '../../infra/bundle-options';

/** The bundle cold init is measured against (minimal-function.ts): not a deployed function. */
export const MINIMAL = 'minimal';
const minimalEntry = fileURLToPath(new URL('./minimal-function.ts', import.meta.url));

export interface Bundle {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  /** What test/infra/bundles.test.ts lets it weigh; none for the minimal bundle, which is not deployed. */
  readonly budgetBytes: number | undefined;
}

/**
 * Bundles every function, and the minimal one last, into `outDir` in one esbuild run (one .mjs per function, as
 * Lambda gets it).
 */
export async function bundleFunctions(outDir: string): Promise<Bundle[]> {
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: {
      ...Object.fromEntries(DEPLOYED_FUNCTIONS.map(({ entry }) => [entry, join(FUNCTIONS_DIR, `${entry}.ts`)])),
      [MINIMAL]: minimalEntry,
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  writeFileSync(join(outDir, INVOKER), invoker);
  return [...DEPLOYED_FUNCTIONS, { entry: MINIMAL, budgetBytes: undefined }].map(({ entry, budgetBytes }) => {
    const file = join(outDir, `${entry}.mjs`);
    return { name: entry, file, bytes: statSync(file).size, budgetBytes };
  });
}

const INVOKER = 'invoke.mjs';

// Plain JavaScript run by plain `node` (no tsx): imports the bundle, then hands it the event `times` times,
// each parsed from JSON and its answer serialised, as the Lambda runtime does.
const invoker = `import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
const [bundle, eventFile, times] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 29000 };
const statuses = [];
let firstAnswerMs;
for (let i = 0; i < Number(times); i++) {
  const result = await handler(JSON.parse(readFileSync(eventFile, 'utf8')), context);
  JSON.stringify(result);
  firstAnswerMs ??= performance.now();
  statuses.push(result?.statusCode ?? 200);
}
process.stdout.write(JSON.stringify({ firstAnswerMs, statuses, maxRssKb: process.resourceUsage().maxRSS }));
`;

export interface Invocation {
  /** Milliseconds from the process's start (performance.timeOrigin) to the first answer. */
  readonly firstAnswerMs: number;
  readonly statuses: readonly number[];
  readonly maxRssKb: number;
}

const execFileAsync = promisify(execFile);

/** A fresh `node` process loads `bundle` and answers the event in `eventFile` `times` times. */
export async function invokeInFreshProcess(
  bundle: Bundle,
  eventFile: string,
  env: Record<string, string>,
  times = 1,
): Promise<Invocation> {
  const { stdout } = await execFileAsync(
    process.execPath,
    [join(bundle.file, '..', INVOKER), bundle.file, eventFile, String(times)],
    // Only what a Lambda container has: no developer AWS profile, no tsx loader from this process.
    { env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '--enable-source-maps', ...env }, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as Invocation;
}
