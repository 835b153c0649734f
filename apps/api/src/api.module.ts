import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@hotline/audit';
import { AddressesModule } from '@hotline/addresses';
import { CasesModule } from '@hotline/cases';
import { ClockModule } from '@hotline/clock';
import { AppConfig, ConfigModule, loggingModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { HEALTH_PROVIDERS } from '@hotline/health';
import { METRICS_PROVIDERS, MetricsModule } from '@hotline/metrics';
import { NotifyModule } from '@hotline/notify';
import { PrivacyModule } from '@hotline/privacy';
import { QueueInspector } from '@hotline/queues';
import { CalendarHealth, SettingsHealthComponent, SlaRuntimeModule } from '@hotline/sla-runtime';
import { StatsModule } from '@hotline/stats';
import { UpstreamModule } from '@hotline/upstream';
import { UpstreamInboundController } from './upstream/upstream-inbound.controller';
import { UpstreamSignatureGuard } from './upstream/upstream-signature.guard';
import { UpstreamSupervisionController } from './upstream/upstream-supervision.controller';
import { RoutingModule } from '@hotline/routing';
import { AuditController } from './audit/audit.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { AddressesController } from './addresses/addresses.controller';
import { AuthModule } from './auth/auth.module';
import { SecuritySettingsController, SecuritySettingsService } from './security-settings/security-settings.controller';
import { signInThrottler } from './auth/sign-in-throttler';
import { CalendarController } from './calendar/calendar.controller';
import { SlaAdminController } from './calendar/sla-admin.controller';
import { CalendarNoticesController } from './calendar/calendar-notices.controller';
import { CallersController } from './callers/callers.controller';
import { CaseActionsController } from './cases/case-actions.controller';
import { CasesController } from './cases/cases.controller';
import { CasePlacingController } from './cases/case-placing.controller';
import { CaseWorkController } from './cases/case-work.controller';
import { KnowledgeAdminController } from './knowledge/knowledge-admin.controller';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeStoreService } from './knowledge/knowledge-store.service';
import { MetricsController } from './metrics/metrics.controller';
import { QueueBoardController } from './queue-board/queue-board.controller';
import { QueueBoardTokens } from './queue-board/queue-board-tokens';
import { HealthController } from './health/health.controller';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { PublicRoutesThrottlerGuard } from './http/public-routes-throttler.guard';
import { Open311Module } from './open311/open311.module';
import { PublicModule } from './public/public.module';
import { ZonedDatesInterceptor } from './http/zoned-dates.interceptor';
import { DepartmentWebhooksController } from './notifications/department-webhooks.controller';
import { ReviewSettingsController } from './cases/review-settings.controller';
import { ReviewSettingsService } from './cases/review-settings.service';
import { DepartmentWebhooksService } from './notifications/department-webhooks.service';
import { NotificationsController } from './notifications/notifications.controller';
import { ReferenceController } from './reference/reference.controller';
import {
  CategoriesAdminController,
  DepartmentsAdminController,
  RoutingRulesAdminController,
} from './reference-admin/reference-admin.controller';
import { CategoriesAdminService } from './reference-admin/categories-admin.service';
import { DepartmentsAdminService } from './reference-admin/departments-admin.service';
import { StatsController } from './stats/stats.controller';

@Module({
  imports: [
    ConfigModule,
    loggingModule('api'),
    DatabaseModule,
    MetricsModule,
    ClockModule,
    PrivacyModule,
    NotifyModule,
    CasesModule,
    SlaRuntimeModule,
    StatsModule,
    UpstreamModule,
    RoutingModule,
    AuditModule,
    AuthModule,
    DiscoveryModule,
    // Public routes only (see PublicRoutesThrottlerGuard): the default per address, tighter where @Throttle() says;
    // sign-in has its own configurable limit.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        { name: 'default', ttl: 60_000, limit: config.PUBLIC_THROTTLE_PER_MINUTE },
        signInThrottler(config),
      ],
    }),
    PublicModule,
    Open311Module,
    EnterprisesModule,
    AddressesModule,
  ],
  controllers: [
    CasesController,
    CaseActionsController,
    CasePlacingController,
    CaseWorkController,
    CallersController,
    ReferenceController,
    CalendarController,
    SlaAdminController,
    CalendarNoticesController,
    HealthController,
    MetricsController,
    QueueBoardController,
    NotificationsController,
    DepartmentWebhooksController,
    ReviewSettingsController,
    KnowledgeController,
    KnowledgeAdminController,
    StatsController,
    AuditController,
    UsersController,
    SecuritySettingsController,
    AddressesController,
    UpstreamInboundController,
    UpstreamSupervisionController,
    DepartmentsAdminController,
    CategoriesAdminController,
    RoutingRulesAdminController,
  ],
  providers: [
    KnowledgeStoreService,
    QueueInspector,
    DepartmentWebhooksService,
    UsersService,
    SecuritySettingsService,
    ReviewSettingsService,
    DepartmentsAdminService,
    CategoriesAdminService,
    CalendarHealth,
    SettingsHealthComponent,
    ...HEALTH_PROVIDERS,
    ...METRICS_PROVIDERS,
    QueueBoardTokens,
    UpstreamSignatureGuard,
    { provide: APP_GUARD, useClass: PublicRoutesThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: ZonedDatesInterceptor },
  ],
})
export class ApiModule {}
