// domain/versions.ts keptVersions: which earlier contents a file keeps after a save, by count and by a time-thinned
// schedule (the latest N; per UTC hour for a day, per UTC day for 30 days, the newest version in each).
import { describe, expect, it } from 'vitest';
import type { FileVersion } from '../../lambda/domain/file-record';
import { DEFAULT_SCHEDULE, type KeepSchedule, keptVersions } from '../../lambda/domain/versions';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const today = Date.UTC(2026, 2, 10, 0, 0, 0);

function version(number: number, modifiedAt: number): FileVersion {
  return { version: number, contentKey: `files/f/${number}`, size: 1, sha256: '', modifiedAt, modifiedBy: 'u' };
}

/** Versions 1, 2, ... saved at these instants, oldest first. */
function historyAt(...instants: number[]): FileVersion[] {
  return instants.map((at, i) => version(i + 1, at));
}

const numbers = (versions: readonly FileVersion[]) => versions.map((v) => v.version);

/** Only the count: the time windows are shorter than any gap in these histories. */
const byCount = (latest: number): KeepSchedule => ({ latest, hourlyForMs: 0, dailyForMs: 0 });

describe('keptVersions', () => {
  it('keeps "the latest 10" by count, oldest first', () => {
    // Prepare
    const history = historyAt(...Array.from({ length: 15 }, (_, i) => today + i * DAY));
    // Act
    const kept = keptVersions(history, today + 20 * DAY, byCount(10));
    // Assess
    expect(numbers(kept)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('keeps everything while there are no more than the latest N', () => {
    // Prepare
    const history = historyAt(today, today + MINUTE, today + 2 * MINUTE);
    // Act
    const kept = keptVersions(history, today + 3 * MINUTE, byCount(10));
    // Assess
    expect(kept).toEqual(history);
  });

  it('keeps "one version per hour for the last day": the newest saved in each UTC hour of the last 24 hours', () => {
    // Prepare: three saves an hour, at :10, :20 and :50, for 30 hours.
    const instants = Array.from({ length: 30 }, (_, hour) => [10, 20, 50].map((m) => today + hour * HOUR + m * MINUTE));
    const history = historyAt(...instants.flat());
    const now = today + 30 * HOUR;
    const schedule = { latest: 1, hourlyForMs: DAY, dailyForMs: 0 };
    // Act
    const kept = keptVersions(history, now, schedule);
    // Assess: the :50 save of each of the hours 6 to 29 (hour 6 began 24 hours before now).
    const expected = Array.from({ length: 24 }, (_, i) => (6 + i) * 3 + 3);
    expect(numbers(kept)).toEqual(expected);
  });

  it('takes the hours in UTC: a save at 10:59:59.999 and one at 11:00 are in two hours', () => {
    // Prepare
    const history = historyAt(today + 10 * HOUR - 1, today + 10 * HOUR, today + 10 * HOUR + MINUTE);
    const schedule = { latest: 1, hourlyForMs: DAY, dailyForMs: 0 };
    // Act
    const kept = keptVersions(history, today + 12 * HOUR, schedule);
    // Assess
    expect(numbers(kept)).toEqual([1, 3]);
  });

  it('keeps "one per day for the last 30 days": the newest saved in each UTC day, and nothing older', () => {
    // Prepare: saves at 08:00 and 20:00 on each of 40 days.
    const instants = Array.from({ length: 40 }, (_, day) => [8, 20].map((h) => today + day * DAY + h * HOUR));
    const history = historyAt(...instants.flat());
    const now = today + 40 * DAY;
    const schedule = { latest: 1, hourlyForMs: 0, dailyForMs: 30 * DAY };
    // Act
    const kept = keptVersions(history, now, schedule);
    // Assess: the 20:00 save of days 10 to 39 (day 10 began 30 days before now).
    expect(numbers(kept)).toEqual(Array.from({ length: 30 }, (_, i) => (10 + i) * 2 + 2));
  });

  it('"no burst of saves can push out yesterday\'s document": 50 saves today keep yesterday\'s last version', () => {
    // Prepare: the owner's original two days ago, an editor's version yesterday, then 50 saves this morning.
    const original = today - 2 * DAY + 15 * HOUR;
    const yesterday = today - DAY + 16 * HOUR;
    const burst = Array.from({ length: 50 }, (_, i) => today + 9 * HOUR + i * MINUTE);
    let history: FileVersion[] = [];
    const saves = historyAt(original, yesterday, ...burst);
    // Act: each save thins the list it found, as saveFile does.
    for (const [i, save] of saves.entries()) {
      if (i > 0) history = keptVersions([...history, saves[i - 1] as FileVersion], save.modifiedAt, DEFAULT_SCHEDULE);
    }
    // Assess
    expect(numbers(history)).toEqual(expect.arrayContaining([1, 2]));
    expect(numbers(history).slice(-10)).toEqual([42, 43, 44, 45, 46, 47, 48, 49, 50, 51]);
  });

  it('never keeps more than latest + 24 + 30 versions, so the item stays within its size bound', () => {
    // Prepare: a save every 5 minutes (and some seconds) for 40 days.
    let history: FileVersion[] = [];
    let previous = version(1, today);
    let longest = 0;
    // Act
    for (let n = 2; n < 40 * 24 * 12; n++) {
      const at = previous.modifiedAt + 5 * MINUTE + (n % 7) * 1000;
      history = keptVersions([...history, previous], at, DEFAULT_SCHEDULE);
      longest = Math.max(longest, history.length);
      previous = version(n, at);
    }
    // Assess
    expect(longest).toBeLessThanOrEqual(DEFAULT_SCHEDULE.latest + 24 + 30);
    expect(longest).toBeGreaterThan(DEFAULT_SCHEDULE.latest + 24);
  });
});
