import { ConflictError } from '@hotline/errors';
import type { SlaStage } from '@hotline/sla';
import { slaStageChange } from '../sla/sla-stage-change';
import { timerPlanFor } from '../sla/sla-timers';
import { CaseEventType, CaseRelation, CaseStatus, decideOrThrow, isDepartmentRole } from '../state-machine';
import { ColumnEffect, effectsOf } from './transition-effects';
import { notificationsFor } from './transition-notifications';
import type {
  ActionPlan,
  GoverningPolicy,
  SlaWrite,
  TransitionActor,
  TransitionInput,
  TransitionPlan,
  TransitionRow,
} from './transition-plan';

/** How the actor stands to the case: its lead department, an assisting one, or neither. */
export function relationOf(actor: TransitionActor, row: TransitionRow): CaseRelation {
  if (!actor.departmentId) return 'none';
  if (row.leadDepartmentId === actor.departmentId) return 'lead';
  return row.assistingDepartmentIds.includes(actor.departmentId) ? 'assisting' : 'none';
}

/** A case changed since the version the actor saw is refused (409) before anything else is looked at. */
export function assertVersion(row: TransitionRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new ConflictError('CaseVersionChanged', `Case ${row.caseNo} has changed since version ${expectedVersion}`);
  }
}

/** The stage change the decided events cause, under the case's policy; none when no policies are loaded. */
function slaChangeOf(
  governing: GoverningPolicy,
  row: TransitionRow,
  now: Date,
  events: Array<{ type: CaseEventType; toStatus: CaseStatus; data: Record<string, unknown> }>,
): SlaWrite | null {
  if (!governing) return null;
  const { policy, calendar } = governing;
  const change = slaStageChange({
    events,
    current: { stage: row.slaStage, deadline: row.slaDeadline, warnAt: row.slaWarnAt },
    dispatchedAt: row.dispatchedAt,
    now,
    policy,
    calendar,
    caps: deadlineCapsOf(row.deadlineCaps),
  });
  return change && change.kind === 'start' ? { ...change, policyCode: policy.code } : change;
}

function slaEffectsOf(change: SlaWrite | null): ColumnEffect[] {
  if (!change) return [];
  if (change.kind === 'pause') {
    // The stage stays named (the case is in it, its clock stopped); no deadline runs until it resumes.
    return [
      { column: 'sla_deadline', value: { sql: 'NULL' } },
      { column: 'sla_warn_at', value: { sql: 'NULL' } },
    ];
  }
  if (change.kind === 'end') {
    return [
      { column: 'sla_stage', value: { sql: 'NULL' } },
      { column: 'sla_deadline', value: { sql: 'NULL' } },
      { column: 'sla_warn_at', value: { sql: 'NULL' } },
    ];
  }
  return [
    { column: 'sla_stage', value: { bind: change.stage } },
    { column: 'sla_deadline', value: { bind: change.deadline } },
    { column: 'sla_warn_at', value: { bind: change.warnAt } },
  ];
}

/**
 * Decides one transition and describes every write it makes (pure): the state machine decides (or
 * throws its refusal, 403/409, with nothing written), then the columns, the SLA stage and its timers,
 * the history entries and the notifications follow from the decided events. The writer performs the
 * plan in one transaction.
 */
export function planTransition(input: TransitionInput, action: ActionPlan, actor: TransitionActor): TransitionPlan {
  const { caseId, row, relation, context, governing, now } = input;
  const decision = decideOrThrow(action.command, context, { role: actor.role, relation });
  // The department that acted, so that an assisting department's part can be told from the history.
  const byDepartment = isDepartmentRole(actor.role) && actor.departmentId ? { departmentId: actor.departmentId } : {};
  const sla = slaChangeOf(
    governing,
    row,
    now,
    decision.events.map((e) => ({ type: e.type, toStatus: e.toStatus, data: { ...(e.data ?? {}), ...(action.data ?? {}) } })),
  );
  const dispatchedTo =
    action.command.action === 'dispatch'
      ? {
          leadDepartmentId: action.command.leadDepartmentId,
          assistingDepartmentIds: [...(action.command.assistingDepartmentIds ?? [])],
        }
      : { leadDepartmentId: row.leadDepartmentId, assistingDepartmentIds: row.assistingDepartmentIds };
  const history = decision.events.map((event) => ({
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    // The machine's own note (a return's reason, "unreachable") wins over the request's.
    note: event.note ?? action.note ?? null,
    data: { ...(event.data ?? {}), ...byDepartment, ...(action.data ?? {}) },
  }));
  return {
    caseId,
    caseNo: row.caseNo,
    version: row.version,
    fromStatus: row.status,
    toStatus: decision.nextStatus,
    columns: [...effectsOf(action.command, decision.events, now), ...(action.effects ?? []), ...slaEffectsOf(sla)],
    sideWrites: action.sideWrites ?? [],
    sla: sla ? { change: sla, now, timers: timerPlanFor(caseId, { stage: row.slaStage, deadline: row.slaDeadline }, sla) } : null,
    actor,
    history,
    notifications: notificationsFor(history, { caseId, caseNo: row.caseNo, ...dispatchedTo }),
    events: decision.events.map((e) => e.type),
  };
}

/** The stored outside deadlines (`case_deadline_caps`, read as a JSON object stage → ISO time) as dates. */
function deadlineCapsOf(stored: Record<string, string> | null): Partial<Record<SlaStage, Date>> | undefined {
  if (!stored) return undefined;
  return Object.fromEntries(Object.entries(stored).map(([stage, at]) => [stage, new Date(at)]));
}
