import type { EntityManager } from 'typeorm';
import { outboxInsertOfReturnedIdSql, outboxNotifySql, type BindParam } from '@hotline/queues';
import type { NewNotification } from './notification';
import { sqlExec, type SqlParam } from '@hotline/database';

/**
 * Writes notifications inside the caller's transaction and records the intent to deliver each one, so a
 * notification exists exactly when what caused it committed, and delivery happens in the worker, never
 * inside the request. One statement: the notification rows, one delivery intent per row, the NOTIFY.
 */
export async function notifyInTransaction(manager: EntityManager, notifications: readonly NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  const params: SqlParam[] = [];
  const p: BindParam = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  await sqlExec(manager, `WITH ${notificationCtes(notifications, p)} SELECT ${outboxNotifySql(p)}`, params);
}

/**
 * The data-modifying CTEs of notifyInTransaction (named `written` and `delivery`), values bound through
 * `p`, for a statement that writes more than the notifications (a transition's effects). Needs at least
 * one notification.
 */
export function notificationCtes(notifications: readonly NewNotification[], p: BindParam): string {
  const rows = notifications.map(
    (n) =>
      `(${p(n.caseId)}::uuid, ${p(n.type)}, ${p(n.recipient.kind === 'department' ? n.recipient.departmentId : null)}::uuid, ${p(
        n.recipient.kind === 'role' ? n.recipient.role : null,
      )}, ${p(n.recipient.kind === 'user' ? n.recipient.userId : null)}::uuid, ${p(n.title.slice(0, 200))}, ${p(
        JSON.stringify(n.data ?? {}),
      )}::jsonb)`,
  );
  return `written AS (
       INSERT INTO notifications (case_id, type, recipient_department_id, recipient_role, recipient_user_id, title, data)
       VALUES ${rows.join(', ')} RETURNING id),
     delivery AS (${outboxInsertOfReturnedIdSql('deliver-notification', { notificationId: '' }, 'notificationId', 'written.id', 'written', p)})`;
}
