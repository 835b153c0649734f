/**
 * @hotline/cases/values — the lib's second public entry: plain constants and types with no imports, so
 * that the browser console and other libs' pure rules can use them without Nest, TypeORM or Node. The
 * one definition of case kinds, channels, priorities and statuses; @hotline/cases exports the same bindings.
 */
export {
  CASE_KINDS,
  CASE_CHANNELS,
  CASE_PRIORITIES,
  type CaseKind,
  type CaseChannel,
  type CasePriority,
} from './case-attributes';
export {
  CASE_STATUSES,
  OPEN_CASE_STATUSES,
  FINAL_CASE_STATUSES,
  type CaseStatus,
  type OpenCaseStatus,
} from './state-machine/case-status';
export {
  SUSPENSION_DECISIONS,
  SUSPENSION_REASONS,
  SUSPENSION_STATUSES,
  type SuspensionDecision,
  type SuspensionReason,
} from './state-machine/case-actions';
