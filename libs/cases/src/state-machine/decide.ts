import { CASE_ACTIONS, type CaseAction, type CaseCommand } from './case-actions';
import { isDepartmentRole, type CaseActor } from './case-actor';
import type { CaseContext } from './case-context';
import type { CaseTransitionEvent } from './case-events';
import type { CaseStatus } from './case-status';
import { CaseTransitionRefused, roleRefusal, ruleRefusal, stateRefusal, type CaseRefusal, type RuleFailure } from './refusals';
import { TRANSITION_TABLE, type TransitionRow } from './transition-table';

export interface CaseTransitionAllowed {
  readonly ok: true;
  readonly action: CaseAction;
  /** At least one event; all start from the current status, the last one ends in `nextStatus`. */
  readonly events: CaseTransitionEvent[];
  readonly nextStatus: CaseStatus;
}

export interface CaseTransitionDenied {
  readonly ok: false;
  readonly refusal: CaseRefusal;
}

export type CaseDecision = CaseTransitionAllowed | CaseTransitionDenied;

const ROWS_BY_ACTION = new Map<CaseAction, TransitionRow[]>(
  CASE_ACTIONS.map((action) => [action, TRANSITION_TABLE.filter((r) => r.action === action)]),
);

/** The rows this actor's seat allows for the action, or the role refusal when there are none. */
function rowsForActor(action: CaseAction, actor: CaseActor): TransitionRow[] | CaseRefusal {
  const rows = ROWS_BY_ACTION.get(action);
  if (!rows) throw new TypeError(`Unknown case action: ${String(action)}`);
  const byRole = rows.filter((r) => (r.by.roles as readonly string[]).includes(actor.role));
  if (byRole.length === 0) return roleRefusal(action, 'RoleForbidsAction', actor.role);
  if (!isDepartmentRole(actor.role)) return byRole;

  const relation = actor.relation ?? 'none';
  if (relation === 'none') return roleRefusal(action, 'DepartmentNotOnCase', actor.role);
  const byRelation = byRole.filter((r) => 'relation' in r.by && r.by.relation === relation);
  if (byRelation.length > 0) return byRelation;
  // Every assisting row has a lead counterpart, so only an assisting department lands here.
  return roleRefusal(action, relation === 'assisting' ? 'NotLeadDepartment' : 'RoleForbidsAction', actor.role);
}

function firstFailure<T>(checks: ReadonlyArray<(input: T) => RuleFailure | undefined> | undefined, input: T) {
  for (const check of checks ?? []) {
    const failure = check(input);
    if (failure) return failure;
  }
  return undefined;
}

/**
 * Decides one transition: role first (403), then status (409), then the case's rules, then the
 * request's rules. Pure: the caller persists the events and the next status, or reports the refusal.
 */
export function decide(command: CaseCommand, ctx: CaseContext, actor: CaseActor): CaseDecision {
  const action = command.action;
  const rows = rowsForActor(action, actor);
  if (!Array.isArray(rows)) return { ok: false, refusal: rows };

  const row = rows.find((r) => r.from.includes(ctx.status));
  if (!row) return { ok: false, refusal: stateRefusal(action, ctx.status) };

  const failure = firstFailure(row.caseChecks, ctx) ?? firstFailure(row.inputChecks, command as never);
  if (failure) return { ok: false, refusal: ruleRefusal(action, ctx.status, failure) };

  const events = row.outcome(ctx.status, command, ctx);
  return { ok: true, action, events, nextStatus: events[events.length - 1].toStatus };
}

/** `decide` for services: the allowed transition, or a thrown `CaseTransitionRefused`. */
export function decideOrThrow(command: CaseCommand, ctx: CaseContext, actor: CaseActor): CaseTransitionAllowed {
  const decision = decide(command, ctx, actor);
  if (!decision.ok) throw new CaseTransitionRefused(decision.refusal);
  return decision;
}

/**
 * The actions this actor may take on the case now, for the console's buttons. Request rules are not
 * known yet (no verdict, no merge target), so an action listed here may still be refused for its input.
 */
export function allowedActions(ctx: CaseContext, actor: CaseActor): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const rows = rowsForActor(action, actor);
    if (!Array.isArray(rows)) return false;
    const row = rows.find((r) => r.from.includes(ctx.status));
    return row !== undefined && firstFailure(row.caseChecks, ctx) === undefined;
  });
}
