// One pair of emulators for the whole test run: vitest's globalSetup starts them in their own process and hands
// their endpoints to the test files, where each test host makes a table and a bucket of its own on them.
// Once per run, not per worker: each test file runs in a fresh worker process, so a worker's emulators would be
// a file's emulators again.
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import type { EmulatorEndpoints } from '../../lambda/local/data-folder-lock';
import { type Emulators, startEmulators } from '../../lambda/local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    emulators: EmulatorEndpoints;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulators = await startEmulators({});
  project.provide('emulators', { dynamodbEndpoint: emulators.dynamodbEndpoint, s3Endpoint: emulators.s3Endpoint });
  return () => emulators.close();
}

/**
 * The run's emulators, which stay up when the caller closes them; outside vitest (the bench runs test hosts
 * too) a pair of the caller's own.
 */
export async function testEmulators(): Promise<Emulators> {
  // inject() throws outside a vitest worker, and VITEST is set in every worker.
  const shared = process.env.VITEST ? inject('emulators') : undefined;
  return shared ? { ...shared, close: async () => {} } : startEmulators({});
}
