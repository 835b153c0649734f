export * from './state-machine';
export { CASE_CHANNELS, CASE_PRIORITIES } from './case-attributes';
export type { CaseChannel, CasePriority } from './case-attributes';
export { formatCaseNo } from './intake/case-number';
export { resolveIntakePlace } from './intake/intake-place';
export { CaseIntakeService } from './intake/case-intake.service';
export { CasePlacingService } from './intake/case-placing.service';
export type { PlaceCaseCommand } from './intake/case-placing.service';
export type { IntakeCommand, IntakeExtension, IntakeResult } from './intake/case-intake.service';
export { CaseQueryService } from './query/case-query.service';
export { CaseRevealService } from './query/case-reveal.service';
export type { RevealedCaller } from './query/case-reveal.service';
export type { CaseListFilters, CaseEventView } from './query/case-query.service';
export type { CaseView } from './query/case-view';
export { CaseWorkQueriesService } from './query/case-work-queries.service';
export type { DepartmentReturns, ExtensionRequestView, SuspensionView } from './query/case-work-queries.service';
export { caseScopeFor, callerLinkedCasesSql, callerVisibilityFor } from './query/case-visibility';
export {
  addKeyFilter,
  CASE_KEYS,
  groupKeySql,
  KEY_COLUMNS,
  NO_KEY,
  OVERDUE_NOW_SQL,
  type CaseKey,
  type KeyColumns,
  type KeyFilter,
} from './query/case-key-columns';
export { overdueNowCounts, repeatedCases } from './query/case-aggregates';
export { recentRoutingFacts, routingFactsOf } from './query/case-routing-facts';
export { dispatchLagSeconds } from './query/case-dispatch-lag';
export type { RoutingFactsRow } from './query/case-routing-facts';
export type { OverdueNowCount, RepeatedCasesRow } from './query/case-aggregates';
export type { CaseScope, CallerVisibility } from './query/case-visibility';
export { appendHistory, appendHistoryOfMany, SYSTEM_ACTOR } from './history/case-history';
export type { HistoryActor, HistoryEntry } from './history/case-history';
export { caseHistoryRows, caseIdsReceivedOnDays } from './history/case-history-rows';
export type { CaseDeadlineRow, CaseEventRow, CaseKeysRow } from './history/case-history-rows';
export { CaseTransitionService } from './transitions/case-transition.service';
export type { TransitionActor, TransitionOptions, TransitionResult } from './transitions/case-transition.service';
export type { CaseActionRequest } from './transitions/case-action-request';
export { SlaMonitorService } from './sla/sla-monitor.service';
export { RunningDeadlinesService } from './sla/running-deadlines.service';
export { StatutoryCalendarCheckService } from './sla/statutory-calendar-check.service';
export type { StatutoryCalendarCheck } from './sla/statutory-calendar-check.service';
export { SuspensionResumerService } from './sla/suspension-resumer.service';
export type { ResumeOutcome } from './sla/suspension-resumer.service';
export type { SlaCheckOutcome, SlaDetector, SweepResult } from './sla/sla-monitor.service';
export { slaStageChange } from './sla/sla-stage-change';
export type { SlaStageChange, CurrentSlaStage } from './sla/sla-stage-change';
export { PublicCaseStatusService, CaseStatusNotFound } from './public/public-case-status.service';
export type { CaseOwnerProof, PublicCaseStatus } from './public/public-case-status.service';
export { CALLBACK_CHANNELS, slaViewOf } from './query/case-view';
export type { CallbackChannel } from './query/case-view';
export { caseNoOfOpen311Token, publicRequestRows } from './public/public-request-queries';
export type { PublicRequestFilter, PublicRequestRow } from './public/public-request-queries';
export { CasesModule } from './cases.module';
