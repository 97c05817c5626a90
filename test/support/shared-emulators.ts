// The test run's emulators: vitest's globalSetup starts them once, in processes of their own, and hands their
// endpoints to the test files, where each test host makes a table and a bucket of its own on them.
// One emulator process per worker slot (VITEST_POOL_ID), not one for the run: files that run at the same time
// then never share an emulator, which would be their bottleneck and would stretch the re-read that follows a
// refused write on dynalite (adapters/dynamo-file-store.ts) enough to break linearizability.test.ts. Not one
// per worker either: each test file runs in a fresh worker, so that would be one per file again.
import { availableParallelism } from 'node:os';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import type { EmulatorEndpoints } from '../../lambda/local/data-folder-lock';
import { type Emulators, startEmulators } from '../../lambda/local/emulators';
import { generateAssets } from '../../web/build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Index: VITEST_POOL_ID - 1. */
    emulators: EmulatorEndpoints[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // What the entries import from lambda/generated/, for a vitest run that did not come through npm test.
  await generateAssets();
  // vitest's own default for `vitest run` when maxWorkers is not set.
  const slots = project.config.maxWorkers ?? Math.max(availableParallelism() - 1, 1);
  const pool = await Promise.all(Array.from({ length: slots }, () => startEmulators({})));
  project.provide(
    'emulators',
    pool.map(({ dynamodbEndpoint, s3Endpoint }) => ({ dynamodbEndpoint, s3Endpoint })),
  );
  return async () => {
    await Promise.all(pool.map((emulators) => emulators.close()));
  };
}

/**
 * This worker slot's emulators, which stay up when the caller closes them; outside vitest (the bench runs test
 * hosts too) a pair of the caller's own.
 */
export async function testEmulators(): Promise<Emulators> {
  // inject() throws outside a vitest worker, and VITEST is set in every worker.
  const pool = process.env.VITEST ? inject('emulators') : undefined;
  if (pool === undefined || pool.length === 0) return startEmulators({});
  const slot = Number(process.env.VITEST_POOL_ID ?? 1) - 1;
  return { ...(pool[slot % pool.length] as EmulatorEndpoints), close: async () => {} };
}
