// Bundle size and cold start of each function: a fresh `node` process imports the bundle and answers one
// event, timed from the process's start to the answer; the median of several processes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wopiEvent } from './events';
import { type Bundle, invokeInFreshProcess } from './functions';
import { median, round } from './stats';

export interface BundleResult {
  readonly bytes: number;
  readonly cold_init_ms: number;
}

const PROCESSES = 5;

/** The event each function answers: a request with a token that does not verify (401), so no storage call is made. */
function coldStartEvent(bundle: Bundle) {
  // The orphan sweep is scheduled, takes no event and lists the (small) emulator stores instead.
  if (bundle.name === 'sweep-orphans') return {};
  const headers: Record<string, string> = bundle.name === 'files-override' ? { 'x-wopi-override': 'GET_LOCK' } : {};
  return wopiEvent({ entry: bundle.name, fileId: 'bench-cold-start', token: 'not-a-token', headers });
}

export async function benchColdStarts(
  bundles: readonly Bundle[],
  workDir: string,
  env: Record<string, string>,
): Promise<Record<string, BundleResult>> {
  const results: Record<string, BundleResult> = {};
  for (const bundle of bundles) {
    const eventFile = join(workDir, `${bundle.name}.cold-start.json`);
    writeFileSync(eventFile, JSON.stringify(coldStartEvent(bundle)));
    const times: number[] = [];
    for (let i = 0; i < PROCESSES; i++) {
      const run = await invokeInFreshProcess(bundle, eventFile, env);
      const expected = bundle.name === 'sweep-orphans' ? 200 : 401;
      if (run.statuses[0] !== expected) throw new Error(`${bundle.name} answered ${run.statuses[0]}, not ${expected}`);
      times.push(run.firstAnswerMs);
    }
    results[bundle.name] = { bytes: bundle.bytes, cold_init_ms: round(median(times), 0) };
  }
  return results;
}
