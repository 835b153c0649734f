import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit trail (issue 18): one append-only table for every administrative change, every admin read
 * of a user's record and what else must leave a trace. The database itself refuses UPDATE and DELETE of
 * a row younger than six months, and refuses to commit a change of an audited table without an audit
 * row naming it written in the same transaction (`txid`; see migration AuditTrail).
 */
@Entity('audit_log')
@Index('ix_audit_log_at', ['at'])
@Index('ix_audit_log_entity', ['entity', 'entityId', 'at'])
@Index('ix_audit_log_actor', ['actorId', 'at'])
@Index('ix_audit_log_txid', ['txid'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  /** null for the system (seeds, migrations). No foreign key: the row outlives the user. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_username', type: 'varchar', length: 64 }) actorUsername: string;
  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true }) actorRole: string | null;
  /** What kind of thing: `user`, `slaPolicy`, `holidayOverride`, `departmentWebhook`, `open311Client`, … */
  @Column({ type: 'varchar', length: 64 }) entity: string;
  @Column({ name: 'entity_id', type: 'varchar', length: 200 }) entityId: string;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true }) requestId: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) address: string | null;
  /** The writing transaction (txid_current()): how the database ties a change to its audit row. */
  @Column({ type: 'bigint', default: () => 'txid_current()' }) txid: string;
}
