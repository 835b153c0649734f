import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CategoryEntity, CommunityEntity, DepartmentEntity, GridEntity, StreetEntity } from './reference.entities';

/** 工单. Columns mirror DESIGN.md "The case and its life"; personal data only in sealed form. */
@Entity('cases')
@Index('ix_cases_department_status', ['leadDepartmentId', 'status'])
@Index('ix_cases_status_received', ['status', 'receivedAt'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_cases_case_no', { unique: true })
  @Column({ name: 'case_no', type: 'varchar', length: 32 })
  caseNo: string;
  /** Optimistic lock: every transition is `UPDATE … WHERE id = $1 AND version = $2`. */
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'varchar', length: 24 }) status: string;
  @Column({ type: 'varchar', length: 32 }) kind: string;
  @Index('ix_cases_category')
  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;
  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: CategoryEntity;
  @Column({ type: 'varchar', length: 32 }) channel: string;
  @Column({ type: 'varchar', length: 16 }) priority: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'varchar', length: 300 }) address: string;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  @Index('ix_cases_street')
  @Column({ name: 'street_id', type: 'uuid', nullable: true })
  streetId: string | null;
  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;
  @Index('ix_cases_community')
  @Column({ name: 'community_id', type: 'uuid', nullable: true })
  communityId: string | null;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;
  @Index('ix_cases_grid')
  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId: string | null;
  @ManyToOne(() => GridEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grid_id' })
  grid?: GridEntity;
  @Column({ name: 'caller_name_sealed', type: 'text' }) callerNameSealed: string;
  /** Null for a report that left no phone (an Open311 client's e-mail-only report). */
  @Column({ name: 'caller_phone_sealed', type: 'text', nullable: true }) callerPhoneSealed: string | null;
  @Index('ix_cases_caller_phone_hash')
  @Column({ name: 'caller_phone_hash', type: 'char', length: 64, nullable: true })
  callerPhoneHash: string | null;
  @Column({ type: 'boolean', default: false }) confidential: boolean;
  @Column({ name: 'lead_department_id', type: 'uuid', nullable: true }) leadDepartmentId: string | null;
  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_department_id' })
  leadDepartment?: DepartmentEntity;
  @Index('ix_cases_assisting_departments', { synchronize: false })
  @Column({ name: 'assisting_department_ids', type: 'uuid', array: true, default: () => "'{}'" })
  assistingDepartmentIds: string[];
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true }) createdById: string | null;
  @Index('ix_cases_received_at')
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ name: 'returns_count', type: 'int', default: 0 }) returnsCount: number;
  @Column({ name: 'extensions_count', type: 'int', default: 0 }) extensionsCount: number;
  @Column({ name: 'reopens_count', type: 'int', default: 0 }) reopensCount: number;
  @Column({ name: 'urges_count', type: 'int', default: 0 }) urgesCount: number;
  /** 重复件: the open case this one was merged into; it follows that case from then on. */
  @Index('ix_cases_merged_into')
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: CaseEntity;
  /** 重办 / follow-up: the closed case this one was taken to follow up (a repeat call about it). */
  @Column({ name: 'follow_up_of_id', type: 'uuid', nullable: true }) followUpOfId: string | null;
  /** 督办 level (normal/yellow/red) once a supervisor or the SLA timer has supervised the case. */
  @Column({ name: 'supervision_level', type: 'varchar', length: 8, nullable: true }) supervisionLevel: string | null;
  /** The staff member the department lead assigned the case to. */
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  /** The SLA stage running now (accept / reply / callback), null when no stage runs (received, closed). */
  @Column({ name: 'sla_stage', type: 'varchar', length: 16, nullable: true }) slaStage: string | null;
  /** The running stage's deadline; indexed for the overdue sweep and the ?sla= filter. */
  @Index('ix_cases_sla_deadline')
  @Column({ name: 'sla_deadline', type: 'timestamptz', nullable: true })
  slaDeadline: Date | null;
  @Column({ name: 'sla_warn_at', type: 'timestamptz', nullable: true }) slaWarnAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
