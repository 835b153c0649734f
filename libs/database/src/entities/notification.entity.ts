import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/**
 * A notification to a department, a role (the dispatchers, the supervisors) or one user. Written in the
 * same transaction as what caused it; the `notify` queue then delivers it to the department's webhook
 * when it has one. Every row is also the recipients' in-app inbox, so a notification whose webhook
 * never answered is still seen.
 */
@Entity('notifications')
@Index('ix_notifications_department', ['recipientDepartmentId', 'createdAt'])
@Index('ix_notifications_role', ['recipientRole', 'createdAt'])
@Index('ix_notifications_user', ['recipientUserId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('ix_notifications_case')
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
  /** What happened, e.g. caseDispatched, slaBreached; clients switch on it. */
  @Column({ type: 'varchar', length: 40 }) type: string;
  @Column({ name: 'recipient_department_id', type: 'uuid', nullable: true }) recipientDepartmentId: string | null;
  @Column({ name: 'recipient_role', type: 'varchar', length: 32, nullable: true }) recipientRole: string | null;
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true }) recipientUserId: string | null;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) data: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  /** webhook once the department's endpoint took it; inbox when there is no webhook or it never answered. */
  @Column({ type: 'varchar', length: 16, nullable: true }) channel: string | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @Column({ name: 'delivery_attempts', type: 'int', default: 0 }) deliveryAttempts: number;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
  @Column({ name: 'read_by_id', type: 'uuid', nullable: true }) readById: string | null;
}
