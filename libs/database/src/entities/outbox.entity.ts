import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: an intent to enqueue a job, committed with the change that caused it. The
 * relay publishes it to BullMQ and stamps published_at; a Redis outage only delays that.
 */
@Entity('outbox')
@Index('ix_outbox_pending', ['id'], { where: 'published_at IS NULL' })
export class OutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ type: 'varchar', length: 32 }) queue: string;
  @Column({ name: 'job_name', type: 'varchar', length: 64 }) jobName: string;
  /** Deterministic, so that publishing twice (crash after enqueue, before stamping) enqueues once. */
  @Column({ name: 'job_id', type: 'varchar', length: 200 }) jobId: string;
  /** add (publish the job) or remove (withdraw a timer whose deadline moved or whose stage ended). */
  @Column({ type: 'varchar', length: 8, default: 'add' }) action: 'add' | 'remove';
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  /** Delay for timers: the job should run no earlier than this. */
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true }) runAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
