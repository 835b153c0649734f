/** Who a notification is for: a department's team, everyone in a centre role, or one user. */
export type NotificationRecipient =
  | { kind: 'department'; departmentId: string }
  | { kind: 'role'; role: 'dispatcher' | 'supervisor' }
  | { kind: 'user'; userId: string };

export interface NewNotification {
  recipient: NotificationRecipient;
  caseId: string | null;
  /** What happened, e.g. caseDispatched, slaBreached; clients switch on it. */
  type: string;
  /** One line a person reads in the inbox (the case number and what is wanted of them). */
  title: string;
  /** Ids and facts for machines; never personal data (webhooks leave the district's network). */
  data?: Record<string, unknown>;
}

/** What a webhook receives: the notification as stored, without delivery bookkeeping. */
export interface WebhookBody {
  id: string;
  type: string;
  caseId: string | null;
  title: string;
  data: Record<string, unknown>;
  createdAt: string;
}
