import type { NewNotification } from '@hotline/notify';
import type { SlaPolicy, SlaStage, WorkingCalendar } from '@hotline/sla';
import type { HistoryActor, HistoryEntry } from '../history/case-history';
import type { SlaStageChange } from '../sla/sla-stage-change';
import type { TimerPlan } from '../sla/sla-timers';
import type {
  CaseActorRole,
  CaseCommand,
  CaseContext,
  CaseEventType,
  CaseKind,
  CaseRelation,
  CaseStatus,
} from '../state-machine';
import type { ColumnEffect } from './transition-effects';

/**
 * The data that flows from the reads of a transition, through its pure planners, to its one writer:
 * the service reads (TransitionInput), the action planners turn a request into an ActionPlan, the
 * transition planner decides and describes every write (TransitionPlan), the writer performs it.
 */

/** Who acts: a signed-in user (with their department) or the system. */
export interface TransitionActor extends HistoryActor {
  role: CaseActorRole;
  departmentId: string | null;
}

/** The case row as a transition reads it; `version` is the one the write must still find. */
export interface TransitionRow {
  id: string;
  caseNo: string;
  status: CaseStatus;
  version: number;
  kind: CaseKind;
  leadDepartmentId: string | null;
  assistingDepartmentIds: string[];
  dispatchedAt: Date | null;
  priority: string;
  categoryCode: string | null;
  slaStage: SlaStage | null;
  slaDeadline: Date | null;
  slaWarnAt: Date | null;
  /** Outside deadlines by stage (an upstream order's), from `case_deadline_caps`; null when none. */
  deadlineCaps: Record<string, string> | null;
  /** 办结审核 steps of the lead department (departments.reply_review_lead / _centre); false without one. */
  reviewByLead: boolean;
  reviewByCentre: boolean;
}

/** The SLA policy that governs the case, with the district calendar; null when no policies are loaded. */
export type GoverningPolicy = { policy: SlaPolicy; calendar: WorkingCalendar } | null;

/** Everything read before deciding: the case, the actor's relation to it, the machine's context, the clock. */
export interface TransitionInput {
  /** The id the caller named the case by: every write, timer and notification carries it as given. */
  caseId: string;
  row: TransitionRow;
  relation: CaseRelation;
  context: CaseContext;
  governing: GoverningPolicy;
  /** The business clock's time, read once: the deadlines, `dispatched_at` and `ended_at` agree. */
  now: Date;
}

/** A row written besides the case, in the same transaction, after the case's version bump. */
export type SideWrite =
  | {
      kind: 'openExtensionRequest';
      requestId: string;
      caseId: string;
      days: number;
      reason: string;
      requestedById: string | null;
    }
  | {
      kind: 'decideExtensionRequest';
      requestId: string;
      caseId: string;
      status: 'approved' | 'rejected';
      decidedById: string | null;
      note: string | null;
    }
  | {
      kind: 'openSuspension';
      suspensionId: string;
      caseId: string;
      stage: SlaStage;
      reason: string;
      note: string;
      requestedById: string | null;
      at: Date;
    }
  | {
      /** Approved (the clock stops: the stage change writes what it had left) or refused; only while pending. */
      kind: 'decideSuspension';
      suspensionId: string;
      caseId: string;
      status: 'active' | 'refused';
      decidedById: string | null;
      note: string | null;
      at: Date;
    }
  | {
      /** Only while active: of a person and the maximum's timer (or the sweep) resuming at once, one does. */
      kind: 'endSuspension';
      suspensionId: string;
      caseId: string;
      resumedById: string | null;
      cause: SuspensionEndCause;
      at: Date;
    }
  | {
      /** The target's history says what joined it; written only while the target is still open. */
      kind: 'recordMergeOnTarget';
      targetCaseId: string;
      targetCaseNo: string;
      mergedCaseId: string;
      mergedCaseNo: string;
      actor: HistoryActor;
    };

/** Who resumed a suspended clock: the lead department, a supervisor, or the policy's maximum (the system). */
export type SuspensionEndCause = 'department' | 'supervisor' | 'maximum';

/** What one request turns into before the machine decides: the command, the history payload, writes besides the case. */
export interface ActionPlan {
  command: CaseCommand;
  note?: string;
  data?: Record<string, unknown>;
  effects?: ColumnEffect[];
  sideWrites?: SideWrite[];
}

/** A stage change as written: a started stage names the policy that set its deadline. */
export type SlaWrite = SlaStageChange & { policyCode?: string };

/** Every write of one allowed transition, decided before the transaction opens. */
export interface TransitionPlan {
  caseId: string;
  caseNo: string;
  /** The version read; the case update succeeds only while the case still has it. */
  version: number;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  /** Columns set besides status, version and updated_at. */
  columns: ColumnEffect[];
  sideWrites: SideWrite[];
  /** The stage change (its deadline row and timers), or null when the stage stays as it is. */
  sla: { change: SlaWrite; timers: TimerPlan; now: Date } | null;
  actor: HistoryActor;
  history: HistoryEntry[];
  notifications: NewNotification[];
  events: CaseEventType[];
}

export interface TransitionResult {
  caseId: string;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  version: number;
  events: string[];
}
