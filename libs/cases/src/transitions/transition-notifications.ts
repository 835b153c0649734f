import type { NewNotification } from '@hotline/notify';
import type { CaseEventType } from '../state-machine';

/** The case as it stands after the transition, as far as deciding who to tell goes. */
export interface NotificationFacts {
  caseId: string;
  caseNo: string;
  leadDepartmentId: string | null;
  assistingDepartmentIds: readonly string[];
}

type Event = { type: CaseEventType; toStatus?: string; note?: string | null; data?: Record<string, unknown> };

/** A fact from event data as title text: numbers and strings as they are, anything else left out. */
const asText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * Who is told about each event (pure). Departments hear about work that lands on them (a new case, a
 * reopen, an urge, supervision, a decision on their request); dispatchers about returns; supervisors
 * about extension requests; a staff member about a case assigned to them. Titles are what a person reads
 * in the inbox; ids and facts go in data, never personal data.
 */
export function notificationsFor(events: readonly Event[], facts: NotificationFacts): NewNotification[] {
  const { caseId, caseNo } = facts;
  const toLead = (type: string, title: string, data: Record<string, unknown> = {}): NewNotification[] =>
    facts.leadDepartmentId
      ? [
          {
            recipient: { kind: 'department', departmentId: facts.leadDepartmentId },
            caseId,
            type,
            title,
            data: { caseNo, ...data },
          },
        ]
      : [];
  const toRole = (
    role: 'dispatcher' | 'supervisor',
    type: string,
    title: string,
    data: Record<string, unknown> = {},
  ): NewNotification[] => [{ recipient: { kind: 'role', role }, caseId, type, title, data: { caseNo, ...data } }];
  return events.flatMap((event): NewNotification[] => {
    switch (event.type) {
      case 'dispatched':
        return [
          ...toLead('caseDispatched', `新工单 ${caseNo}，请及时签收`),
          ...facts.assistingDepartmentIds.map((departmentId): NewNotification => ({
            recipient: { kind: 'department', departmentId },
            caseId,
            type: 'caseAssisting',
            title: `协办工单 ${caseNo}，请配合主办单位办理`,
            data: { caseNo },
          })),
        ];
      case 'returned':
        return toRole('dispatcher', 'caseReturned', `工单 ${caseNo} 被退回，请重新派单或驳回退单`, {
          reason: event.data?.reason ?? event.note ?? null,
        });
      case 'returnRejected':
        return toLead('returnRejected', `工单 ${caseNo} 的退单被驳回，请继续办理`);
      case 'extensionRequested':
        return toRole(
          'supervisor',
          'extensionRequested',
          `工单 ${caseNo} 申请延期 ${asText(event.data?.days)} 个工作日，请审批`,
          {
            extensionRequestId: event.data?.extensionRequestId ?? null,
            days: event.data?.days ?? null,
          },
        );
      case 'extensionApproved':
        return toLead('extensionApproved', `工单 ${caseNo} 的延期申请已批准`, { days: event.data?.days ?? null });
      case 'extensionRejected':
        return toLead('extensionRejected', `工单 ${caseNo} 的延期申请未获批准`);
      // 挂起: the supervisors decide a request; the department hears the decision and a resumption by someone else.
      case 'suspensionRequested':
        return toRole('supervisor', 'suspensionRequested', `工单 ${caseNo} 申请挂起，请审批`, {
          suspensionId: event.data?.suspensionId ?? null,
          reason: event.data?.reason ?? null,
        });
      case 'suspended':
        return toLead('suspended', `工单 ${caseNo} 已挂起，计时暂停`);
      case 'suspensionRefused':
        return toLead('suspensionRefused', `工单 ${caseNo} 的挂起申请未获批准，计时继续`);
      case 'resumed':
        return event.data?.cause === 'department' ? [] : toLead('resumed', `工单 ${caseNo} 已恢复计时`);
      case 'reopened':
        return event.data?.cause === 'repeatCall'
          ? toLead('caseReopened', `工单 ${caseNo} 市民再次来电，已重办，请重新办理`, { cause: 'repeatCall' })
          : toLead('caseReopened', `工单 ${caseNo} 回访不满意，已重办，请重新办理`);
      // 办结审核: each review step is told when a reply reaches it; the department when one comes back.
      case 'replied':
      case 'replyApproved':
        if (event.toStatus === 'awaitingLeadApproval') return toLead('replyToApprove', `工单 ${caseNo} 已办结，请部门负责人审核`);
        if (event.toStatus === 'awaitingCentreReview')
          return toRole('supervisor', 'replyToReview', `工单 ${caseNo} 已办结，请中心审核`);
        return [];
      case 'replySentBack':
        return toLead('replySentBack', `工单 ${caseNo} 的办结答复被部门负责人退回，请重新办理`);
      case 'reviewReturned':
        return toLead('reviewReturned', `工单 ${caseNo} 的办结答复未通过中心审核，请重新办理`);
      case 'urged':
        return toLead('caseUrged', `工单 ${caseNo} 被催办，请加快办理`);
      case 'supervised':
        return toLead('caseSupervised', `工单 ${caseNo} 被督办（${asText(event.data?.level)}）`, {
          level: event.data?.level ?? null,
        });
      case 'assigned': {
        const userId = event.data?.assigneeId;
        return typeof userId === 'string'
          ? [
              {
                recipient: { kind: 'user', userId },
                caseId,
                type: 'caseAssigned',
                title: `工单 ${caseNo} 已分配给您`,
                data: { caseNo },
              },
            ]
          : [];
      }
      default:
        return [];
    }
  });
}
