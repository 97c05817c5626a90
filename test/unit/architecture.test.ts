// The import direction the STYLE asks for: entry -> http + domain; domain -> nothing but itself; only adapters
// (and the never-deployed local/ tools, and wiring/ for types) know the AWS SDK; each deployed entry loads only
// what its route uses; the CDK app reads lambda/'s tables and constants without loading the SDK.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routes } from '../../lambda/routes';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lambdaDir = join(root, 'lambda');
const infraDir = join(root, 'infra');

interface Import {
  /** Path of the importing file, relative to the repository, with forward slashes. */
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

// Static imports and re-exports (`import x from '...'`, `import type ...`, `export ... from '...'`, bare
// `import '...'`), dynamic `import('...')`, `require('...')`, and module declarations in .d.ts files.
const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"`]([^'"`]+)['"`]|\brequire\s*\(\s*['"]([^'"]+)['"]|declare\s+module\s+['"]([^'"]+)['"]/g;

function importsOf(path: string): Import[] {
  const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const file = relative(root, path).split('\\').join('/');
  return [...text.matchAll(importPattern)].map((match) => ({
    file,
    specifier: (match[2] ?? match[3] ?? match[4] ?? match[5]) as string,
    typeOnly: match[1] !== undefined,
  }));
}

const allImports = [...sourceFiles(lambdaDir), ...sourceFiles(infraDir)].flatMap(importsOf);

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** The repository-relative path a relative import points at. */
function target(imp: Import): string {
  return relative(root, resolve(root, dirname(imp.file), imp.specifier))
    .split('\\')
    .join('/');
}

function describeImport(imp: Import): string {
  return `${imp.file} imports ${imp.typeOnly ? 'type ' : ''}'${imp.specifier}'`;
}

describe('architecture', () => {
  it('finds the imports it checks (the scanner itself works)', () => {
    // Prepare
    const known = { file: 'lambda/adapters/dynamo-file-store.ts', specifier: '@aws-sdk/lib-dynamodb' };
    // Act
    const found = allImports.some((imp) => imp.file === known.file && imp.specifier === known.specifier);
    // Assess
    expect(found).toBe(true);
  });

  it('lambda/domain imports nothing outside lambda/domain except node: builtins (no AWS, HTTP, Lambda, middy, jose)', () => {
    // Prepare
    const domainImports = allImports.filter((imp) => imp.file.startsWith('lambda/domain/'));
    // Act
    const outside = domainImports.filter((imp) =>
      isRelative(imp.specifier) ? !target(imp).startsWith('lambda/domain/') : !imp.specifier.startsWith('node:'),
    );
    // Assess
    expect(outside.map(describeImport)).toEqual([]);
  });

  it('only lambda/adapters/, lambda/local/ and lambda/wiring/ import @aws-sdk/*', () => {
    // Prepare
    const allowed = (file: string) =>
      file.startsWith('lambda/adapters/') || file.startsWith('lambda/local/') || file.startsWith('lambda/wiring/');
    // Act
    const elsewhere = allImports.filter((imp) => imp.specifier.startsWith('@aws-sdk/') && !allowed(imp.file));
    // Assess
    expect(elsewhere.map(describeImport)).toEqual([]);
  });

  it('lambda/wiring/ imports only types from @aws-sdk/*: the clients are made in lambda/adapters/', () => {
    // Prepare
    const wiring = allImports.filter((imp) => imp.file.startsWith('lambda/wiring/'));
    // Act
    const valueImports = wiring.filter((imp) => imp.specifier.startsWith('@aws-sdk/') && !imp.typeOnly);
    // Assess
    expect(valueImports.map(describeImport)).toEqual([]);
  });

  it('lambda/http/ takes its stores from the entry: it imports nothing from lambda/wiring/', () => {
    // Act
    const wired = allImports.filter(
      (imp) =>
        imp.file.startsWith('lambda/http/') && isRelative(imp.specifier) && target(imp).startsWith('lambda/wiring/'),
    );
    // Assess
    expect(wired.map(describeImport)).toEqual([]);
  });

  it('nothing under lambda/ imports infra/: the route table and table schema live in lambda/', () => {
    // Act
    const intoInfra = allImports.filter(
      (imp) => imp.file.startsWith('lambda/') && isRelative(imp.specifier) && target(imp).startsWith('infra/'),
    );
    // Assess
    expect(intoInfra.map(describeImport)).toEqual([]);
  });

  it('lambda/functions/ holds exactly the deployed entries: one per route-table row, and the orphan sweep', () => {
    // Prepare
    const expected = new Set([...routes.map((route) => route.entry), 'sweep-orphans']);
    // Act
    const present = readdirSync(join(lambdaDir, 'functions')).map((name) => name.replace(/\.ts$/, ''));
    // Assess
    expect(new Set(present)).toEqual(expected);
  });

  it('nothing a deployed function loads comes from lambda/local/, lambda/cli/, lambda/wiring/all.ts or test/', () => {
    // Prepare
    const entries = readdirSync(join(lambdaDir, 'functions')).map((name) => `lambda/functions/${name}`);
    // Act
    const loaded = importClosure(entries);
    // Assess
    const neverDeployed = (file: string) =>
      file.startsWith('lambda/local/') ||
      file.startsWith('lambda/cli/') ||
      file === 'lambda/wiring/all.ts' ||
      file.startsWith('test/');
    expect(loaded.filter(neverDeployed)).toEqual([]);
  });

  it.each(routes.map((route) => [route.entry, route] as const))(
    '%s loads the S3 adapter only if its route may touch the bucket, so a function that never touches S3 carries no S3 client',
    (_entry, route) => {
      // Act
      const loaded = importClosure([`lambda/functions/${route.entry}.ts`]);
      const loadsS3 = loaded.some((file) => file.startsWith('lambda/adapters/s3-'));
      // Assess
      expect(loadsS3).toBe(route.grants.bucket !== undefined);
    },
  );

  it.each(routes.map((route) => [route.entry, route] as const))(
    '%s loads the signing key wiring only if its row grants the signing key',
    (_entry, route) => {
      // Act
      const loaded = importClosure([`lambda/functions/${route.entry}.ts`]);
      const loadsKey = loaded.includes('lambda/wiring/token-secret.ts');
      // Assess
      expect(loadsKey).toBe(route.grants.tokenSecret);
    },
  );

  it('the CDK app (infra/) loads nothing that imports @aws-sdk/*: it reads routes, key prefixes and schema as plain data', () => {
    // Prepare
    const infraFiles = allImports.map((imp) => imp.file).filter((file) => file.startsWith('infra/'));
    // Act
    const loaded = new Set(importClosure(infraFiles));
    const sdkImports = allImports.filter((imp) => loaded.has(imp.file) && imp.specifier.startsWith('@aws-sdk/'));
    // Assess
    expect(sdkImports.map(describeImport)).toEqual([]);
  });
});

/** Every repository file reachable from `files` through relative imports. */
function importClosure(files: readonly string[]): string[] {
  const byFile = new Map<string, Import[]>();
  for (const imp of allImports) byFile.set(imp.file, [...(byFile.get(imp.file) ?? []), imp]);
  const seen = new Set<string>();
  const queue = [...files];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of byFile.get(file) ?? []) {
      if (!isRelative(imp.specifier)) continue;
      const path = target(imp);
      const candidates = [path, `${path}.ts`, `${path}/index.ts`];
      const found = candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(join(root, candidate)));
      if (found !== undefined) queue.push(found);
    }
  }
  return [...seen];
}
