import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { listenForever, type PgListener, sqlExec, sqlRows } from '@hotline/database';
import {
  bullPrefix,
  jobOptionsFor,
  OUTBOX_CHANNEL,
  QUEUE_NAMES,
  QueueName,
  redisOptionsFromUrl,
  withTimeout,
} from '@hotline/queues';

interface PendingRow {
  id: string;
  queue: QueueName;
  jobName: string;
  jobId: string;
  payload: Record<string, unknown>;
  runAt: Date | null;
  action: 'add' | 'remove';
}

const BATCH = 200;
const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * Feeds BullMQ from the outbox table. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * workers can relay at once without publishing a row twice at the same time; a job id derived from the
 * intent makes a re-publish after a crash a no-op in BullMQ. Wakes on NOTIFY (instant) and polls as a
 * fallback; while Redis is down rows stay pending and are retried.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly queues = new Map<QueueName, Queue>();
  private listener: PgListener | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // The relay's own connection refuses commands while Redis is down (no offline queue), so a publish
    // fails fast and the row stays pending instead of waiting in memory.
    const connection = { ...redisOptionsFromUrl(this.config.REDIS_URL), enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, { connection, prefix: bullPrefix(this.config.REDIS_PREFIX) });
      queue.on('error', () => undefined); // connection errors are expected during an outage; rows wait.
      this.queues.set(name, queue);
    }
    this.listener = listenForever(this.config.DATABASE_URL, OUTBOX_CHANNEL, () => this.wake());
    this.pollTimer = setInterval(() => this.wake(), this.config.OUTBOX_POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    await this.running;
    await this.listener?.close();
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }

  /** Runs a relay pass now, or right after the current one. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relayUntilDrained()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox relay pass failed; will retry'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async relayUntilDrained(): Promise<void> {
    while (!this.stopped) {
      const { published, failed } = await this.relayBatch();
      if (failed > 0 || published < BATCH) break;
    }
    if (Date.now() - this.lastCleanup > 3600_000) {
      this.lastCleanup = Date.now();
      // Published intents are kept a week for audit and diagnosis, then removed.
      await sqlExec(this.dataSource, `DELETE FROM outbox WHERE published_at < now() - interval '7 days'`);
    }
  }

  /** Publishes one batch; returns how many were published and how many failed. */
  async relayBatch(): Promise<{ published: number; failed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await sqlRows<PendingRow>(
        manager,
        `SELECT id::text AS id, queue, job_name AS "jobName", job_id AS "jobId", payload, run_at AS "runAt", action
           FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const done: string[] = [];
      let failure: { ids: string[]; message: string } | null = null;
      for (const [index, row] of rows.entries()) {
        const queue = this.queues.get(row.queue);
        try {
          if (!queue) throw new Error(`unknown queue ${row.queue}`);
          await withTimeout(this.publish(queue, row), ENQUEUE_TIMEOUT_MS, 'Redis');
          done.push(row.id);
        } catch (error) {
          // Redis is most likely down: stop here and leave this and later rows for the next pass.
          failure = { ids: rows.slice(index).map((r) => r.id), message: (error as Error).message };
          break;
        }
      }
      if (done.length) await sqlExec(manager, `UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [done]);
      if (failure) {
        await sqlExec(manager, `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`, [
          failure.ids.slice(0, 1),
          failure.message.slice(0, 500),
        ]);
        this.logger.warn(`outbox: ${failure.ids.length} intent(s) wait for Redis: ${failure.message}`);
      }
      return { published: done.length, failed: failure ? failure.ids.length : 0 };
    });
  }

  /**
   * Adds the job, or withdraws it. BullMQ answers 0 to the removal of a job that is gone or running
   * right now: both are fine, since a timer re-checks the case when it fires.
   */
  private async publish(queue: Queue, row: PendingRow): Promise<void> {
    if (row.action === 'remove') {
      await queue.remove(row.jobId);
      return;
    }
    const delay = row.runAt ? Math.max(0, new Date(row.runAt).getTime() - Date.now()) : 0;
    await queue.add(row.jobName, row.payload, { ...jobOptionsFor(row.queue), jobId: row.jobId, delay });
  }
}
