import { Module } from '@nestjs/common';
import { ReferenceModule } from '@hotline/reference';
import { CaseIntakeService } from './intake/case-intake.service';
import { PublicCaseStatusService } from './public/public-case-status.service';
import { CaseQueryService } from './query/case-query.service';
import { CaseWorkQueriesService } from './query/case-work-queries.service';
import { SlaAdminService } from './sla/sla-admin.service';
import { SlaMonitorService } from './sla/sla-monitor.service';
import { SlaSettingsService } from './sla/sla-settings.service';
import { CaseTransitionService } from './transitions/case-transition.service';

const CASE_SERVICES = [
  CaseIntakeService,
  CaseQueryService,
  CaseWorkQueriesService,
  CaseTransitionService,
  SlaSettingsService,
  SlaMonitorService,
  SlaAdminService,
  PublicCaseStatusService,
];

/** The case services (intake, queries, transitions, SLA) for any process with a database connection. */
@Module({
  imports: [ReferenceModule],
  providers: CASE_SERVICES,
  exports: [...CASE_SERVICES, ReferenceModule],
})
export class CasesModule {}
