import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only history: the source for audit and statistics. A bigint identity (not a uuid) because
 * "oldest first" must be a total order even for two events in the same millisecond.
 */
@Entity('case_events')
@Index('ix_case_events_case', ['caseId', 'id'])
@Index('ix_case_events_type_at', ['type', 'at'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'varchar', length: 32 }) type: string;
  /** null for the system (automatic routing, timers). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_name', type: 'varchar', length: 120 }) actorName: string;
  @Column({ name: 'actor_role', type: 'varchar', length: 32 }) actorRole: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 24 }) toStatus: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) data: Record<string, unknown>;
}
