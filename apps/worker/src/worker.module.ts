import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@hotline/audit';
import { CasesModule } from '@hotline/cases';
import { ClockModule } from '@hotline/clock';
import { AppConfig, ConfigModule, loggingModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { HEALTH_PROVIDERS } from '@hotline/health';
import { METRICS_PROVIDERS, MetricsModule } from '@hotline/metrics';
import { NotifyModule } from '@hotline/notify';
import { PrivacyModule } from '@hotline/privacy';
import { bullPrefix, jobOptionsFor, QUEUE_NAMES, QueueInspector, redisOptionsFromUrl } from '@hotline/queues';
import { RoutingModule } from '@hotline/routing';
import { CalendarHealth, SettingsHealthComponent, SlaRuntimeModule } from '@hotline/sla-runtime';
import { StatsModule } from '@hotline/stats';
import { UpstreamModule } from '@hotline/upstream';
import { QueueConsumers } from './consumers/queue-consumers.service';
import { WORKER_PROCESSORS, workerHandlersProvider, workerHostsProvider } from './consumers/worker-handlers.provider';
import { WorkerHealthServer } from './health/worker-health.server';
import { JobMetricsObserver } from './metrics/job-metrics.observer';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { SlaSweepService } from './sla/sla-sweep.service';
import { StatutoryCalendarCheckStartup } from './sla/statutory-calendar-check.startup';
import { AuditRetentionService } from './audit/audit-retention.service';

@Module({
  imports: [
    ConfigModule,
    loggingModule('worker'),
    DatabaseModule,
    MetricsModule,
    ClockModule,
    PrivacyModule,
    NotifyModule,
    CasesModule,
    SlaRuntimeModule,
    RoutingModule,
    StatsModule,
    UpstreamModule,
    AuditModule,
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
    ...WORKER_PROCESSORS,
    workerHandlersProvider,
    workerHostsProvider,
    // Before QueueConsumers: its listeners are on the workers before they run.
    JobMetricsObserver,
    QueueConsumers,
    SlaSweepService,
    StatutoryCalendarCheckStartup,
    AuditRetentionService,
    QueueInspector,
    ...HEALTH_PROVIDERS,
    ...METRICS_PROVIDERS,
    CalendarHealth,
    SettingsHealthComponent,
    WorkerHealthServer,
  ],
})
export class WorkerModule {}
