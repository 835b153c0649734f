/**
 * The business clock: the "now" that SLA decisions read (when a stage starts, whether a deadline has
 * passed). Injected rather than read from `new Date()` so that end-to-end tests can move time forward
 * and watch deadlines pass without waiting days. Row timestamps (event `at`, `updated_at`) stay the
 * database's own `now()`: they record when something happened, not what the calendar says.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** Wall-clock time; what every process uses outside tests. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * Real time shifted by an offset that tests move forward. It keeps running (unlike a frozen clock), so
 * code that waits or compares timestamps taken a moment apart behaves as in production.
 */
export class ManualClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Jumps so that `now()` reads `at` (and runs on from there). */
  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}
