/**
 * Every queue and job the processes exchange, in one place: for each job its payload type, its queue and
 * its id rule. The worker's handler table (job-handlers.ts) is keyed by the same names.
 *
 * RENAMING A QUEUE OR JOB, OR CHANGING AN ID RULE, BREAKS WORK ALREADY QUEUED: jobs in Redis and rows in
 * the outbox carry these strings. Add new names; retire old ones only after their queues have drained.
 */
export const QUEUE_NAMES = ['dispatch', 'sla', 'notify', 'stats', 'upstream'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** One payload type per job. Payloads carry ids, never copies: the processor reloads the row. */
export interface JobPayloads {
  /** Apply the routing rules to a freshly received case. `version` is the case version at intake. */
  'route-case': { caseId: string; version: number };
  /** Fires at a stage's warning time; `deadline` (ISO) names the stage deadline it belongs to. */
  'sla-warning': SlaTimerPayload;
  /** Fires at a stage's deadline. */
  'sla-breach': SlaTimerPayload;
  /** Fires when a suspension (挂起) reaches the policy's maximum: the clock resumes unless it already has. */
  'sla-resume': { caseId: string; suspensionId: string };
  /** Delivers one `notifications` row (webhook when the department has one, else the inbox). */
  'deliver-notification': { notificationId: string };
  /** Re-derive a case's statistics from its history; `eventId` is the last event of the commit that asked. */
  'project-case-stats': { caseId: string; eventId: string };
  /**
   * Deliver an upstream order's reports up to `seq`, in seq order. Written by the database trigger
   * `upstream_report_intent` (migration UpstreamPlatform) and by a supervisor's retry of a dead letter;
   * `round` counts those retries, so a retried report is a new job.
   */
  'deliver-upstream-report': { orderId: string; seq: number; round: number };
}

export type SlaTimerPayload = {
  caseId: string;
  stage: string;
  deadline: string;
};
export type JobName = keyof JobPayloads;
export type JobPayload<N extends JobName> = JobPayloads[N];

/** What the table says of one job: the queue that carries it and its id rule. */
export interface JobRule<N extends JobName> {
  readonly queue: QueueName;
  /**
   * The deterministic job id (BullMQ ignores an add whose id exists), derived from the case and its
   * version so that the same intent published twice is one job. BullMQ forbids ':' in custom ids.
   */
  jobId(payload: JobPayload<N>): string;
}

const slaTimerId =
  (name: 'sla-warning' | 'sla-breach') =>
  // Derived from the deadline, so a moved deadline is a new timer and the old one can be withdrawn by id.
  (p: SlaTimerPayload): string =>
    `${name}.${p.caseId}.${p.stage}.${new Date(p.deadline).getTime()}`;

/** The job table. A job name without a queue or an id rule, or a rule for an unknown name, does not compile. */
export const JOBS = {
  'route-case': { queue: 'dispatch', jobId: (p) => `route-case.${p.caseId}.v${p.version}` },
  'sla-warning': { queue: 'sla', jobId: slaTimerId('sla-warning') },
  'sla-breach': { queue: 'sla', jobId: slaTimerId('sla-breach') },
  'sla-resume': { queue: 'sla', jobId: (p) => `sla-resume.${p.caseId}.${p.suspensionId}` },
  'deliver-notification': { queue: 'notify', jobId: (p) => `deliver-notification.${p.notificationId}` },
  'project-case-stats': { queue: 'stats', jobId: (p) => `project-case-stats.${p.caseId}.e${p.eventId}` },
  // THE TRIGGER upstream_report_intent WRITES THIS ID ITSELF: change both together.
  'deliver-upstream-report': {
    queue: 'upstream',
    jobId: (p) => `deliver-upstream-report.${p.orderId}.s${p.seq}.r${p.round}`,
  },
} as const satisfies { readonly [N in JobName]: JobRule<N> };

/** The names of the jobs a queue carries, e.g. `JobNameOf<'sla'>` is `'sla-warning' | 'sla-breach'`. */
export type JobNameOf<Q extends QueueName> = {
  [N in JobName]: (typeof JOBS)[N]['queue'] extends Q ? N : never;
}[JobName];

/** The table seen per name, so that a lookup by a generic name keeps its payload type. */
const RULES: { readonly [N in JobName]: JobRule<N> } = JOBS;

/** The job names a queue carries, in table order. */
export function jobNamesOf<Q extends QueueName>(queue: Q): JobNameOf<Q>[] {
  return (Object.keys(JOBS) as JobName[]).filter((name): name is JobNameOf<Q> => JOBS[name].queue === queue);
}

/** The job's deterministic id, by its rule in the table. */
export function jobIdFor<N extends JobName>(name: N, payload: JobPayload<N>): string {
  return RULES[name].jobId(payload);
}

export interface QueueSettings {
  attempts: number;
  backoffMs: number;
  concurrency: number;
  /** How long a worker may hold a job before it counts as stalled and another worker takes it. */
  lockDurationMs: number;
  /** Completed jobs are kept this long so that a re-published job id is still recognised as done. */
  keepCompletedSeconds: number;
}

/** Per-queue settings; a queue without settings does not compile. */
export const QUEUE_SETTINGS: { readonly [Q in QueueName]: QueueSettings } = {
  // Routing a case is a dozen round trips to PostgreSQL, mostly waiting: at 8 at a time one worker's backlog
  // grew under the bench's load while its CPU profile showed it idle half the time.
  dispatch: { attempts: 8, backoffMs: 1000, concurrency: 16, lockDurationMs: 30_000, keepCompletedSeconds: 24 * 3600 },
  // Timers are cheap checks; a failed one is retried, and the sweep covers one that is lost for good.
  sla: { attempts: 8, backoffMs: 1000, concurrency: 8, lockDurationMs: 30_000, keepCompletedSeconds: 24 * 3600 },
  // Webhooks of departments can be down for a while: 10 attempts with exponential backoff span ~17 min.
  notify: { attempts: 10, backoffMs: 1000, concurrency: 8, lockDurationMs: 30_000, keepCompletedSeconds: 24 * 3600 },
  stats: { attempts: 10, backoffMs: 1000, concurrency: 4, lockDurationMs: 30_000, keepCompletedSeconds: 3600 },
  // The city platform can be down for a while: 12 attempts with exponential backoff span ~68 min, after
  // which the order lands in the dead-letter list for a supervisor's retry.
  upstream: { attempts: 12, backoffMs: 1000, concurrency: 4, lockDurationMs: 30_000, keepCompletedSeconds: 24 * 3600 },
};

/**
 * The options every job of a queue is added with: retries with exponential backoff, and how long
 * finished jobs are kept. Jobs are added by the outbox relay, so these must travel with each add (a
 * queue's defaults apply only to adds made through that Queue instance).
 */
export function jobOptionsFor(queue: QueueName) {
  const settings = QUEUE_SETTINGS[queue];
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential' as const, delay: settings.backoffMs },
    removeOnComplete: { age: settings.keepCompletedSeconds },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
