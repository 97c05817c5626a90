// How every function is bundled, stated once: the stack hands these to NodejsFunction (esbuild, no Docker), and the
// bundle-size test and `npm run bench` build the same bundles with esbuild directly.
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { type Grants, routes } from '../lambda/routes';

/** lambda/functions/, where each deployed entry lives. */
export const FUNCTIONS_DIR = fileURLToPath(new URL('../lambda/functions', import.meta.url));

/** What a bundle resolves the SDK's default credential chain to: the environment only (the module says why). */
export const LAMBDA_CREDENTIALS = fileURLToPath(
  new URL('../lambda/adapters/lambda-role-credentials.ts', import.meta.url),
);

// esbuild's ESM output has no `require`; CommonJS dependencies inside the bundle still call it.
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** The esbuild options of a deployed bundle (everything but entry points and output). */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  // Maps give file:line in stack traces; the sources themselves would only make the upload bigger.
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  // The AWS SDK is bundled too: tree-shaken, and pinned to the version the tests ran against.
  external: [],
  alias: { '@aws-sdk/credential-provider-node': LAMBDA_CREDENTIALS },
} as const satisfies BuildOptions;

/**
 * The most a bundle may weigh (bytes of index.mjs), by what its route may touch, a little above what such bundles
 * weigh today: a change that pulls a client or library into a function that does not use it fails
 * test/infra/bundles.test.ts. No S3 client fits in the budget of a function that never touches S3.
 */
export const BUNDLE_BUDGET_BYTES = { withoutS3: 360_000, withS3: 560_000 } as const;

export type AwsClient = 'dynamodb' | 's3' | 'secrets-manager';

export interface DeployedFunction {
  /** Its file in lambda/functions/, without `.ts`. */
  readonly entry: string;
  /** The AWS clients its route may use, by its grants (the orphan sweep uses the table and the bucket). */
  readonly clients: readonly AwsClient[];
  readonly budgetBytes: number;
}

/**
 * What a bundle that carries the blank templates (lambda/templates/, base64 in lambda/generated/templates.ts) may
 * weigh beyond its budget: they are the route's data, about 70 KB of base64 today.
 */
export const TEMPLATES_ALLOWANCE_BYTES = 90_000;

/** The entries whose bundles carry the templates (the bundle test checks no other does). */
export const TEMPLATE_ENTRIES: readonly string[] = ['api-create-file'];

/** Every function the stack deploys: one per route entry, and the scheduled orphan sweep (which touches S3). */
export const DEPLOYED_FUNCTIONS: readonly DeployedFunction[] = [
  ...new Map(routes.map(({ entry, grants }) => [entry, clientsOf(grants)])),
  ['sweep-orphans', ['dynamodb', 's3']] as const,
].map(([entry, clients]) => ({
  entry,
  clients,
  budgetBytes:
    (clients.includes('s3') ? BUNDLE_BUDGET_BYTES.withS3 : BUNDLE_BUDGET_BYTES.withoutS3) +
    (TEMPLATE_ENTRIES.includes(entry) ? TEMPLATES_ALLOWANCE_BYTES : 0),
}));

function clientsOf(grants: Grants): AwsClient[] {
  return [
    ...(grants.table === undefined ? [] : (['dynamodb'] as const)),
    ...(grants.bucket === undefined ? [] : (['s3'] as const)),
    ...(grants.tokenSecret ? (['secrets-manager'] as const) : []),
  ];
}
