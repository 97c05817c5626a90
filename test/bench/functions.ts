// The Lambda bundles as the stack builds them (infra/constructs/route-function.ts: esbuild, ESM, minified,
// node22, the AWS SDK inside), and fresh `node` processes that load one and hand it events, as Lambda would.
import { execFile } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { type AwsClient, BUNDLE_OPTIONS, DEPLOYED_FUNCTIONS, FUNCTIONS_DIR } from '../../infra/bundle-options';

/** The bundle cold init is measured against (minimal-function.ts): not a deployed function. */
export const MINIMAL = 'minimal';
const minimalEntry = fileURLToPath(new URL('./minimal-function.ts', import.meta.url));
const adapters = fileURLToPath(new URL('../../lambda/adapters', import.meta.url));

export interface Bundle {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  /** What test/infra/bundles.test.ts lets it weigh; none for the yardsticks, which are not deployed. */
  readonly budgetBytes: number | undefined;
  /** The yardstick of the AWS clients its route may use: what its cold init cannot go below. */
  readonly floor: string;
}

const adapter = (module: string) => JSON.stringify(join(adapters, module));

/** Each client made as lambda/adapters/ makes it, and nothing else: the import it needs and the expression. */
const floorParts: Readonly<Record<AwsClient, { readonly imports: string; readonly make: string }>> = {
  dynamodb: {
    imports: `import { createDynamoClient } from ${adapter('dynamo-client.ts')};`,
    make: "createDynamoClient({ region: 'us-east-1' })",
  },
  s3: {
    imports: `import { createS3Client } from ${adapter('s3-client.ts')};`,
    make: "createS3Client({ region: 'us-east-1' })",
  },
  // Bundled but loaded at the first read of the secret, as wiring/token-secret.ts loads it.
  'secrets-manager': { imports: '', make: `() => import(${adapter('secrets-manager.ts')})` },
};

const floorName = (clients: readonly AwsClient[]) => (clients.length === 0 ? MINIMAL : `sdk-${clients.join('-')}`);

/** The source of a floor: a handler that answers 200 after making the clients, bundled like the functions. */
function floorSource(clients: readonly AwsClient[]): string {
  const parts = clients.map((client) => floorParts[client]);
  return [
    ...parts.map(({ imports }) => imports),
    `const clients = [${parts.map(({ make }) => make).join(', ')}];`,
    `export const handler = async () => ({ statusCode: clients.length === ${clients.length} ? 200 : 500 });`,
    '',
  ].join('\n');
}

/**
 * Bundles every function and the yardsticks (the minimal bundle, and a floor per set of AWS clients the functions
 * use: a bundle of those clients alone) into `outDir` in one esbuild run, one .mjs per function, as Lambda gets it.
 */
export async function bundleFunctions(outDir: string): Promise<Bundle[]> {
  const floors = new Map<string, readonly AwsClient[]>();
  for (const { clients } of DEPLOYED_FUNCTIONS) if (clients.length > 0) floors.set(floorName(clients), clients);
  const floorEntries = [...floors].map(([name, clients]) => {
    const file = join(outDir, `${name}.ts`);
    writeFileSync(file, floorSource(clients));
    return [name, file] as const;
  });
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: {
      ...Object.fromEntries(DEPLOYED_FUNCTIONS.map(({ entry }) => [entry, join(FUNCTIONS_DIR, `${entry}.ts`)])),
      ...Object.fromEntries(floorEntries),
      [MINIMAL]: minimalEntry,
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  writeFileSync(join(outDir, INVOKER), invoker);
  const bundle = (name: string, budgetBytes: number | undefined, floor: string): Bundle => {
    const file = join(outDir, `${name}.mjs`);
    return { name, file, bytes: statSync(file).size, budgetBytes, floor };
  };
  return [
    ...DEPLOYED_FUNCTIONS.map(({ entry, budgetBytes, clients }) => bundle(entry, budgetBytes, floorName(clients))),
    ...[...floors.keys(), MINIMAL].map((name) => bundle(name, undefined, MINIMAL)),
  ];
}

/** The bundles that are not functions: the minimal one and the floors. */
export const isYardstick = (bundle: Bundle) => bundle.budgetBytes === undefined;

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
