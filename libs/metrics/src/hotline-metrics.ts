import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Buckets of request latency: a few milliseconds (a cached read) to ten seconds (an export). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Buckets of dispatch lag: the relay and router answer within a second or two; minutes mean a backlog or an outage. */
const LAG_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

export type NotificationDeliveryOutcome = 'ok' | 'failed' | 'fallback';

let runtimeRegistry: Registry | null = null;

/**
 * Node's runtime metrics (prom-client's defaults: CPU, memory, heap, event-loop lag, GC, handles),
 * collected once per process: they describe the process, and an API and a worker run in one process
 * in the tests would otherwise each install their own GC observer and event-loop monitor.
 */
function runtimeMetrics(): Registry {
  if (!runtimeRegistry) {
    runtimeRegistry = new Registry();
    collectDefaultMetrics({ register: runtimeRegistry });
  }
  return runtimeRegistry;
}

/**
 * Every metric an app exposes on /metrics, in one registry of its own (not prom-client's global one:
 * the tests run an API and a worker in one Node process). Names are `hotline_*`, plus prom-client's
 * Node runtime defaults (`process_*`, `nodejs_*`). Each process fills what it sees: the API its HTTP
 * requests and intakes, the worker its jobs; both read the queues, the outbox and the health components
 * at scrape time (HealthGauges). Labels take values from closed sets only (route templates, queue
 * names, outcomes), never ids or raw URLs, so the number of series stays bounded.
 */
@Injectable()
export class HotlineMetrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'hotline_http_request_duration_seconds',
    help: 'HTTP request latency by route template (the matched route, never the raw URL), method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly casesReceived = new Counter({
    name: 'hotline_cases_received_total',
    help: 'Cases taken in by this API process, by channel (open311 for every Open311 client) and kind',
    labelNames: ['channel', 'kind'] as const,
    registers: [this.registry],
  });

  readonly dispatchJobs = new Counter({
    name: 'hotline_dispatch_jobs_total',
    help: 'Automatic routing jobs finished by this worker, by outcome (dispatched, awaitingDispatcher, skipped)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly dispatchLag = new Histogram({
    name: 'hotline_dispatch_lag_seconds',
    help: 'From a case received to dispatched by the routing rules (outbox, queue and router together)',
    buckets: LAG_BUCKETS,
    registers: [this.registry],
  });

  readonly slaWarnings = new Counter({
    name: 'hotline_sla_warnings_total',
    help: 'SLA warnings recorded by this worker, by what detected them (timer or sweep)',
    labelNames: ['detected_by'] as const,
    registers: [this.registry],
  });

  readonly slaBreaches = new Counter({
    name: 'hotline_sla_breaches_total',
    help: 'SLA breaches recorded by this worker, by what detected them (timer or sweep)',
    labelNames: ['detected_by'] as const,
    registers: [this.registry],
  });

  readonly notificationDeliveries = new Counter({
    name: 'hotline_notification_deliveries_total',
    help: 'Notification deliveries: ok (webhook or inbox), failed (a webhook attempt that will be retried), fallback (inbox after the last webhook attempt)',
    labelNames: ['outcome', 'channel'] as const,
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'hotline_job_failures_total',
    help: 'Job attempts that failed in this worker, by queue (retried until their attempts run out)',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'hotline_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, failed, completed), read from Redis at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly outboxPending = new Gauge({
    name: 'hotline_outbox_pending',
    help: 'Intents committed but not yet published to the queues, read at scrape time',
    registers: [this.registry],
  });

  readonly outboxOldestPending = new Gauge({
    name: 'hotline_outbox_oldest_pending_seconds',
    help: 'Age of the oldest unpublished outbox intent (0 when none), read at scrape time',
    registers: [this.registry],
  });

  readonly componentUp = new Gauge({
    name: 'hotline_component_up',
    help: 'Health components of this process at scrape time: 1 up or degraded, 0 down (as /health/details)',
    labelNames: ['component'] as const,
    registers: [this.registry],
  });

  readonly componentDegraded = new Gauge({
    name: 'hotline_component_degraded',
    help: 'Health components that work but need attention (e.g. a calendar year only predicted): 1, else 0',
    labelNames: ['component'] as const,
    registers: [this.registry],
  });

  readonly contentType = this.registry.contentType;

  /** The text Prometheus reads: this app's metrics and the process's runtime metrics. */
  exposition(): Promise<string> {
    return Registry.merge([runtimeMetrics(), this.registry]).metrics();
  }
}
