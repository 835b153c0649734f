import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/**
 * Every SLA stage deadline a case has had, append-mostly: a new row when a stage starts or its deadline
 * moves (an approved extension), `ended_at` when it is superseded or met. The unique key lets a breach
 * be recorded once per (case, stage, deadline) however many workers look.
 */
@Entity('case_deadlines')
@Index('uq_case_deadlines_stage_deadline', ['caseId', 'stage', 'deadline'], { unique: true })
export class CaseDeadlineEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
  @Column({ type: 'varchar', length: 16 }) stage: string;
  @Column({ name: 'policy_code', type: 'varchar', length: 64 }) policyCode: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ type: 'timestamptz' }) deadline: Date;
  @Column({ name: 'warn_at', type: 'timestamptz' }) warnAt: Date;
  /** Why the row exists: the event that started the stage or moved its deadline. */
  @Column({ type: 'varchar', length: 32 }) reason: string;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true }) breachedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
