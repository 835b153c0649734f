import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An SLA policy as admins edit it. The limits live in `definition` exactly as in seeds/sla-policies.json
 * (parsed and validated by @hotline/sla on load), so a new field in the policy needs no migration.
 */
@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_sla_policies_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'jsonb' }) definition: Record<string, unknown>;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A district's own working day or day off, winning over the statutory calendar. */
@Entity('holiday_overrides')
export class HolidayOverrideEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_holiday_overrides_date', { unique: true })
  @Column({ type: 'date' })
  date: string;
  @Column({ type: 'boolean' }) working: boolean;
  @Column({ type: 'varchar', length: 500, default: '' }) note: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/**
 * One row: the version of the settings every process caches (SLA policies, holiday overrides), raised by
 * the same commit as each change, so a process can say which version it holds and a caller can wait
 * until every process holds the version its change made.
 */
@Entity('settings_version')
@Check('ck_settings_version_single_row', '"id" = 1')
export class SettingsVersionEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 }) id: number;
  @Column({ type: 'integer', default: 1 }) version: number;
}
