import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { QueueInspector } from '@hotline/queues';
import { HealthComponent, HealthComponentProvider, HealthDetails } from './health-component';
import { sqlExec, sqlRows } from '@hotline/database';

@HealthComponentProvider()
export class DatabaseHealth implements HealthComponent {
  readonly name = 'database';
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(): Promise<HealthDetails> {
    await sqlExec(this.dataSource, 'SELECT 1');
    return {};
  }
}

@HealthComponentProvider()
export class RedisHealth implements HealthComponent {
  readonly name = 'redis';
  constructor(private readonly queues: QueueInspector) {}

  async check(): Promise<HealthDetails> {
    await this.queues.ping();
    return {};
  }
}

/** Job counts per queue (waiting, active, delayed, failed, completed). */
@HealthComponentProvider()
export class QueuesHealth implements HealthComponent {
  readonly name = 'queues';
  constructor(private readonly queues: QueueInspector) {}

  async check(): Promise<HealthDetails> {
    return this.queues.counts();
  }
}

/** Intents committed but not yet published to the queues (they wait out a Redis outage here). */
@HealthComponentProvider()
export class OutboxHealth implements HealthComponent {
  readonly name = 'outbox';
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(): Promise<HealthDetails> {
    const [row] = await sqlRows<{ pending: number; oldestSeconds: number }>(
      this.dataSource,
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::int AS "oldestSeconds"
         FROM outbox WHERE published_at IS NULL`,
    );
    return { pending: row.pending, oldestPendingSeconds: row.oldestSeconds };
  }
}
