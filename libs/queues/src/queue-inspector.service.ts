import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@hotline/config';
import { QUEUE_NAMES, QueueName } from './queue-catalog';
import { bullPrefix, redisOptionsFromUrl } from './redis-connection';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

const FIRST_CONNECT_WAIT_MS = 2_000;

/** Resolves once the client is ready, has failed to connect, or `ms` have passed, whichever is first. */
function settled(client: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done).off('error', done).off('end', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done).once('error', done).once('end', done);
  });
}

/**
 * Read-only view of the queues for health probes and metrics. Its connection fails fast while Redis is
 * down (no offline queue), so a probe answers "down" instead of hanging.
 *
 * The queues share one client the inspector owns, and are made only once that client has answered a
 * PING. A BullMQ queue that owns its connection and is closed while it is still connecting rejects
 * its start-up after close() has removed every listener, which surfaces as an unhandled rejection
 * (seen when the API stopped while Redis was unreachable).
 */
@Injectable()
export class QueueInspector implements OnModuleDestroy {
  private client: Redis | null = null;
  private queues: Map<QueueName, Queue> | null = null;

  constructor(private readonly config: AppConfig) {}

  private redis(): Redis {
    if (!this.client) {
      this.client = new Redis({
        ...redisOptionsFromUrl(this.config.REDIS_URL),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: true,
      });
      this.client.on('error', () => undefined);
      void this.client.connect().catch(() => undefined);
    }
    return this.client;
  }

  async ping(): Promise<void> {
    const client = this.redis();
    // The first probe may come while the first connection is still being made: give it a moment.
    if (client.status === 'connecting' || client.status === 'connect') await settled(client, FIRST_CONNECT_WAIT_MS);
    await client.ping();
  }

  /**
   * Every queue, on the inspector's fail-fast connection (the queue board reads and acts through
   * them); rejects while Redis does not answer.
   */
  async all(): Promise<ReadonlyMap<QueueName, Queue>> {
    await this.ping();
    if (!this.queues) {
      const connection = this.redis();
      this.queues = new Map(
        QUEUE_NAMES.map((name) => {
          const queue = new Queue(name, { connection, prefix: bullPrefix(this.config.REDIS_PREFIX) });
          queue.on('error', () => undefined);
          return [name, queue] as const;
        }),
      );
    }
    return this.queues;
  }

  async counts(): Promise<Record<string, QueueCounts>> {
    const result: Record<string, QueueCounts> = {};
    for (const [name, queue] of await this.all()) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      result[name] = { waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed, completed: c.completed };
    }
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    // Shared connection: closing a queue leaves the client alone; the client is ended here, last.
    await Promise.all([...(this.queues?.values() ?? [])].map((q) => q.close().catch(() => undefined)));
    this.client?.disconnect();
  }
}
