import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { CasesModule } from '@hotline/cases';
import { ConfigModule, loggingModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { PrivacyModule } from '@hotline/privacy';
import { QueueInspector } from '@hotline/queues';
import { AuthModule } from './auth/auth.module';
import { CalendarController } from './calendar/calendar.controller';
import { CallersController } from './callers/callers.controller';
import { CaseActionsController } from './cases/case-actions.controller';
import { CasesController } from './cases/cases.controller';
import { HealthController } from './health/health.controller';
import { PublicRoutesThrottlerGuard } from './http/public-routes-throttler.guard';
import { ZonedDatesInterceptor } from './http/zoned-dates.interceptor';
import { ReferenceController } from './reference/reference.controller';

@Module({
  imports: [
    ConfigModule,
    loggingModule('api'),
    DatabaseModule,
    PrivacyModule,
    CasesModule,
    AuthModule,
    TerminusModule,
    // Public routes only (see PublicRoutesThrottlerGuard): the default per address, tighter where @Throttle() says.
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: 600 }]),
  ],
  controllers: [CasesController, CaseActionsController, CallersController, ReferenceController, CalendarController, HealthController],
  providers: [
    QueueInspector,
    { provide: APP_GUARD, useClass: PublicRoutesThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: ZonedDatesInterceptor },
  ],
})
export class ApiModule {}
