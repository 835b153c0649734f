import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from './case.entity';

/**
 * A partner system or app that submits through Open311, with its API key stored only as a SHA-256.
 * Its `code` names the channel of the cases it submits (`open311:<code>`).
 */
@Entity('open311_clients')
export class Open311ClientEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_open311_clients_code', { unique: true })
  @Column({ type: 'varchar', length: 24 })
  code: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Index('uq_open311_clients_key_hash', { unique: true })
  @Column({ name: 'api_key_hash', type: 'char', length: 64 })
  apiKeyHash: string;
  /** The key's first characters, so admins can tell keys apart without seeing them. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 8 }) keyPrefix: string;
  /** Most POST requests a minute with this key. */
  @Column({ name: 'rate_limit_per_minute', type: 'int', default: 60 }) rateLimitPerMinute: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true }) createdById: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}

/** What an Open311 POST carried beyond the case itself: the client, its token, attributes, contact. */
@Entity('open311_requests')
export class Open311RequestEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
  @Index('ix_open311_requests_client')
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;
  @ManyToOne(() => Open311ClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: Open311ClientEntity;
  @Index('uq_open311_requests_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  token: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) attributes: Record<string, unknown>;
  @Column({ name: 'account_id', type: 'varchar', length: 100, nullable: true }) accountId: string | null;
  /** The submitter's e-mail and device id are personal data: sealed like callers' phones. */
  @Column({ name: 'email_sealed', type: 'text', nullable: true }) emailSealed: string | null;
  @Column({ name: 'device_id_sealed', type: 'text', nullable: true }) deviceIdSealed: string | null;
  @Column({ name: 'address_id', type: 'varchar', length: 64, nullable: true }) addressId: string | null;
  @Column({ name: 'media_url', type: 'varchar', length: 2000, nullable: true }) mediaUrl: string | null;
  /** Every media_url the client sent, in order (media_url holds the first, as GET requests shows it). */
  @Column({ name: 'media_urls', type: 'text', array: true, default: () => "'{}'" }) mediaUrls: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** An extra form field of a service (category), published as an Open311 attribute. */
@Entity('service_attributes')
@Index('uq_service_attributes_category_code', ['categoryCode', 'code'], { unique: true })
export class ServiceAttributeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'category_code', type: 'varchar', length: 80 }) categoryCode: string;
  @Column({ type: 'varchar', length: 64 }) code: string;
  @Column({ type: 'varchar', length: 16 }) datatype: string;
  @Column({ type: 'boolean', default: false }) required: boolean;
  @Column({ type: 'varchar', length: 300 }) description: string;
  @Column({ name: 'datatype_description', type: 'varchar', length: 300, nullable: true }) datatypeDescription: string | null;
  @Column({ name: 'sort_order', type: 'int' }) sortOrder: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) values: { key: string; name: string }[];
}

/**
 * A request sent to the Open311 test endpoint (/open311/v2/test): checked as a real one, answered with a
 * token and a `TEST…` id a client can read back, and kept apart from the cases (no case, no routing, no
 * figures); each new one removes those older than 7 days.
 */
@Entity('open311_test_requests')
export class Open311TestRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_open311_test_requests_request_id', { unique: true })
  @Column({ name: 'service_request_id', type: 'varchar', length: 32 })
  serviceRequestId: string;
  @Index('uq_open311_test_requests_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  token: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId: string;
  @Column({ name: 'service_code', type: 'varchar', length: 100 }) serviceCode: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'varchar', length: 500 }) address: string;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  /** The grid the request would be placed in (null: it would wait in 待定位). */
  @Column({ name: 'grid_code', type: 'varchar', length: 64, nullable: true }) gridCode: string | null;
  @Column({ name: 'media_url', type: 'varchar', length: 2000, nullable: true }) mediaUrl: string | null;
  @Index('ix_open311_test_requests_created')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
