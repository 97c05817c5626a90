// Bundle size and cold init of each function beside the minimal bundle's (minimal-function.ts, built in the same
// run) and beside its floor, the bundle of nothing but the AWS clients its route may use: a fresh `node` process
// imports the bundle and answers one event, timed from the process's start to the answer. Rounds go through every
// bundle once, yardsticks included, so a slow patch of the machine falls on all of them alike; the median of the
// rounds per bundle, and its ratios to the minimal one's and to its floor's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wopiEvent } from './events';
import { type Bundle, invokeInFreshProcess, isYardstick, MINIMAL } from './functions';
import { median, round } from './stats';

export interface BundleResult {
  readonly bytes: number;
  /** infra/bundle-options.ts's budget for the function (test/infra/bundles.test.ts enforces it). */
  readonly budget_bytes: number | undefined;
  readonly cold_init_ms: number;
  /** cold_init_ms / the minimal bundle's: what the function costs at start (1 = nothing). */
  readonly ratio_to_minimal: number;
  /** The yardstick of the AWS clients it may use, and cold_init_ms / that one's: what its own code adds. */
  readonly floor: string;
  readonly ratio_to_floor: number;
}

export const COLD_START_ROUNDS = 11;

/** The functions that dispatch on X-WOPI-Override answer 400 without one, before the token: one of theirs each. */
const OVERRIDES: Readonly<Record<string, string>> = {
  'files-override': 'GET_LOCK',
  'containers-override': 'RENAME_CONTAINER',
  'ecosystem-override': 'GET_ROOT_CONTAINER',
};

/**
 * The event each function answers: a request with a token or key that does not verify, refused before any storage
 * call (the page and the OpenAPI document need neither and answer 200).
 */
function coldStartEvent(bundle: Bundle) {
  // The orphan sweep is scheduled, takes no event and lists the (small) emulator stores instead.
  if (answersWithoutToken(bundle)) return {};
  const override = OVERRIDES[bundle.name];
  const headers: Record<string, string> = {
    authorization: 'Bearer not-a-key',
    ...(override !== undefined && { 'x-wopi-override': override }),
  };
  return wopiEvent({ entry: bundle.name, fileId: 'bench-cold-start', token: 'not-a-token', headers });
}

const answersWithoutToken = (bundle: Bundle) => bundle.name === 'sweep-orphans' || isYardstick(bundle);
const PUBLIC = ['api-openapi', 'web-page'];
const expectedStatus = (bundle: Bundle) => (answersWithoutToken(bundle) || PUBLIC.includes(bundle.name) ? 200 : 401);

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
  for (let i = 0; i < COLD_START_ROUNDS; i++) {
    for (const bundle of bundles) {
      const run = await invokeInFreshProcess(bundle, eventFiles.get(bundle.name) ?? '', env);
      const expected = expectedStatus(bundle);
      if (run.statuses[0] !== expected) throw new Error(`${bundle.name} answered ${run.statuses[0]}, not ${expected}`);
      times.get(bundle.name)?.push(run.firstAnswerMs);
    }
  }
  const coldInit = (name: string) => median(times.get(name) ?? []);
  const results: Record<string, BundleResult> = {};
  for (const bundle of bundles) {
    results[bundle.name] = {
      bytes: bundle.bytes,
      budget_bytes: bundle.budgetBytes,
      cold_init_ms: round(coldInit(bundle.name), 0),
      ratio_to_minimal: round(coldInit(bundle.name) / coldInit(MINIMAL), 2),
      floor: bundle.floor,
      ratio_to_floor: round(coldInit(bundle.name) / coldInit(bundle.floor), 2),
    };
  }
  return results;
}
