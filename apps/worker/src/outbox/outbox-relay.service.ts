import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { listenForever, type PgListener, sqlExec, sqlRows } from '@hotline/database';
import { bullPrefix, OUTBOX_CHANNEL, QUEUE_NAMES, QueueName, redisOptionsFromUrl } from '@hotline/queues';
import { type OutboxIntent, publishInOrder } from './outbox-publisher';

const BATCH = 200;
const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * Feeds BullMQ from the outbox table. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * workers can relay at once without publishing a row twice at the same time; a job id derived from the
 * intent makes a re-publish after a crash a no-op in BullMQ. A batch goes to Redis in bulk (one addBulk per
 * queue for each run of adds; see outbox-publisher.ts). Wakes on NOTIFY (instant) and polls as a
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
      const rows = await sqlRows<OutboxIntent>(
        manager,
        `SELECT id::text AS id, queue, job_name AS "jobName", job_id AS "jobId", payload, run_at AS "runAt", action
           FROM outbox WHERE published_at IS NULL ORDER BY outbox.id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const { done, failure } = await publishInOrder(rows, (name) => this.queues.get(name), ENQUEUE_TIMEOUT_MS);
      if (done.length) await sqlExec(manager, `UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [done]);
      if (failure) {
        await sqlExec(manager, `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`, [
          [failure.firstId],
          failure.message.slice(0, 500),
        ]);
        this.logger.warn(`outbox: ${failure.ids.length} intent(s) wait for Redis: ${failure.message}`);
      }
      return { published: done.length, failed: failure ? failure.ids.length : 0 };
    });
  }
}
