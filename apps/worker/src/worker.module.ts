import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { AppConfig, ConfigModule, loggingModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { PrivacyModule } from '@hotline/privacy';
import { bullPrefix, jobOptionsFor, QUEUE_NAMES, QueueInspector, redisOptionsFromUrl } from '@hotline/queues';
import { RoutingModule } from '@hotline/routing';
import { DispatchProcessor } from './dispatch/dispatch.processor';
import { WorkerHealthServer } from './health/worker-health.server';
import { OutboxRelayService } from './outbox/outbox-relay.service';

@Module({
  imports: [
    ConfigModule,
    loggingModule('worker'),
    DatabaseModule,
    PrivacyModule,
    CasesModule,
    RoutingModule,
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
        defaultJobOptions: jobOptionsFor(name),
      }),
    ),
  ],
  providers: [OutboxRelayService, DispatchProcessor, QueueInspector, WorkerHealthServer],
})
export class WorkerModule {}
