import { Injectable } from '@nestjs/common';
import { HealthRegistry, type ComponentReport } from '@hotline/health';
import { HotlineMetrics } from './hotline-metrics';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

type Details = Record<string, unknown>;

/**
 * The gauges read at scrape time rather than kept up to date on any hot path: queue depths and failed
 * jobs, the outbox backlog and the health components, all from one health report (the registry's
 * checks, each bounded by its timeout), so /metrics and /health/details never disagree. Concurrent
 * scrapes share one report.
 */
@Injectable()
export class HealthGauges {
  private reading: Promise<void> | null = null;

  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: HotlineMetrics,
  ) {}

  refresh(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  private async read(): Promise<void> {
    const { components } = await this.health.report();
    const { componentUp, componentDegraded, queueJobs, outboxPending, outboxOldestPending } = this.metrics;
    componentUp.reset();
    componentDegraded.reset();
    for (const [name, report] of Object.entries(components)) {
      componentUp.set({ component: name }, report.status === 'down' ? 0 : 1);
      componentDegraded.set({ component: name }, report.status === 'degraded' ? 1 : 0);
    }
    // A component that is down leaves its series out, rather than repeating the last values it read.
    queueJobs.reset();
    for (const [queue, counts] of Object.entries(upDetails(components.queues))) {
      if (!counts || typeof counts !== 'object') continue;
      for (const state of QUEUE_STATES) {
        const value = (counts as Details)[state];
        if (typeof value === 'number') queueJobs.set({ queue, state }, value);
      }
    }
    outboxPending.reset();
    outboxOldestPending.reset();
    const outbox = upDetails(components.outbox);
    if (typeof outbox.pending === 'number') outboxPending.set(outbox.pending);
    if (typeof outbox.oldestPendingSeconds === 'number') outboxOldestPending.set(outbox.oldestPendingSeconds);
  }
}

/** A component's details without its status, or nothing when it is down or absent. */
function upDetails(report: ComponentReport | undefined): Details {
  if (!report || report.status === 'down') return {};
  const { status: _status, ...details } = report;
  return details;
}
