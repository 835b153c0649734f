import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
