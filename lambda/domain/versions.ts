// Which earlier contents a file keeps after a save: the latest few by count, and by time one per hour for the last
// day and one per day for the last month, so no burst of saves can push yesterday's document out of the history.
import type { FileVersion } from './file-record';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface KeepSchedule {
  /** The latest this many earlier versions are always kept (WOPI_VERSIONS_KEPT). */
  readonly latest: number;
  /** One version per hour for this long, */
  readonly hourlyForMs: number;
  /** and one per day for this long. */
  readonly dailyForMs: number;
}

export const DEFAULT_SCHEDULE: KeepSchedule = { latest: 10, hourlyForMs: DAY_MS, dailyForMs: 30 * DAY_MS };

/**
 * The versions (oldest first) the schedule keeps at `now`: per hour (UTC) and per day (UTC), the newest version
 * saved in it, which is what the document was when that hour or day ended. At most latest + 24 + 30 entries, so the
 * item stays far below DynamoDB's 400 KB.
 */
export function keptVersions(history: readonly FileVersion[], now: number, schedule: KeepSchedule): FileVersion[] {
  const kept = new Set(history.slice(Math.max(0, history.length - schedule.latest)));
  const newestPer = (bucketMs: number, forMs: number) => {
    const newest = new Map<number, FileVersion>();
    for (const version of history) {
      if (now - version.modifiedAt >= forMs) continue;
      const bucket = Math.floor(version.modifiedAt / bucketMs);
      const current = newest.get(bucket);
      if (current === undefined || version.version > current.version) newest.set(bucket, version);
    }
    for (const version of newest.values()) kept.add(version);
  };
  newestPer(HOUR_MS, schedule.hourlyForMs);
  newestPer(DAY_MS, schedule.dailyForMs);
  return history.filter((version) => kept.has(version));
}
