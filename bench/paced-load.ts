/**
 * The paced phase of `npm run bench`: intake at a fixed rate (autocannon's overallRate), so that dispatch
 * latency is measured at a steady load instead of at the API's saturation, and a sampler that watches the
 * dispatch backlog (cases answered 201 and not yet `dispatched`) while the load runs.
 */
import autocannon from 'autocannon';
import type { Client } from 'pg';
import { pgRows } from '@hotline/database';
import { intakeRequest } from './bench-settings';

export interface PacedIntake {
  targetRate: number;
  seconds: number;
  casesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  created: number;
  non2xx: number;
  errors: number;
}

export interface BacklogSample {
  /** Seconds since the paced load started. */
  at: number;
  /** Cases still `received` (all earlier phases' cases are dispatched before this one starts). */
  waiting: number;
  /** Outbox rows not yet published to Redis. */
  outboxPending: number;
}

export interface BacklogVerdict {
  samples: BacklogSample[];
  firstQuarterMean: number;
  lastQuarterMean: number;
  max: number;
  /**
   * The worker falls behind when the backlog of the load's last quarter is more than twice that of its
   * first quarter, and larger by more than a second of load: a steady backlog (cases in flight) stays level.
   */
  growing: boolean;
}

/** Posts cases at `rate` per second for `seconds`, with enough connections that a slow answer does not lower the rate. */
export async function pacedIntake(
  apiUrl: string,
  token: string,
  rate: number,
  seconds: number,
  answered: Map<string, number>,
): Promise<PacedIntake> {
  const result = await autocannon({
    url: apiUrl,
    connections: 64,
    overallRate: rate,
    duration: seconds,
    requests: [intakeRequest(token, answered)],
  });
  return {
    targetRate: rate,
    seconds,
    casesPerSecond: Math.round(result['2xx'] / seconds),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    created: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Samples the backlog every `everyMs` until stop() is called; stop() returns the samples and the verdict. */
export function watchBacklog(db: Client, rate: number, everyMs = 2000): { stop: () => Promise<BacklogVerdict> } {
  const started = Date.now();
  const samples: BacklogSample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      if (stopped) break;
      const [row] = await pgRows<{ waiting: number; outboxPending: number }>(
        db,
        `SELECT (SELECT count(*)::int FROM cases WHERE status = 'received') AS waiting,
                (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS "outboxPending"`,
      );
      samples.push({ at: Math.round((Date.now() - started) / 100) / 10, ...row });
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return backlogVerdict(samples, rate);
    },
  };
}

export function backlogVerdict(samples: BacklogSample[], rate: number): BacklogVerdict {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (list: BacklogSample[]) => (list.length ? list.reduce((n, s) => n + s.waiting, 0) / list.length : 0);
  const firstQuarterMean = Math.round(mean(samples.slice(0, quarter)));
  const lastQuarterMean = Math.round(mean(samples.slice(-quarter)));
  return {
    samples,
    firstQuarterMean,
    lastQuarterMean,
    max: Math.max(0, ...samples.map((s) => s.waiting)),
    growing: lastQuarterMean > 2 * firstQuarterMean && lastQuarterMean - firstQuarterMean > Math.max(rate, 20),
  };
}
