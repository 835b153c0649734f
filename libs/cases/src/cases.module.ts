import { CaseRevealService } from './query/case-reveal.service';
import { Module } from '@nestjs/common';
import { AddressesModule } from '@hotline/addresses';
import { ReferenceModule } from '@hotline/reference';
import { SlaRuntimeModule } from '@hotline/sla-runtime';
import { CaseIntakeService } from './intake/case-intake.service';
import { IntakePlacementService } from './intake/intake-placement.service';
import { CasePlacingService } from './intake/case-placing.service';
import { PublicCaseStatusService } from './public/public-case-status.service';
import { CaseQueryService } from './query/case-query.service';
import { CaseWorkQueriesService } from './query/case-work-queries.service';
import { RunningDeadlinesService } from './sla/running-deadlines.service';
import { SlaMonitorService } from './sla/sla-monitor.service';
import { StatutoryCalendarCheckService } from './sla/statutory-calendar-check.service';
import { SuspensionResumerService } from './sla/suspension-resumer.service';
import { CaseTransitionService } from './transitions/case-transition.service';

const CASE_SERVICES = [
  CaseIntakeService,
  IntakePlacementService,
  CasePlacingService,
  CaseQueryService,
  CaseRevealService,
  CaseWorkQueriesService,
  CaseTransitionService,
  SlaMonitorService,
  RunningDeadlinesService,
  StatutoryCalendarCheckService,
  SuspensionResumerService,
  PublicCaseStatusService,
];

/**
 * The case services (intake, queries, transitions, SLA breaches) for any process with a database
 * connection, with the SLA settings they run on (SlaRuntimeModule, re-exported).
 */
@Module({
  imports: [ReferenceModule, SlaRuntimeModule, AddressesModule],
  providers: CASE_SERVICES,
  exports: [...CASE_SERVICES, ReferenceModule, SlaRuntimeModule],
})
export class CasesModule {}
