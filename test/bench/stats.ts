// Timing loops and the figures drawn from them; the bench prints these, no test asserts them.
import { performance } from 'node:perf_hooks';

export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
}

export interface Loop {
  readonly warmup: number;
  readonly iterations: number;
}

/** Calls per operation and per run, BENCH_ITERATIONS to change (2,000 by default); warm-up is a tenth of it. */
export function loopFromEnv(): Loop {
  const iterations = Number(process.env.BENCH_ITERATIONS || 2000);
  if (!Number.isSafeInteger(iterations) || iterations < 10) throw new Error('BENCH_ITERATIONS must be 10 or more');
  return { warmup: Math.ceil(iterations / 10), iterations };
}

/** A size the bench is told by an environment variable (a whole number ≥ 0; 0 skips what it sizes). */
export function countFromEnv(name: string, fallback: number): number {
  const count = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  return count;
}

/** A part of the bench that runs fewer calls than the main runs: 1/`divisor` of them, at least `least`. */
export function fewerCalls(loop: Loop, divisor: number, least: number): Loop {
  const iterations = Math.max(least, Math.ceil(loop.iterations / divisor));
  return { warmup: Math.ceil(iterations / 10), iterations };
}

export interface ConcurrentRun {
  /** Milliseconds per measured call, all clients together. */
  readonly samples: number[];
  /** Wall time of the measured calls, from the first one's start to the last one's end. */
  readonly seconds: number;
}

/**
 * Each step is one client, with its own connection and file; they run at once, each taking the next call until
 * `warmup` calls are done (unmeasured), then again for `iterations` measured calls, all clients together.
 */
export async function timeConcurrent(clients: readonly Step[], loop: Loop): Promise<ConcurrentRun> {
  const samples: number[] = [];
  const run = async (calls: number, measuring: boolean) => {
    let taken = 0;
    await Promise.all(
      clients.map(async (step) => {
        while (taken < calls) {
          const i = taken++;
          const start = performance.now();
          await step.call(i);
          if (measuring) samples.push(performance.now() - start);
        }
      }),
    );
  };
  await run(loop.warmup, false);
  const start = performance.now();
  await run(loop.iterations, true);
  return { samples, seconds: (performance.now() - start) / 1000 };
}

export interface Step {
  /** Untimed work before the timed call, e.g. the Lock an Unlock needs. */
  readonly before?: (i: number) => Promise<unknown>;
  readonly call: (i: number) => Promise<unknown>;
  /** Untimed work after it, e.g. the Unlock that lets the next Lock succeed. */
  readonly after?: (i: number) => Promise<unknown>;
  /** Runs around each measured (not warm-up) call, e.g. to count its storage requests. */
  readonly measured?: { readonly start: () => void; readonly end: () => void };
}

/** Runs `warmup` unmeasured then `iterations` measured calls, one at a time; milliseconds per measured call. */
export async function timeSequential(step: Step, loop: Loop): Promise<number[]> {
  const [samples = []] = await timeInterleaved([step], loop);
  return samples;
}

/**
 * Like timeSequential for several steps at once, taking turns call by call, so that a slow patch of the
 * machine (other processes, garbage collection) falls on all of them alike; samples per step, in order.
 */
export async function timeInterleaved(steps: readonly Step[], loop: Loop): Promise<number[][]> {
  const samples = steps.map((): number[] => []);
  for (let i = 0; i < loop.warmup + loop.iterations; i++) {
    const measuring = i >= loop.warmup;
    for (const [s, step] of steps.entries()) {
      await step.before?.(i);
      if (measuring) step.measured?.start();
      const start = performance.now();
      await step.call(i);
      const elapsed = performance.now() - start;
      if (measuring) {
        step.measured?.end();
        samples[s]?.push(elapsed);
      }
      await step.after?.(i);
    }
  }
  return samples;
}

export function latencyOf(samples: readonly number[]): Latency {
  if (samples.length === 0) throw new Error('No samples');
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least p% of the samples at or below it.
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: rank(50), p99: rank(99), mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length };
}

export function median(values: readonly number[]): number {
  return latencyOf(values).p50;
}

/** Rounded for the JSON and the table: enough digits to compare runs, not more than the noise allows. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Three significant digits, for figures that span orders of magnitude (MB/s from 1 KB to 4 MB bodies). */
export function significant(value: number, digits = 3): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}
