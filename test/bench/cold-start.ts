// Bundle size and cold init of each function beside the minimal bundle's (minimal-function.ts, built in the same
// run): a fresh `node` process imports the bundle and answers one event, timed from the process's start to the
// answer. Rounds go through every bundle once, minimal included, so a slow patch of the machine falls on all of
// them alike; the median of the rounds per bundle, and its ratio to the minimal one's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wopiEvent } from './events';
import { type Bundle, invokeInFreshProcess, MINIMAL } from './functions';
import { median, round } from './stats';

export interface BundleResult {
  readonly bytes: number;
  /** infra/bundle-options.ts's budget for the function (test/infra/bundles.test.ts enforces it). */
  readonly budget_bytes: number | undefined;
  readonly cold_init_ms: number;
  /** cold_init_ms / the minimal bundle's: what the function's own code costs at start (1 = nothing). */
  readonly ratio_to_minimal: number;
}

const ROUNDS = 7;

/** The event each function answers: a request with a token that does not verify (401), so no storage call is made. */
function coldStartEvent(bundle: Bundle) {
  // The orphan sweep is scheduled, takes no event and lists the (small) emulator stores instead.
  if (bundle.name === 'sweep-orphans' || bundle.name === MINIMAL) return {};
  const headers: Record<string, string> = bundle.name === 'files-override' ? { 'x-wopi-override': 'GET_LOCK' } : {};
  return wopiEvent({ entry: bundle.name, fileId: 'bench-cold-start', token: 'not-a-token', headers });
}

const expectedStatus = (bundle: Bundle) => (bundle.name === 'sweep-orphans' || bundle.name === MINIMAL ? 200 : 401);

export async function benchColdStarts(
  bundles: readonly Bundle[],
  workDir: string,
  env: Record<string, string>,
): Promise<Record<string, BundleResult>> {
  const times = new Map<string, number[]>(bundles.map((bundle) => [bundle.name, []]));
  const eventFiles = new Map<string, string>();
  for (const bundle of bundles) {
    const eventFile = join(workDir, `${bundle.name}.cold-start.json`);
    writeFileSync(eventFile, JSON.stringify(coldStartEvent(bundle)));
    eventFiles.set(bundle.name, eventFile);
  }
  for (let i = 0; i < ROUNDS; i++) {
    for (const bundle of bundles) {
      const run = await invokeInFreshProcess(bundle, eventFiles.get(bundle.name) ?? '', env);
      const expected = expectedStatus(bundle);
      if (run.statuses[0] !== expected) throw new Error(`${bundle.name} answered ${run.statuses[0]}, not ${expected}`);
      times.get(bundle.name)?.push(run.firstAnswerMs);
    }
  }
  const minimal = median(times.get(MINIMAL) ?? []);
  const results: Record<string, BundleResult> = {};
  for (const bundle of bundles) {
    const coldInit = median(times.get(bundle.name) ?? []);
    results[bundle.name] = {
      bytes: bundle.bytes,
      budget_bytes: bundle.budgetBytes,
      cold_init_ms: round(coldInit, 0),
      ratio_to_minimal: round(coldInit / minimal, 2),
    };
  }
  return results;
}
