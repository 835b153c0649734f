import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '@hotline/auth';
import { sqlRows, type SqlParam } from '@hotline/database';
import { NotFound } from '@hotline/errors';

export interface InboxItem {
  id: string;
  type: string;
  caseId: string | null;
  title: string;
  data: Record<string, unknown>;
  createdAt: Date;
  channel: string | null;
  deliveredAt: Date | null;
  readAt: Date | null;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/**
 * Which notifications a user reads: their own, their department's (department roles), their role's
 * (dispatchers, supervisors). Admins read every notification, for audit. One SQL predicate, so the
 * list and "mark read" can never disagree about what a user may see.
 */
function visibleTo(user: AuthUser, params: SqlParam[]): string {
  if (user.role === 'admin') return 'TRUE';
  params.push(user.id);
  const own = `n.recipient_user_id = $${params.length}`;
  if (user.departmentId) {
    params.push(user.departmentId);
    return `(${own} OR n.recipient_department_id = $${params.length})`;
  }
  params.push(user.role);
  return `(${own} OR n.recipient_role = $${params.length})`;
}

@Injectable()
export class NotificationInboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, options: { unreadOnly: boolean; page: number; pageSize: number }): Promise<InboxPage> {
    const params: SqlParam[] = [];
    const visible = visibleTo(user, params);
    const where = options.unreadOnly ? `${visible} AND n.read_at IS NULL` : visible;
    const [{ total, unread }] = await sqlRows<{ total: number; unread: number }>(
      this.dataSource,
      `SELECT count(*) FILTER (WHERE ${where})::int AS total, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
         FROM notifications n WHERE ${visible}`,
      params,
    );
    const items = await sqlRows<InboxItem>(
      this.dataSource,
      `SELECT n.id, n.type, n.case_id AS "caseId", n.title, n.data, n.created_at AS "createdAt", n.channel,
              n.delivered_at AS "deliveredAt", n.read_at AS "readAt"
         FROM notifications n WHERE ${where}
        ORDER BY n.created_at DESC, n.id LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`,
      params,
    );
    return { items, total, unread, page: options.page, pageSize: options.pageSize };
  }

  /** Marks one notification read (idempotent); 404 when it does not exist or is not the user's to see. */
  async markRead(user: AuthUser, id: string): Promise<InboxItem> {
    const params: SqlParam[] = [id, user.id];
    const visible = visibleTo(user, params);
    const [row] = await sqlRows<InboxItem>(
      this.dataSource,
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, now()), read_by_id = COALESCE(n.read_by_id, $2)
        WHERE n.id = $1 AND ${visible}
        RETURNING n.id, n.type, n.case_id AS "caseId", n.title, n.data, n.created_at AS "createdAt", n.channel,
                  n.delivered_at AS "deliveredAt", n.read_at AS "readAt"`,
      params,
    );
    if (!row) throw new NotFound('Notification', id);
    return row;
  }
}
