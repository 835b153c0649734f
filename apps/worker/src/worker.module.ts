import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CasesModule } from '@hotline/cases';
import { ClockModule } from '@hotline/clock';
import { AppConfig, ConfigModule, loggingModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { HEALTH_PROVIDERS } from '@hotline/health';
import { NotifyModule } from '@hotline/notify';
import { PrivacyModule } from '@hotline/privacy';
import { bullPrefix, jobOptionsFor, QUEUE_NAMES, QueueInspector, redisOptionsFromUrl } from '@hotline/queues';
import { RoutingModule } from '@hotline/routing';
import { CalendarHealth, SettingsHealthComponent, SlaRuntimeModule } from '@hotline/sla-runtime';
import { StatsModule } from '@hotline/stats';
import { DispatchProcessor } from './dispatch/dispatch.processor';
import { WorkerHealthServer } from './health/worker-health.server';
import { NotifyProcessor } from './notify/notify.processor';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { SlaSweepService } from './sla/sla-sweep.service';
import { SlaTimerProcessor } from './sla/sla-timer.processor';
import { StatsProcessor } from './stats/stats.processor';

@Module({
  imports: [
    ConfigModule,
    loggingModule('worker'),
    DatabaseModule,
    ClockModule,
    PrivacyModule,
    NotifyModule,
    CasesModule,
    SlaRuntimeModule,
    RoutingModule,
    StatsModule,
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.REDIS_URL),
        prefix: bullPrefix(config.REDIS_PREFIX),
      }),
    }),
    ...QUEUE_NAMES.map((name) => BullModule.registerQueue({ name, defaultJobOptions: jobOptionsFor(name) })),
  ],
  providers: [
    OutboxRelayService,
    DispatchProcessor,
    SlaTimerProcessor,
    SlaSweepService,
    NotifyProcessor,
    StatsProcessor,
    QueueInspector,
    ...HEALTH_PROVIDERS,
    CalendarHealth,
    SettingsHealthComponent,
    WorkerHealthServer,
  ],
})
export class WorkerModule {}
