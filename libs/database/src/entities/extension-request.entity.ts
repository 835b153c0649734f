import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/** 延期申请: a lead department asks for more days; a supervisor approves or rejects it. */
@Entity('extension_requests')
@Index('ix_extension_requests_case', ['caseId', 'requestedAt'])
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
  @Column({ type: 'int' }) days: number;
  @Column({ type: 'varchar', length: 500 }) reason: string;
  /** pending → approved | rejected; at most one pending per case (enforced by the case's optimistic lock). */
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status: string;
  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true }) requestedById: string | null;
  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true }) decidedById: string | null;
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true }) decisionNote: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
