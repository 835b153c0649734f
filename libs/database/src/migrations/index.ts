import { Foundation1795313221573 } from './1795313221573-Foundation';
import { CaseLife1795313785326 } from './1795313785326-CaseLife';
import { IntakeIdempotency1795314140000 } from './1795314140000-IntakeIdempotency';
import { Sla1795314158298 } from './1795314158298-Sla';
import { NotifyAndSlaTimers1795315119923 } from './1795315119923-NotifyAndSlaTimers';
import { Stats1795320000005 } from './1795320000005-Stats';
import { PublicIntake1795320000061 } from './1795320000061-PublicIntake';
import { SessionVersions1795900000100 } from './1795900000100-SessionVersions';
import { DeadlineUnitAndCalendar1795900000200 } from './1795900000200-DeadlineUnitAndCalendar';
import { SettingsVersion1795900000300 } from './1795900000300-SettingsVersion';
import { CalendarNotices1795900000400 } from './1795900000400-CalendarNotices';
import { AddressRegister1795900000700 } from './1795900000700-AddressRegister';
import { Open311MediaUrls1795900000701 } from './1795900000701-Open311MediaUrls';
import { AuditTrail1795900000800 } from './1795900000800-AuditTrail';
import { SignInHistory1795900000810 } from './1795900000810-SignInHistory';
import { ReplyReviewAndRepeatCalls1795900000950 } from './1795900000950-ReplyReviewAndRepeatCalls';
import { AuditCalendarNotices1795900001000 } from './1795900001000-AuditCalendarNotices';
import { AuditReviewSettings1795900001010 } from './1795900001010-AuditReviewSettings';
import { UpstreamPlatform1795900001500 } from './1795900001500-UpstreamPlatform';
import { ReferenceAdmin1795900001300 } from './1795900001300-ReferenceAdmin';
import { SuspensionsAndCalendarSnapshot1795900001600 } from './1795900001600-SuspensionsAndCalendarSnapshot';
import { AddressAdministration1795900001200 } from './1795900001200-AddressAdministration';
import { Open311TestEndpoint1795900001210 } from './1795900001210-Open311TestEndpoint';
import { SecondFactor1795900001400 } from './1795900001400-SecondFactor';
import { IdleTimeout1795900001410 } from './1795900001410-IdleTimeout';
import { AuditEnterprises1795900001800 } from './1795900001800-AuditEnterprises';
import { KnowledgeBase1795900001700 } from './1795900001700-KnowledgeBase';
import type { MigrationInterface } from 'typeorm';

// Every migration, in order. Listed explicitly (no glob) so that the compiled app carries exactly these.
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Foundation1795313221573,
  CaseLife1795313785326,
  IntakeIdempotency1795314140000,
  Sla1795314158298,
  NotifyAndSlaTimers1795315119923,
  Stats1795320000005,
  PublicIntake1795320000061,
  SessionVersions1795900000100,
  DeadlineUnitAndCalendar1795900000200,
  SettingsVersion1795900000300,
  CalendarNotices1795900000400,
  AddressRegister1795900000700,
  Open311MediaUrls1795900000701,
  AuditTrail1795900000800,
  SignInHistory1795900000810,
  ReplyReviewAndRepeatCalls1795900000950,
  AuditCalendarNotices1795900001000,
  AuditReviewSettings1795900001010,
  UpstreamPlatform1795900001500,
  ReferenceAdmin1795900001300,
  SuspensionsAndCalendarSnapshot1795900001600,
  AddressAdministration1795900001200,
  Open311TestEndpoint1795900001210,
  SecondFactor1795900001400,
  IdleTimeout1795900001410,
  AuditEnterprises1795900001800,
  KnowledgeBase1795900001700,
];
