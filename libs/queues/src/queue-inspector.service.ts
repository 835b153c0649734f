import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
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

/**
 * Read-only view of the queues for health probes and metrics. Its connection fails fast while Redis is
 * down (no offline queue), so a probe answers "down" instead of hanging.
 */
@Injectable()
export class QueueInspector implements OnModuleDestroy {
  private queues: Map<QueueName, Queue> | null = null;

  constructor(private readonly config: AppConfig) {}

  private all(): Map<QueueName, Queue> {
    if (!this.queues) {
      const connection = { ...redisOptionsFromUrl(this.config.REDIS_URL), enableOfflineQueue: false, maxRetriesPerRequest: 1 };
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

  async ping(): Promise<void> {
    const [first] = this.all().values();
    const client = (await first.client) as unknown as { ping(): Promise<string> };
    await client.ping();
  }

  async counts(): Promise<Record<string, QueueCounts>> {
    const result: Record<string, QueueCounts> = {};
    for (const [name, queue] of this.all()) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      result[name] = { waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed, completed: c.completed };
    }
    return result;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...(this.queues?.values() ?? [])].map((q) => q.close().catch(() => undefined)));
  }
}
