// Each function's bundle, built as the stack builds it (infra/bundle-options.ts), stays within the budget of what
// its route may touch: pulling a client or library into a function that never uses it fails here.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
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

  it('the budget without S3 is smaller than the S3 client alone adds, so it can catch one', async () => {
    // GIVEN a function that never touches S3, and the same bundle with the S3 content store pulled in
    const probe = join(outDir, 'probe.ts');
    writeFileSync(
      probe,
      `export * from ${JSON.stringify(join(FUNCTIONS_DIR, 'docspace-lock.ts'))};\nexport { contentStore } from ${JSON.stringify(join(FUNCTIONS_DIR, '../wiring/s3.ts'))};\n`,
    );
    await build({
      ...BUNDLE_OPTIONS,
      entryPoints: { probe },
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      logLevel: 'error',
    });
    // WHEN weighed THEN it no longer fits
    expect(statSync(join(outDir, 'probe.mjs')).size).toBeGreaterThan(BUNDLE_BUDGET_BYTES.withoutS3);
  });
});
