// The retry policy of one request: go on until its time is up, pausing a little longer each attempt, jittered,
// so concurrent writers that keep meeting spread out instead of colliding in step.
import type { Retry } from '../domain/retry';

const FIRST_PAUSE_MS = 2;
// Fifty racing saves need their attempts spread over about a second to stop meeting (at 200 ms, 50 concurrent
// saves by one lock holder on the emulator still ran out of time); a lone retry never waits this long.
const LONGEST_PAUSE_MS = 1000;

export function deadlineRetry(budgetMs: number, startedAt: number = performance.now()): Retry {
  const deadline = startedAt + budgetMs;
  return {
    canRetry: () => performance.now() < deadline,
    pause: (attempt) => {
      const ceiling = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.min(attempt, 10));
      const wait = Math.min(Math.random() * ceiling, Math.max(0, deadline - performance.now()));
      return new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}
