import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { CasesModule } from '@hotline/cases';
import { ConfigModule, loggingModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { PrivacyModule } from '@hotline/privacy';
import { QueueInspector } from '@hotline/queues';
import { StatsModule } from '@hotline/stats';
import { AuthModule } from './auth/auth.module';
import { CalendarController } from './calendar/calendar.controller';
import { CallersController } from './callers/callers.controller';
import { CaseActionsController } from './cases/case-actions.controller';
import { CasesController } from './cases/cases.controller';
import { HealthController } from './health/health.controller';
import { ZonedDatesInterceptor } from './http/zoned-dates.interceptor';
import { ReferenceController } from './reference/reference.controller';
import { StatsController } from './stats/stats.controller';

@Module({
  imports: [
    ConfigModule,
    loggingModule('api'),
    DatabaseModule,
    PrivacyModule,
    CasesModule,
    StatsModule,
    AuthModule,
    TerminusModule,
    // Only routes marked @Throttle() are limited (sign-in now, public endpoints later); the default is generous.
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 600 }]),
  ],
  controllers: [CasesController, CaseActionsController, CallersController, ReferenceController, CalendarController, HealthController, StatsController],
  providers: [
    QueueInspector,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: ZonedDatesInterceptor },
  ],
})
export class ApiModule {}
