import type { EntityManager } from 'typeorm';
import { enqueueInTransaction } from '@hotline/queues';
import type { NewNotification } from './notification';
import { sqlRows } from '@hotline/database';

/**
 * Writes notifications inside the caller's transaction and records the intent to deliver each one, so a
 * notification exists exactly when what caused it committed, and delivery happens in the worker, never
 * inside the request.
 */
export async function notifyInTransaction(manager: EntityManager, notifications: readonly NewNotification[]): Promise<void> {
  for (const n of notifications) {
    const [row] = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO notifications (case_id, type, recipient_department_id, recipient_role, recipient_user_id, title, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
      [
        n.caseId,
        n.type,
        n.recipient.kind === 'department' ? n.recipient.departmentId : null,
        n.recipient.kind === 'role' ? n.recipient.role : null,
        n.recipient.kind === 'user' ? n.recipient.userId : null,
        n.title.slice(0, 200),
        JSON.stringify(n.data ?? {}),
      ],
    );
    await enqueueInTransaction(manager, 'deliver-notification', { notificationId: row.id });
  }
}
