// A V8 .cpuprofile (`node --cpu-prof`, or the bench's BENCH_CPU_PROFILE) boiled down to the frames that spent the
// most time themselves, and to the packages they belong to: what to look at first, without DevTools.
// `tsx test/bench/profile-summary.ts <file.cpuprofile> [frames]` prints both.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FrameTime {
  readonly frame: string;
  /** Share of the busy (not idle) time, in percent. */
  readonly busyPercent: number;
}

export interface ProfileSummary {
  readonly seconds: number;
  /** Share of the samples in which the thread had nothing to run. */
  readonly idlePercent: number;
  readonly frames: readonly FrameTime[];
  readonly packages: readonly FrameTime[];
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where a frame's code lives: a package name, a project file, a node: module, or V8's own "(garbage collector)". */
function placeOf(url: string, functionName: string): string {
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg?.[1] !== undefined) return pkg[1];
  if (path.startsWith(root)) return path.slice(root.length);
  if (path === '') return functionName.startsWith('(') ? functionName : '(native)';
  return path;
}

export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    total += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const place = placeOf(url, functionName);
    const frame =
      url === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} ${place}:${lineNumber + 1}`;
    frames.set(frame, (frames.get(frame) ?? 0) + micros);
    packages.set(place, (packages.get(place) ?? 0) + micros);
  }
  const busy = Math.max(total - idle, 1);
  const ranked = (times: Map<string, number>) =>
    [...times]
      .sort(([, a], [, b]) => b - a)
      .slice(0, top)
      .map(([frame, micros]) => ({ frame, busyPercent: Math.round((1000 * micros) / busy) / 10 }));
  return {
    seconds: Math.round(total / 1e4) / 100,
    idlePercent: Math.round((1000 * idle) / Math.max(total, 1)) / 10,
    frames: ranked(frames),
    packages: ranked(packages),
  };
}

export function formatSummary(summary: ProfileSummary): string {
  const lines = (rows: readonly FrameTime[]) =>
    rows.map(({ frame, busyPercent }) => `  ${busyPercent.toFixed(1).padStart(5)} %  ${frame}`);
  return [
    `${summary.seconds} s sampled, ${summary.idlePercent} % idle; self time, share of the busy time:`,
    ...lines(summary.frames),
    'by package or file:',
    ...lines(summary.packages),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (file === undefined) throw new Error('Usage: profile-summary.ts <file.cpuprofile> [frames]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(formatSummary(summarizeProfile(profile, Number(top ?? 25))));
}
