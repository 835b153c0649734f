import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The centre's session security settings: one row (id 1), changed by admins only and audited (entity
 * `securitySettings`; the database refuses a change without its audit row). Every API process reloads
 * it on the NOTIFY its trigger sends at commit (migration IdleTimeout).
 */
@Entity('security_settings')
@Check('ck_security_settings_single', `"id" = 1`)
@Check('ck_security_settings_idle', `"idle_timeout_seconds" BETWEEN 10 AND 86400`)
export class SecuritySettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 }) id: number;
  /** A console session with no request for this long ends (等保 2.0's idle time-out). */
  @Column({ name: 'idle_timeout_seconds', type: 'int', default: 1800 }) idleTimeoutSeconds: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
