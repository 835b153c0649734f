import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A dispatch rule. Conditions are codes (not foreign keys) so that an admin edits a rule as it reads;
 * the routing service validates them on write and ignores a rule whose department has gone.
 */
@Entity('routing_rules')
export class RoutingRuleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_routing_rules_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;
  @Column({ name: 'category_code', type: 'varchar', length: 80, nullable: true }) categoryCode: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 64, nullable: true }) streetCode: string | null;
  @Column({ name: 'grid_code', type: 'varchar', length: 64, nullable: true }) gridCode: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) kind: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) keywords: string[];
  @Column({ name: 'lead_department_code', type: 'varchar', length: 64 }) leadDepartmentCode: string;
  @Column({ name: 'assisting_department_codes', type: 'text', array: true, default: () => "'{}'" })
  assistingDepartmentCodes: string[];
  @Column({ type: 'varchar', length: 500, default: '' }) note: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * One saved rule set (append-only): the rules as the admin saved them, the categories deliberately left to
 * the dispatchers, who and why; a rollback is a new version naming the one it restores.
 */
@Entity('routing_rule_versions')
export class RoutingRuleVersionEntity {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_routing_rule_versions' }) version: number;
  @Column({ type: 'jsonb' }) rules: unknown[];
  @Column({ name: 'dispatcher_categories', type: 'text', array: true, default: () => "'{}'" }) dispatcherCategories: string[];
  @Column({ type: 'varchar', length: 500 }) reason: string;
  @Column({ name: 'rolled_back_from', type: 'int', nullable: true }) rolledBackFrom: number | null;
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true }) createdById: string | null;
  @Column({ name: 'created_by_username', type: 'varchar', length: 64 }) createdByUsername: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
