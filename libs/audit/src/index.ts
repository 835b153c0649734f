/**
 * @hotline/audit — the audit trail (issue 18): one append-only table, `audit_log`. Every administrative
 * change writes its row with `recordAudit` in the change's own transaction; the database refuses to
 * commit a change of an audited table without it (migration AuditTrail). Admins read it through
 * AuditLogService; the worker purges rows past AUDIT_RETENTION_DAYS.
 */
export { AUDIT_ENTITIES, systemActor } from './audit-entry';
export type { AuditActor, AuditEntity, AuditEntry, AuditRecord } from './audit-entry';
export { recordAudit, recordAudits } from './record-audit';
export { Actor, auditActorOf } from './audit-actor.decorator';
export { AUDIT_EXPORT_LIMIT, AuditLogService } from './audit-log.service';
export type { AuditFilters, AuditPage } from './audit-log.service';
export { AuditModule } from './audit.module';
