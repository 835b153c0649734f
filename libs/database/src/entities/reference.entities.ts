import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** GeoJSON polygon as stored (lng/lat, WGS84). */
export interface PolygonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

@Entity('departments')
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_departments_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ name: 'name_en', type: 'varchar', length: 160 }) nameEn: string;
  /** bureau (委办局) or street office (街道办事处). */
  @Column({ type: 'varchar', length: 16 }) type: 'bureau' | 'street';
  /** Where the notify queue POSTs this department's notifications; none means in-app inbox only. */
  @Column({ name: 'webhook_url', type: 'varchar', length: 500, nullable: true }) webhookUrl: string | null;
  /** The HMAC key that signs webhook bodies, sealed like personal data (it must be read back to sign). */
  @Column({ name: 'webhook_secret_sealed', type: 'text', nullable: true }) webhookSecretSealed: string | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Where its work went when it was merged into another department (retired with it). */
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId: string | null;
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  /** 办结审核: the department lead approves (or sends back) every reply before it goes on. */
  @Column({ name: 'reply_review_lead', type: 'boolean', default: false }) replyReviewLead: boolean;
  /** 办结审核: the centre (supervisors) reviews every reply before the callback. */
  @Column({ name: 'reply_review_centre', type: 'boolean', default: false }) replyReviewCentre: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('categories')
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_categories_code', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  code: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ name: 'name_en', type: 'varchar', length: 160 }) nameEn: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: CategoryEntity;
  /** Ancestor codes and its own, '/'-joined: filtering "a category at any level" is a prefix match. */
  @Index('ix_categories_path')
  @Column({ type: 'varchar', length: 400 })
  path: string;
  @Column({ type: 'smallint' }) depth: number;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder: number;
  /** False once retired: no new case is filed under it; the cases filed before keep it. */
  @Column({ type: 'boolean', default: true }) active: boolean;
}

@Entity('districts')
export class DistrictEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_districts_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'jsonb' }) geometry: PolygonGeometry;
}

@Entity('streets')
export class StreetEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_streets_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ name: 'district_id', type: 'uuid' }) districtId: string;
  @ManyToOne(() => DistrictEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;
}

@Entity('communities')
export class CommunityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_communities_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Index('ix_communities_street')
  @Column({ name: 'street_id', type: 'uuid' })
  streetId: string;
  @ManyToOne(() => StreetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;
}

@Entity('grids')
export class GridEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_grids_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Index('ix_grids_community')
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;
  @ManyToOne(() => CommunityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: CommunityEntity;
  @Column({ type: 'jsonb' }) geometry: PolygonGeometry;
}
