import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/**
 * Every SLA stage deadline a case has had, append-mostly: a new row when a stage starts or its deadline
 * moves (an approved extension), `ended_at` when it is superseded or met. The unique key lets a breach
 * be recorded once per (case, stage, deadline) however many workers look.
 */
@Entity('case_deadlines')
@Index('uq_case_deadlines_stage_deadline', ['caseId', 'stage', 'deadline'], { unique: true })
// The sweep's two questions, answered from small partial indexes however many cases are open: which
// running stages are past their deadline with no breach recorded, which past their warning time.
@Index('ix_case_deadlines_due_breach', ['deadline'], { where: 'ended_at IS NULL AND breached_at IS NULL' })
@Index('ix_case_deadlines_due_warning', ['warnAt'], { where: 'ended_at IS NULL AND warned_at IS NULL' })
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
  /** The stage's unit (minutes, workingHours, workingDays): its time left is counted in it. */
  @Column({ type: 'varchar', length: 16, nullable: true }) unit: string | null;
  /** Where the days up to the deadline came from: official, predicted or law; null for rows set before it was recorded. */
  @Column({ type: 'varchar', length: 16, nullable: true }) calendar: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  /** When the warning was recorded (by timer or sweep); set once, by whichever worker got there first. */
  @Column({ name: 'warned_at', type: 'timestamptz', nullable: true }) warnedAt: Date | null;
  /** When the breach was recorded; set once (a conditional UPDATE), so one breach per stage deadline. */
  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true }) breachedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
