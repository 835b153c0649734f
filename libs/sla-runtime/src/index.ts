/**
 * @hotline/sla-runtime — the SLA settings as a process holds them: the active policies and the working
 * calendar stored in the database and cached per process (SlaSettingsService), their administration
 * (SlaAdminService), and the health components that report them. The arithmetic itself is pure and
 * lives in @hotline/sla; what a deadline does to a case (stages, timers, breaches) is @hotline/cases.
 */
export { SlaRuntimeModule } from './sla-runtime.module';
export { SlaSettingsService } from './sla-settings.service';
export type { SlaSettings } from './sla-settings.service';
export { SlaAdminService } from './sla-admin.service';
export type { HolidayOverrideRecord, SlaPolicyRecord } from './sla-admin.service';
export { CalendarNoticesService } from './calendar-notices.service';
export type { CalendarNoticeRecord, NoticeDayChange, NoticeImportResult } from './calendar-notices.service';
export type { RunningDeadlinesMover } from './calendar-variant';
export { settingsHealth } from './settings-health';
export type { SettingsHealth } from './settings-health';
export { CalendarHealth, SettingsHealthComponent } from './sla-health';
