import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * Sign-in history (等保 2.0): every sign-in attempt on an existing account, with its outcome, address and
 * browser. Attempts on names no account has are not kept (a password typed into the name field would be).
 * Kept as long as the audit trail (AUDIT_RETENTION_DAYS).
 */
@Entity('sign_in_history')
@Index('ix_sign_in_history_user_at', ['userId', 'at'])
@Index('ix_sign_in_history_at', ['at'])
export class SignInHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  /** `success` or `failure` (a wrong password, a locked or a disabled account: one outcome, as sign-in answers). */
  @Column({ type: 'varchar', length: 16 }) outcome: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) address: string | null;
  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true }) userAgent: string | null;
}
