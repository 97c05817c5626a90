// Each function's bundle, built as the stack builds it (infra/bundle-options.ts), stays within the budget of what
// its route may touch: pulling a client or library into a function that never uses it fails here.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_BUDGET_BYTES,
  BUNDLE_OPTIONS,
  DEPLOYED_FUNCTIONS,
  FUNCTIONS_DIR,
  TEMPLATE_ENTRIES,
} from '../../infra/bundle-options';

const outDir = mkdtempSync(join(tmpdir(), 'wopi-bundles-'));
const functions = DEPLOYED_FUNCTIONS.map(({ entry, budgetBytes }) => [entry, budgetBytes] as const);

/** The bundles that carry the blank templates, by entry. */
const withTemplates = new Set<string>();

beforeAll(async () => {
  const { metafile } = await build({
    metafile: true,
    ...BUNDLE_OPTIONS,
    entryPoints: Object.fromEntries(functions.map(([entry]) => [entry, join(FUNCTIONS_DIR, `${entry}.ts`)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  for (const [output, { entryPoint, inputs }] of Object.entries((metafile as Metafile).outputs)) {
    if (
      entryPoint !== undefined &&
      Object.keys(inputs).some((input) => input.endsWith('lambda/generated/templates.ts'))
    ) {
      withTemplates.add(output.replace(/^.*\//, '').replace(/\.mjs$/, ''));
    }
  }
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Bundles one probe module into `outDir` as `<name>.mjs`, with the deployed options unless told others. */
async function bundleProbe(name: string, entry: string, options: BuildOptions = BUNDLE_OPTIONS): Promise<void> {
  await build({
    ...options,
    entryPoints: { [name]: entry },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
}

describe('function bundles', () => {
  it.each(functions)('%s stays within its budget of %i bytes', (entry, budgetBytes) => {
    // GIVEN the function's bundle WHEN weighed
    const bytes = statSync(join(outDir, `${entry}.mjs`)).size;
    // THEN it is within the budget of what its route may touch (and of the templates, if it carries them)
    expect(bytes).toBeLessThanOrEqual(budgetBytes);
  });

  it('finds the templates in the bundles given an allowance for them, and in no other', () => {
    // GIVEN the bundles WHEN those that include lambda/generated/templates.ts are listed THEN they are those
    expect([...withTemplates]).toEqual(TEMPLATE_ENTRIES);
  });

  it('resolves credentials from the environment only, as Lambda provides them, where the SDK alone would search on', async () => {
    // GIVEN a probe that asks a storage client for its credentials, bundled as deployed and bundled without the alias,
    // and a home folder whose ~/.aws/credentials the SDK's whole default chain would find
    const probe = join(outDir, 'credentials-probe.ts');
    writeFileSync(
      probe,
      `import { createDynamoDbClient } from ${JSON.stringify(join(FUNCTIONS_DIR, '../adapters/dynamo-client.ts'))};
const client = createDynamoDbClient({ region: 'eu-west-1' });
const answer = await client.config.credentials().then((c) => c.accessKeyId, (error) => error.name);
process.stdout.write(answer);\n`,
    );
    const { alias: _alias, ...withoutAlias } = BUNDLE_OPTIONS;
    await bundleProbe('credentials-probe', probe);
    await bundleProbe('credentials-probe-sdk', probe, withoutAlias);
    const home = join(outDir, 'home');
    mkdirSync(join(home, '.aws'), { recursive: true });
    writeFileSync(
      join(home, '.aws', 'credentials'),
      '[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = x\n',
    );
    const run = (bundle: string, env: Record<string, string>) =>
      execFileSync(process.execPath, [join(outDir, `${bundle}.mjs`)], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...env,
        },
        encoding: 'utf8',
      });
    const lambdaEnv = { AWS_ACCESS_KEY_ID: 'FROMENV', AWS_SECRET_ACCESS_KEY: 'x', AWS_SESSION_TOKEN: 'y' };
    // WHEN each runs with and without the role's credentials in its environment
    // THEN the deployed bundle takes the environment's, and with none there refuses instead of searching the machine
    expect(run('credentials-probe', lambdaEnv)).toBe('FROMENV');
    expect(run('credentials-probe', {})).toBe('CredentialsProviderError');
    // and only the alias makes that difference: the SDK's own chain goes on to the file
    expect(run('credentials-probe-sdk', lambdaEnv)).toBe('FROMENV');
    expect(run('credentials-probe-sdk', {})).toBe('FROMFILE');
  });

  it('the budget without S3 is smaller than the S3 client alone adds, so it can catch one', async () => {
    // GIVEN a function that never touches S3, and the same bundle with the S3 content store pulled in
    const probe = join(outDir, 'probe.ts');
    writeFileSync(
      probe,
      `export * from ${JSON.stringify(join(FUNCTIONS_DIR, 'docspace-lock.ts'))};\nexport { contentStore } from ${JSON.stringify(join(FUNCTIONS_DIR, '../wiring/s3.ts'))};\n`,
    );
    await bundleProbe('probe', probe);
    // WHEN weighed THEN it no longer fits
    expect(statSync(join(outDir, 'probe.mjs')).size).toBeGreaterThan(BUNDLE_BUDGET_BYTES.withoutS3);
  });
});
