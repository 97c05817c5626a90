// CPU time per process over a run: this process (the clients, or the bare SDK clients of the raw calls), the
// server's, and the emulators'. It says which one is the floor: on a machine shared with other work, CPU time per
// call moves much less than calls per second.
import { readdirSync, readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import type { BenchHost } from './bench-host';
import { round } from './stats';

/** Milliseconds of CPU per call, by process. */
export interface CpuPerCall {
  readonly client: number;
  readonly server: number;
  /** dynalite and s3rver, in their one process; undefined where /proc cannot be read (not Linux). */
  readonly emulators: number | undefined;
}

interface Reading {
  readonly client: number;
  readonly server: number;
  readonly emulators: number | undefined;
}

/** The emulator processes this process started (emulators.ts forks emulator-process.mjs). */
function emulatorPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const parent = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
          return parent === String(process.pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('emulator');
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** User + system seconds of a process, from /proc/<pid>/stat (in clock ticks, 100 per second on Linux). */
function procSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function read(host: BenchHost, emulators: readonly number[]): Promise<Reading> {
  const { user, system } = cpuUsage();
  return {
    client: (user + system) / 1e6,
    server: await host.cpuSeconds(),
    emulators: emulators.length === 0 ? undefined : emulators.reduce((sum, pid) => sum + procSeconds(pid), 0),
  };
}

/** Measures `run`, which makes `calls` calls; its result and the CPU each process spent per call. */
export async function withCpu<T>(
  host: BenchHost,
  calls: number,
  run: () => Promise<T>,
): Promise<{ result: T; cpu: CpuPerCall }> {
  const emulators = emulatorPids();
  const before = await read(host, emulators);
  const result = await run();
  const after = await read(host, emulators);
  const perCall = (seconds: number) => round((1000 * seconds) / calls, 3);
  return {
    result,
    cpu: {
      client: perCall(after.client - before.client),
      server: perCall(after.server - before.server),
      emulators:
        after.emulators === undefined || before.emulators === undefined
          ? undefined
          : perCall(after.emulators - before.emulators),
    },
  };
}
