import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentEntity } from './reference.entities';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;
  /** scrypt hash with its salt and parameters, see libs/auth password.ts. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash: string;
  @Column({ name: 'display_name', type: 'varchar', length: 120 }) displayName: string;
  @Column({ type: 'varchar', length: 32 }) role: string;
  @Index('ix_users_department')
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;
  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;
  /** Grids a grid worker is responsible for. */
  @Column({ name: 'grid_codes', type: 'text', array: true, default: () => "'{}'" }) gridCodes: string[];
  @Column({ name: 'failed_logins', type: 'int', default: 0 }) failedLogins: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /**
   * Raised by a trigger whenever active, role, department, grids or password change (and by logout-all);
   * a token issued with an older version is refused. See migration SessionVersions.
   */
  @Column({ name: 'token_version', type: 'int', default: 1 }) tokenVersion: number;
  /**
   * Set by an admin who creates the user or resets the password: until the user chooses their own
   * (`POST /api/v1/auth/password`) every other route answers 403 PasswordChangeRequired.
   */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true }) passwordChangedAt: Date | null;
  /**
   * The second factor (TOTP, RFC 6238): the shared secret sealed like other secrets (PersonalDataCipher),
   * set once the user confirmed it with a code; `totp_enabled_at` says since when it is required at sign-in.
   */
  @Column({ name: 'totp_secret_sealed', type: 'text', nullable: true }) totpSecretSealed: string | null;
  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true }) totpEnabledAt: Date | null;
  /** A secret offered at enrolment and not yet confirmed with a code; replaced by each new enrolment. */
  @Column({ name: 'totp_pending_sealed', type: 'text', nullable: true }) totpPendingSealed: string | null;
  /** The time step of the last code accepted: a code is good once (no replay within its 30 s window). */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true }) totpLastStep: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * One-time recovery codes of a user's second factor: stored as SHA-256 hashes (the codes are random,
 * about 49 bits each, so a fast hash suffices), shown once at enrolment; `used_at` set by the sign-in that spends one.
 */
@Entity('user_recovery_codes')
@Index('uq_user_recovery_codes', ['userId', 'codeHash'], { unique: true })
export class UserRecoveryCodeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ name: 'code_hash', type: 'varchar', length: 64 }) codeHash: string;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
}
