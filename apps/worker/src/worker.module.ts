import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { AppConfig, ConfigModule, loggingModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { PrivacyModule } from '@hotline/privacy';
import { bullPrefix, QUEUE_NAMES, QUEUE_SETTINGS, QueueInspector, redisOptionsFromUrl } from '@hotline/queues';
import { RoutingModule } from '@hotline/routing';
import { StatsModule } from '@hotline/stats';
import { DispatchProcessor } from './dispatch/dispatch.processor';
import { WorkerHealthServer } from './health/worker-health.server';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { StatsProcessor } from './stats/stats.processor';

@Module({
  imports: [
    ConfigModule,
    loggingModule('worker'),
    DatabaseModule,
    PrivacyModule,
    CasesModule,
    RoutingModule,
    StatsModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.REDIS_URL),
        prefix: bullPrefix(config.REDIS_PREFIX),
      }),
    }),
    ...QUEUE_NAMES.map((name) =>
      BullModule.registerQueue({
        name,
        defaultJobOptions: {
          attempts: QUEUE_SETTINGS[name].attempts,
          backoff: { type: 'exponential', delay: QUEUE_SETTINGS[name].backoffMs },
          removeOnComplete: { age: QUEUE_SETTINGS[name].keepCompletedSeconds },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    ),
  ],
  providers: [OutboxRelayService, DispatchProcessor, StatsProcessor, QueueInspector, WorkerHealthServer],
})
export class WorkerModule {}
