import type { EntityManager } from 'typeorm';
import { OutboxEntity, sqlExec } from '@hotline/database';
import { jobIdFor, JobName, JobPayload, JOBS } from './queue-catalog';

/** The channel the relay LISTENs on: a NOTIFY sent inside the transaction is delivered at commit. */
export const OUTBOX_CHANNEL = 'hotline_outbox';

/**
 * Records the intent to run a job inside the caller's transaction. The job exists in Redis only after
 * the relay publishes it, so a rolled-back change never leaves a job behind and a committed one is
 * never without its job.
 */
export async function enqueueInTransaction<N extends JobName>(
  manager: EntityManager,
  name: N,
  payload: JobPayload<N>,
  runAt: Date | null = null,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxEntity)
    .values({ queue: JOBS[name].queue, jobName: name, jobId: jobIdFor(name, payload), payload, runAt })
    .execute();
  await sqlExec(manager, `SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
}

/**
 * Records, inside the caller's transaction, that a job published earlier must be withdrawn (a timer
 * whose deadline moved or whose stage ended). Withdrawing a job that already ran or never existed is a
 * no-op, and a timer that escapes withdrawal re-checks the case when it fires.
 */
export async function withdrawInTransaction<N extends JobName>(
  manager: EntityManager,
  name: N,
  payload: JobPayload<N>,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxEntity)
    .values({ queue: JOBS[name].queue, jobName: name, jobId: jobIdFor(name, payload), payload, action: 'remove' })
    .execute();
  await sqlExec(manager, `SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
}
