import { Module } from '@nestjs/common';
import { CalendarNoticesService } from './calendar-notices.service';
import { SlaAdminService } from './sla-admin.service';
import { SlaSettingsService } from './sla-settings.service';

const SLA_RUNTIME_SERVICES = [SlaSettingsService, SlaAdminService, CalendarNoticesService];

/**
 * The SLA settings a process runs on (policies and the working calendar, loaded from the database and
 * reloaded on every change) and their administration. One instance per process: CasesModule imports and
 * re-exports this module, and an app that imports both still gets the same SlaSettingsService.
 */
@Module({
  providers: SLA_RUNTIME_SERVICES,
  exports: SLA_RUNTIME_SERVICES,
})
export class SlaRuntimeModule {}
