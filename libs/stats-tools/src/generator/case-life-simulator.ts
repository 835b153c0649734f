import {
  decideOrThrow,
  type CaseActorRole,
  type CaseCommand,
  type CaseKind,
  type CaseRelation,
  type CaseStatus,
  type CaseTransitionEvent,
  slaStageChange,
} from '@hotline/cases';
import type { SlaPolicy, SlaStage, WorkingCalendar } from '@hotline/sla';

/** How a department behaves in the generated history: the shares of its cases that go wrong. */
export interface DepartmentBehaviour {
  lateAccept: number;
  lateReply: number;
  unsatisfied: number;
  returns: number;
  extensions: number;
}

export interface SimActor {
  id: string | null;
  name: string;
  role: CaseActorRole;
  departmentId?: string | null;
}

export interface SimEvent {
  type: string;
  at: Date;
  actor: SimActor;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  note: string | null;
  data: Record<string, unknown>;
}

export interface SimDeadline {
  stage: SlaStage;
  policyCode: string;
  startedAt: Date;
  deadline: Date;
  warnAt: Date;
  reason: string;
  endedAt: Date | null;
}

export interface SimExtension {
  days: number;
  reason: string;
  status: 'approved' | 'rejected' | 'pending';
  requestedAt: Date;
  decidedAt: Date | null;
  requestedById: string | null;
  decidedById: string | null;
}

export interface SimOutcome {
  status: CaseStatus;
  leadDepartmentId: string | null;
  dispatchedAt: Date | null;
  returns: number;
  extensions: number;
  reopens: number;
  mergedIntoId: string | null;
  sla: { stage: SlaStage | null; deadline: Date | null; warnAt: Date | null };
  events: SimEvent[];
  deadlines: SimDeadline[];
  extensionRequests: SimExtension[];
  updatedAt: Date;
}

export interface SimInput {
  receivedAt: Date;
  kind: CaseKind;
  policy: SlaPolicy;
  calendar: WorkingCalendar;
  /** The department routing chose (null: no rule, a dispatcher decides) and a fallback for re-dispatch. */
  routedDepartmentId: string | null;
  otherDepartmentId: (excluding: string | null) => string;
  behaviour: (departmentId: string) => DepartmentBehaviour;
  /** An earlier open case this one duplicates, when the generator decided it is a duplicate. */
  duplicateOf: string | null;
  actors: { operator: SimActor; dispatcher: SimActor; supervisor: SimActor; staff: (departmentId: string) => SimActor };
  now: Date;
  random: () => number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

class StopSimulation extends Error {}

/**
 * One case's life, decided step by step by the same pure state machine and SLA stage rules the API uses
 * (decideOrThrow, slaStageChange, computeStageDeadline), with the deadline rows written as the service
 * writes them. Steps that would happen after `now` do not happen: the case stays where it is, so the
 * newest cases are still open and some are overdue.
 */
export function simulateCaseLife(input: SimInput): SimOutcome {
  const { policy, calendar, random } = input;
  const out: SimOutcome = {
    status: 'received',
    leadDepartmentId: null,
    dispatchedAt: null,
    returns: 0,
    extensions: 0,
    reopens: 0,
    mergedIntoId: null,
    sla: { stage: null, deadline: null, warnAt: null },
    events: [],
    deadlines: [],
    extensionRequests: [],
    updatedAt: input.receivedAt,
  };
  let callbackAttempts = 0;
  let pendingExtension = false;
  const nowMs = input.now.getTime();

  out.events.push({
    type: 'received',
    at: input.receivedAt,
    actor: input.actors.operator,
    fromStatus: null,
    toStatus: 'received',
    note: null,
    data: {},
  });

  const act = (
    command: CaseCommand,
    actor: SimActor,
    relation: CaseRelation,
    atMs: number,
    data: Record<string, unknown> = {},
    note: string | null = null,
  ): CaseTransitionEvent[] => {
    if (atMs > nowMs) throw new StopSimulation();
    const at = new Date(Math.max(atMs, out.updatedAt.getTime() + 1000));
    const decision = decideOrThrow(
      command,
      {
        status: out.status,
        kind: input.kind,
        withinReturnWindow: true,
        pendingExtension,
        extensionCount: out.extensions,
        maxExtensions: policy.maxExtensions,
        callbackAttempts,
        maxCallbackAttempts: 3,
      },
      { role: actor.role, relation },
    );
    const change = slaStageChange({
      events: decision.events.map((e) => ({ type: e.type, data: { ...(e.data ?? {}), ...data } })),
      current: out.sla,
      dispatchedAt: out.dispatchedAt,
      now: at,
      policy,
      calendar,
    });
    if (change) {
      for (const d of out.deadlines) if (d.endedAt === null) d.endedAt = at;
      if (change.kind === 'start') {
        // As the service's ON CONFLICT: the same stage restarted onto the same deadline reopens its row.
        const same = out.deadlines.find((d) => d.stage === change.stage && d.deadline.getTime() === change.deadline.getTime());
        if (same) Object.assign(same, { endedAt: null, warnAt: change.warnAt, reason: change.reason });
        else
          out.deadlines.push({
            stage: change.stage,
            policyCode: policy.code,
            startedAt: change.startedAt,
            deadline: change.deadline,
            warnAt: change.warnAt,
            reason: change.reason,
            endedAt: null,
          });
        out.sla = { stage: change.stage, deadline: change.deadline, warnAt: change.warnAt };
      } else out.sla = { stage: null, deadline: null, warnAt: null };
    }
    const byDepartment = actor.departmentId ? { departmentId: actor.departmentId } : {};
    for (const e of decision.events) {
      out.events.push({
        type: e.type,
        at,
        actor,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note ?? note,
        data: { ...(e.data ?? {}), ...byDepartment, ...data },
      });
      if (e.type === 'returned') out.returns += 1;
      if (e.type === 'reopened') out.reopens += 1;
      if (e.type === 'extensionRequested') out.extensions += 1;
    }
    if (command.action === 'dispatch') {
      out.dispatchedAt = at;
      out.leadDepartmentId = command.leadDepartmentId;
    }
    out.status = decision.nextStatus;
    out.updatedAt = at;
    return decision.events;
  };
  const between = (from: number, to: number, lo = 0.05, hi = 0.95) =>
    from + (lo + (hi - lo) * random()) * Math.max(to - from, MINUTE);
  const late = (deadline: number) => deadline + (0.05 + random() * 2.5) * DAY;

  try {
    let t = input.receivedAt.getTime();
    if (input.duplicateOf && random() < 0.9) {
      act(
        { action: 'merge', target: { sameCase: false, open: true, sameConfidentiality: true } },
        input.actors.dispatcher,
        'none',
        t + (5 + random() * 60) * MINUTE,
        { targetCaseId: input.duplicateOf },
        'merged as a duplicate',
      );
      out.mergedIntoId = input.duplicateOf;
      return out;
    }
    if (input.kind === 'consultation' && random() < 0.6) {
      act(
        { action: 'directAnswer' },
        input.actors.operator,
        'none',
        t + (2 + random() * 8) * MINUTE,
        { answer: '已按知识库答复' },
        '已按知识库答复',
      );
    } else {
      // Automatic routing within seconds, or a dispatcher when no rule matched.
      let department = input.routedDepartmentId;
      const system: SimActor = { id: null, name: 'system', role: 'system' };
      if (department)
        act({ action: 'dispatch', leadDepartmentId: department }, system, 'none', t + (3 + random() * 30) * 1000, {
          leadDepartmentId: department,
        });
      else {
        department = input.otherDepartmentId(null);
        act(
          { action: 'dispatch', leadDepartmentId: department },
          input.actors.dispatcher,
          'none',
          t + (10 + random() * 50) * MINUTE,
          { leadDepartmentId: department },
        );
      }
      let behaviour = input.behaviour(department);
      if (random() < behaviour.returns) {
        act(
          { action: 'return', reason: '不属于本单位职责' },
          input.actors.staff(department),
          'lead',
          between(out.updatedAt.getTime(), out.sla.deadline!.getTime()),
          { reason: '不属于本单位职责' },
        );
        department = input.otherDepartmentId(department);
        act(
          { action: 'dispatch', leadDepartmentId: department },
          input.actors.dispatcher,
          'none',
          out.updatedAt.getTime() + (20 + random() * 120) * MINUTE,
          { leadDepartmentId: department },
        );
        behaviour = input.behaviour(department);
      }
      const staff = input.actors.staff(department);
      t = out.updatedAt.getTime();
      const acceptDeadline = out.sla.deadline!.getTime();
      act(
        { action: 'accept' },
        staff,
        'lead',
        random() < behaviour.lateAccept ? late(acceptDeadline) : between(t, acceptDeadline, 0.02, 0.9),
      );

      {
        if (random() < behaviour.extensions) {
          const days = 3 + Math.floor(random() * 5);
          const requestedAt = between(out.updatedAt.getTime(), out.sla.deadline!.getTime(), 0.2, 0.7);
          act({ action: 'requestExtension' }, staff, 'lead', requestedAt, { days, reason: '需协调多个部门' }, '需协调多个部门');
          pendingExtension = true;
          const approve = random() < 0.8;
          const decidedAt = out.updatedAt.getTime() + (1 + random() * 20) * HOUR;
          const extension: SimExtension = {
            days,
            reason: '需协调多个部门',
            status: 'pending',
            requestedAt: new Date(requestedAt),
            decidedAt: null,
            requestedById: staff.id,
            decidedById: null,
          };
          out.extensionRequests.push(extension);
          act({ action: approve ? 'approveExtension' : 'rejectExtension' }, input.actors.supervisor, 'none', decidedAt, { days });
          pendingExtension = false;
          Object.assign(extension, {
            status: approve ? 'approved' : 'rejected',
            decidedAt: out.updatedAt,
            decidedById: input.actors.supervisor.id,
          });
        }
        const replyDeadline = out.sla.deadline!.getTime();
        const replyAt =
          random() < behaviour.lateReply ? late(replyDeadline) : between(out.updatedAt.getTime(), replyDeadline, 0.1, 0.95);
        act({ action: 'reply' }, staff, 'lead', replyAt, { result: '已办理完毕' }, '已办理完毕');
      }
    }
    // 回访: sometimes nobody answers; most verdicts are satisfied.
    const callbackDeadline = out.sla.deadline!.getTime();
    for (let rounds = 0; ; rounds += 1) {
      if (random() < 0.04) {
        for (let i = 0; i < 3 && out.status === 'replied'; i += 1) {
          act(
            { action: 'callbackAttempt' },
            input.actors.supervisor,
            'none',
            between(out.updatedAt.getTime(), callbackDeadline, 0.1, 0.4),
          );
          callbackAttempts += 1;
        }
        return out;
      }
      const department = out.leadDepartmentId;
      const unsatisfiedShare = department ? input.behaviour(department).unsatisfied : 0.05;
      const verdict =
        random() < unsatisfiedShare / (rounds + 1) ? 'unsatisfied' : random() < 0.25 ? 'basicallySatisfied' : 'satisfied';
      const solved = verdict === 'unsatisfied' ? random() < 0.15 : random() < 0.93;
      act(
        { action: 'callback', verdict },
        input.actors.supervisor,
        'none',
        between(out.updatedAt.getTime(), out.sla.deadline!.getTime(), 0.1, 0.9),
        { satisfaction: verdict, solved },
      );
      if (out.status !== 'reopened') return out;
      if (!department) {
        // A direct answer the citizen rejected: no department to reopen to, so the supervisor closes it
        // (the case is then logged anew for dispatch), as the machine allows from reopened.
        act(
          { action: 'close', reason: '转为新工单派单办理' },
          input.actors.supervisor,
          'none',
          out.updatedAt.getTime() + (1 + random() * 4) * HOUR,
          { reason: '转为新工单派单办理' },
        );
        return out;
      }
      // 重办: the department accepts again and replies again.
      const staff = input.actors.staff(department);
      act({ action: 'accept' }, staff, 'lead', out.updatedAt.getTime() + (1 + random() * 20) * HOUR);
      const replyDeadline = out.sla.deadline!.getTime();
      act(
        { action: 'reply' },
        staff,
        'lead',
        between(out.updatedAt.getTime(), replyDeadline, 0.1, 1.1),
        { result: '已重新办理' },
        '已重新办理',
      );
    }
  } catch (error) {
    if (!(error instanceof StopSimulation)) throw error;
  }
  return out;
}
