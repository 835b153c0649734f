/** Who did it, as the audit trail records it: the signed-in user and the request that carried the change. */
export interface AuditActor {
  /** null for the system (seeds, the retention purge). */
  userId: string | null;
  username: string;
  role: string | null;
  /** The request's id (as in the logs), so an audit row and its log lines can be matched. */
  requestId: string | null;
  /** The client address (behind a trusted proxy, the real one). */
  address: string | null;
}

/** What changed: the kind of thing, its id, the action, and the thing before and after (JSON, no secrets). */
export interface AuditEntry {
  entity: AuditEntity;
  entityId: string;
  action: string;
  before?: object | null;
  after?: object | null;
}

/**
 * The kinds of things audited. The database trigger of each audited table names its entity with the
 * same word (migration AuditTrail), so a change and its audit row meet on (entity, id).
 */
export const AUDIT_ENTITIES = [
  'user',
  'slaPolicy',
  'holidayOverride',
  'calendarNotice',
  'departmentWebhook',
  'departmentReviewSettings',
  'open311Client',
  'upstreamCategoryMap',
  'department',
  'category',
  'routingRule',
  'routingRuleSet',
  'address',
  'securitySettings',
  /** An enterprise of the register (entity id: its USCC); the contact stays out of the row. */
  'enterprise',
  /** A knowledge-base answer (entity id: its code); its use count is not audited. */
  'knowledgeEntry',
  /** A reveal of a case's caller to a viewer who sees it masked (a read: no table trigger). */
  'caseCaller',
  /** An export that holds personal data (entity id: what was exported). */
  'personalDataExport',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** The actor of what the system does by itself: seeding, migrations. */
export function systemActor(what: string): AuditActor {
  return { userId: null, username: `system:${what}`, role: null, requestId: null, address: null };
}

/** One audit row as admins read it. */
export interface AuditRecord {
  id: string;
  at: Date;
  actorId: string | null;
  actorUsername: string;
  actorRole: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  address: string | null;
}
