// Prints each function's bundle size from the last `npx cdk synth` (cdk.out), as the README lists them.
// Usage: npx cdk synth --quiet && npx tsx infra/bundle-sizes.ts
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { STACK_NAME } from './wopi-host-stack';

const outDir = fileURLToPath(new URL('../cdk.out', import.meta.url));
const templateFile = path.join(outDir, `${STACK_NAME}.template.json`);
if (!existsSync(templateFile)) throw new Error(`${templateFile} is missing: run \`npx cdk synth --quiet\` first`);

interface FunctionResource {
  readonly Type: string;
  readonly Metadata?: { readonly 'aws:asset:path'?: string };
}
const resources: Record<string, FunctionResource> = JSON.parse(readFileSync(templateFile, 'utf8')).Resources;

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
const rows = Object.entries(resources)
  .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
  .map(([logicalId, resource]) => {
    const assetPath = resource.Metadata?.['aws:asset:path'];
    if (assetPath === undefined) throw new Error(`${logicalId} has no aws:asset:path metadata`);
    const bundle = path.join(outDir, assetPath, 'index.mjs');
    const code = readFileSync(bundle);
    return {
      function: logicalId,
      'index.mjs': kib(code.byteLength),
      gzipped: kib(gzipSync(code).byteLength),
      'index.mjs.map': kib(statSync(`${bundle}.map`).size),
      asset: assetPath,
    };
  });
console.table(rows);
