// The build step `npm start`, `npm test` and `cdk synth` run first: the page's script and style bundled by esbuild,
// and the blank templates, written as string modules under lambda/generated/ that the entries import, so a Lambda
// bundle and the local server carry them with nothing else to copy or serve.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const generatedDir = join(root, 'lambda/generated');
const templatesDir = join(root, 'lambda/templates');

/** A CSP source for an inline script or style: 'sha256-<base64>' of its exact text. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

async function bundled(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'web', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'firefox115', 'safari16'],
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles.map((file) => file.text).join('');
}

function writeModule(name: string, header: string, body: string): void {
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(join(generatedDir, name), `// Written by web/build.ts; do not edit. ${header}\n${body}`);
}

export async function generateAssets(): Promise<void> {
  const [script, style] = await Promise.all([bundled('app.ts'), bundled('app.css')]);
  writeModule(
    'web-assets.ts',
    'The page at / inlines these, each allowed by its hash.',
    `export const script = ${JSON.stringify(script)};\nexport const scriptHash = ${JSON.stringify(cspHash(script))};\n` +
      `export const style = ${JSON.stringify(style)};\nexport const styleHash = ${JSON.stringify(cspHash(style))};\n`,
  );
  const templates = readdirSync(templatesDir)
    .filter((name) => name.startsWith('blank.'))
    .sort()
    .map(
      (name) =>
        `  [${JSON.stringify(name.slice('blank'.length))}, ${JSON.stringify(readFileSync(join(templatesDir, name)).toString('base64'))}],`,
    );
  writeModule(
    'templates.ts',
    'lambda/templates/blank.* by extension, base64.',
    `export const templatesBase64: ReadonlyMap<string, string> = new Map([\n${templates.join('\n')}\n]);\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await generateAssets();
