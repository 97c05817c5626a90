// A clock the tests move by hand, so lock expiry is tested without sleeping.
import type { Clock } from '../../lambda/domain/ports';

export class TestClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1, 9, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
