import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '@hotline/auth';
import { QueueInspector, withTimeout } from '@hotline/queues';

/**
 * `GET /health`: database, Redis and queue state (terminus; 503 when any is down). `GET /health/live`
 * answers while the process runs, for a liveness probe that must not restart the API during a Redis outage.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueInspector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      async () => {
        const indicator = this.indicators.check('redis');
        try {
          await withTimeout(this.queues.ping(), 1500);
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
      async () => {
        const indicator = this.indicators.check('queues');
        try {
          const counts = await withTimeout(this.queues.counts(), 1500);
          const [{ pending }] = await this.dataSource.query<{ pending: number }[]>(`SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`);
          return indicator.up({ outboxPending: pending, ...counts });
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
    ]);
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }
}
