import type { Queue } from 'bullmq';
import { jobOptionsFor, type QueueName, withTimeout } from '@hotline/queues';

/** One outbox row to publish: add a job, or withdraw one published earlier. */
export interface OutboxIntent {
  id: string;
  queue: QueueName;
  jobName: string;
  jobId: string;
  payload: Record<string, unknown>;
  runAt: Date | null;
  action: 'add' | 'remove';
}

/** What a pass published, and where it stopped. */
export interface PublishResult {
  /** Ids of the rows Redis took. */
  done: string[];
  failure: {
    /** Ids of the rows left for the next pass, in order. */
    ids: string[];
    /** The row whose publish failed (its attempts are counted). */
    firstId: string;
    message: string;
  } | null;
}

/** The part of a BullMQ queue the relay uses. */
export type PublishQueue = Pick<Queue, 'addBulk' | 'remove'>;

/**
 * Publishes the rows in their order: each run of adds goes to Redis as one addBulk per queue, and a
 * withdrawal waits for the adds before it (a timer withdrawn in the batch that scheduled it is removed
 * after it was added, never before). Stops at the first failure (Redis is most likely down) and leaves
 * the rows not yet taken for the next pass. Re-publishing a row whose add did reach Redis is harmless:
 * its job id makes BullMQ ignore it. BullMQ answers 0 to the removal of a job that is gone or running
 * right now: both are fine, since a timer re-checks the case when it fires.
 */
export async function publishInOrder(
  rows: OutboxIntent[],
  queueFor: (name: QueueName) => PublishQueue | undefined,
  timeoutMs: number,
): Promise<PublishResult> {
  const done: string[] = [];
  const queueOf = (row: OutboxIntent): PublishQueue => {
    const queue = queueFor(row.queue);
    if (!queue) throw new Error(`unknown queue ${row.queue}`);
    return queue;
  };
  const publish = async (group: OutboxIntent[], step: () => Promise<unknown>): Promise<PublishResult['failure']> => {
    try {
      await withTimeout(step(), timeoutMs, 'Redis');
      done.push(...group.map((row) => row.id));
      return null;
    } catch (error) {
      const taken = new Set(done);
      const ids = rows.filter((row) => !taken.has(row.id)).map((row) => row.id);
      return { ids, firstId: group[0].id, message: (error as Error).message };
    }
  };
  for (const run of runsOf(rows)) {
    const steps =
      run.kind === 'remove'
        ? [{ group: [run.row], step: () => queueOf(run.row).remove(run.row.jobId) }]
        : groupByQueue(run.rows).map((group) => ({ group, step: () => queueOf(group[0]).addBulk(bulkJobs(group)) }));
    for (const { group, step } of steps) {
      const failure = await publish(group, step);
      if (failure) return { done, failure };
    }
  }
  return { done, failure: null };
}

/** One queue's adds, with the queue's job options and each row's id and delay. */
function bulkJobs(rows: OutboxIntent[]): Parameters<Queue['addBulk']>[0] {
  const options = jobOptionsFor(rows[0].queue);
  return rows.map((row) => ({
    name: row.jobName,
    data: row.payload,
    opts: { ...options, jobId: row.jobId, delay: row.runAt ? Math.max(0, new Date(row.runAt).getTime() - Date.now()) : 0 },
  }));
}

type Run = { kind: 'add'; rows: OutboxIntent[] } | { kind: 'remove'; row: OutboxIntent };

/** Splits rows, in order, into runs of consecutive adds and single withdrawals. */
function runsOf(rows: OutboxIntent[]): Run[] {
  const runs: Run[] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (row.action === 'remove') runs.push({ kind: 'remove', row });
    else if (last?.kind === 'add') last.rows.push(row);
    else runs.push({ kind: 'add', rows: [row] });
  }
  return runs;
}

/** The rows of each queue, each group in row order. */
function groupByQueue(rows: OutboxIntent[]): OutboxIntent[][] {
  const groups = new Map<QueueName, OutboxIntent[]>();
  for (const row of rows) {
    const group = groups.get(row.queue);
    if (group) group.push(row);
    else groups.set(row.queue, [row]);
  }
  return [...groups.values()];
}
