// Shared by the state machine's specs only.
import type { CaseAction, CaseCommand } from './case-actions';
import type { CaseActor, CaseActorRole, CaseRelation } from './case-actor';
import type { CaseContext } from './case-context';
import type { CaseStatus } from './case-status';

/** Every kind of actor the machine can meet: centre roles, and department roles by relation. */
export const ACTOR_LABELS = [
  'admin',
  'operator',
  'dispatcher',
  'supervisor',
  'gridWorker',
  'system',
  'departmentStaff@lead',
  'departmentLead@lead',
  'departmentStaff@assisting',
  'departmentLead@assisting',
  'departmentStaff@none',
  'departmentLead@none',
] as const;
export type ActorLabel = (typeof ACTOR_LABELS)[number];

export function actorOf(label: ActorLabel): CaseActor {
  const [role, relation] = label.split('@') as [CaseActorRole, CaseRelation | undefined];
  return relation ? { role, relation } : { role };
}

export const BASE_CONTEXT: CaseContext = {
  status: 'received',
  kind: 'complaint',
  withinReturnWindow: true,
  pendingExtension: false,
  extensionCount: 0,
  maxExtensions: 2,
  callbackAttempts: 0,
  maxCallbackAttempts: 3,
};

export function contextOf(status: CaseStatus, facts: Partial<CaseContext> = {}): CaseContext {
  return { ...BASE_CONTEXT, status, ...facts };
}

/** A case whose facts satisfy every case rule of the action (where rules conflict, the action's side). */
export function happyContext(action: CaseAction, status: CaseStatus): CaseContext {
  return contextOf(status, {
    kind: action === 'directAnswer' ? 'consultation' : 'complaint',
    hasLeadDepartment: true,
    withinRepeatWindow: true,
    pendingExtension: action === 'approveExtension' || action === 'rejectExtension',
    clockRunning: true,
    ...(action === 'decideSuspension' ? { suspension: 'pending' as const } : {}),
    ...(action === 'resume' ? { suspension: 'active' as const } : {}),
    assistingPart: { accepted: action !== 'accept', replied: false },
  });
}

/** Cases whose facts break as many case rules as they can (two, because some rules oppose). */
export const HOSTILE_CONTEXT_FACTS: Array<Partial<CaseContext>> = [
  {
    kind: 'complaint',
    withinReturnWindow: false,
    pendingExtension: true,
    extensionCount: 2,
    maxExtensions: 2,
    assistingPart: { accepted: true, replied: true },
    hasLeadDepartment: false,
    withinRepeatWindow: false,
    suspension: 'active',
    clockRunning: false,
  },
  { kind: 'report', withinReturnWindow: false, pendingExtension: false, assistingPart: { accepted: false, replied: false } },
];

/** A request that passes every request rule. */
export function happyCommand(action: CaseAction): CaseCommand {
  switch (action) {
    case 'dispatch':
      return { action, leadDepartmentId: 'dept-city-management', assistingDepartmentIds: ['dept-housing'] };
    case 'return':
      return { action, reason: '不属于本单位职责' };
    case 'callback':
      return { action, verdict: 'satisfied' };
    case 'close':
      return { action, reason: '市民撤回诉求' };
    case 'merge':
      return { action, target: { sameCase: false, open: true, sameConfidentiality: true } };
    case 'supervise':
      return { action, level: 'yellow' };
    case 'assign':
      return { action, assigneeIsDepartmentStaff: true };
    case 'leadReview':
      return { action, decision: 'approve' };
    case 'review':
      return { action, decision: 'pass' };
    case 'reopen':
      return { action, note: '市民再次来电，暖气仍不热' };
    case 'suspend':
      return { action, reason: 'beforeCourt' };
    case 'decideSuspension':
      return { action, decision: 'approve' };
    default:
      return { action };
  }
}

/** A request that fails a request rule, where the action has any. */
export function badCommand(action: CaseAction): CaseCommand {
  switch (action) {
    case 'dispatch':
      return { action, leadDepartmentId: '' };
    case 'return':
      return { action, reason: '  ' };
    case 'callback':
      return { action, verdict: 'delighted' as never };
    case 'close':
      return { action, reason: '' };
    case 'merge':
      return { action, target: { sameCase: true, open: false, sameConfidentiality: false } };
    case 'supervise':
      return { action, level: 'purple' as never };
    case 'assign':
      return { action, assigneeIsDepartmentStaff: false };
    case 'leadReview':
      return { action, decision: 'return', note: ' ' };
    case 'review':
      return { action, decision: 'reject' as never };
    case 'reopen':
      return { action, note: '' };
    case 'suspend':
      return { action, reason: 'bored' as never };
    case 'decideSuspension':
      return { action, decision: 'maybe' as never };
    default:
      return { action };
  }
}
