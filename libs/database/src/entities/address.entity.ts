import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { GridEntity } from './reference.entities';

/**
 * 标准地址: one entry of the district's address register, each with its point (WGS-84) and grid.
 * `search_terms` and `match_keys` are derived from the label and aliases by @hotline/text-search and
 * @hotline/addresses whenever an address is written; their GIN indexes (partial, live rows only) are
 * created by the migration.
 */
@Entity('addresses')
export class AddressEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_addresses_code', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  code: string;
  /** roadNumber (门牌), compound (小区), building (楼), unit (单元), place (shops and public places). */
  @Column({ type: 'varchar', length: 16 }) kind: string;
  @Column({ type: 'varchar', length: 200 }) label: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) aliases: string[];
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @ManyToOne(() => AddressEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: AddressEntity;
  @Index('ix_addresses_grid')
  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;
  @ManyToOne(() => GridEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grid_id' })
  grid?: GridEntity;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'double precision' }) lng: number;
  @Index('ix_addresses_search_terms', { synchronize: false })
  @Column({ name: 'search_terms', type: 'text', array: true })
  searchTerms: string[];
  @Index('ix_addresses_match_keys', { synchronize: false })
  @Column({ name: 'match_keys', type: 'text', array: true, default: () => "'{}'" })
  matchKeys: string[];
  /** Retired addresses stay for the cases that name them, but are no longer found or offered. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  /** Set when an admin writes the address: seeding leaves it alone from then on. */
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true }) editedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
