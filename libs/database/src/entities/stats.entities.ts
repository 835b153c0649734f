import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per case: that case's figures as @hotline/stats `caseFigures` derived them from its history,
 * with the group keys it counts under. Written only by the stats projector (worker) and the generator;
 * the rollups are sums of these rows and the drill-down lists them.
 */
@Entity('stats_case_facts')
@Index('ix_stats_case_facts_received_at', ['receivedAt'])
export class StatsCaseFactsEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  /** The district date of receipt: the rollups' day. */
  @Column({ name: 'received_day', type: 'date' }) receivedDay: string;
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ name: 'street_id', type: 'uuid', nullable: true }) streetId: string | null;
  @Column({ name: 'community_id', type: 'uuid', nullable: true }) communityId: string | null;
  @Column({ name: 'grid_id', type: 'uuid', nullable: true }) gridId: string | null;
  @Column({ name: 'category_id', type: 'uuid' }) categoryId: string;
  @Column({ type: 'varchar', length: 32 }) kind: string;
  @Column({ type: 'varchar', length: 32 }) channel: string;
  @Column({ type: 'boolean' }) dispatched: boolean;
  @Column({ name: 'accepted_on_time', type: 'boolean' }) acceptedOnTime: boolean;
  @Column({ type: 'boolean' }) replied: boolean;
  @Column({ name: 'replied_on_time', type: 'boolean' }) repliedOnTime: boolean;
  @Column({ name: 'called_back', type: 'boolean' }) calledBack: boolean;
  @Column({ type: 'boolean' }) satisfied: boolean;
  @Column({ type: 'boolean' }) solved: boolean;
  @Column({ type: 'boolean' }) returned: boolean;
  @Column({ type: 'boolean' }) reopened: boolean;
  @Column({ type: 'boolean' }) extended: boolean;
  @Column({ type: 'boolean' }) merged: boolean;
  @Column({ name: 'direct_answered', type: 'boolean' }) directAnswered: boolean;
  @Column({ name: 'review_returned', type: 'boolean' }) reviewReturned: boolean;
  @Column({ type: 'boolean' }) closed: boolean;
  @Column({ name: 'repeat_called', type: 'boolean' }) repeatCalled: boolean;
  /** Working ms from the first dispatch to the standing reply; null unless replied. */
  @Column({ name: 'handling_ms', type: 'bigint', nullable: true }) handlingMs: string | null;
  /** The last history event these facts include (diagnostics; the projector always reads the whole history). */
  @Column({ name: 'last_event_id', type: 'bigint' }) lastEventId: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/**
 * Daily rollup: per district day of receipt, per dimension (department, street, community, grid,
 * category = leaf category, kind, channel) and key (the id or code; '' for none), the sum of the
 * facts. Kept in step by the projector with +/- deltas in the same transaction as the facts row.
 */
@Entity('stats_daily')
export class StatsDailyEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) dimension: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) key: string;
  @Column({ type: 'int', default: 0 }) received: number;
  @Column({ type: 'int', default: 0 }) dispatched: number;
  @Column({ name: 'accepted_on_time', type: 'int', default: 0 }) acceptedOnTime: number;
  @Column({ type: 'int', default: 0 }) replied: number;
  @Column({ name: 'replied_on_time', type: 'int', default: 0 }) repliedOnTime: number;
  @Column({ name: 'called_back', type: 'int', default: 0 }) calledBack: number;
  @Column({ type: 'int', default: 0 }) satisfied: number;
  @Column({ type: 'int', default: 0 }) solved: number;
  @Column({ type: 'int', default: 0 }) returned: number;
  @Column({ type: 'int', default: 0 }) reopened: number;
  @Column({ type: 'int', default: 0 }) extended: number;
  @Column({ type: 'int', default: 0 }) merged: number;
  @Column({ name: 'direct_answered', type: 'int', default: 0 }) directAnswered: number;
  @Column({ name: 'review_returned', type: 'int', default: 0 }) reviewReturned: number;
  @Column({ type: 'int', default: 0 }) closed: number;
  @Column({ name: 'repeat_called', type: 'int', default: 0 }) repeatCalled: number;
}

/** Statistics settings an admin edits (the ranking weights), one JSON value per key. */
@Entity('stats_settings')
export class StatsSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) key: string;
  @Column({ type: 'jsonb' }) value: Record<string, unknown>;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/**
 * The column of each statistics figure in `stats_case_facts` (a boolean; `received` has none: every row
 * is a received case) and in `stats_daily` (a count). Keys are @hotline/stats figure names.
 */
export const STATS_FIGURE_COLUMNS = {
  received: 'received',
  dispatched: 'dispatched',
  acceptedOnTime: 'accepted_on_time',
  replied: 'replied',
  repliedOnTime: 'replied_on_time',
  calledBack: 'called_back',
  satisfied: 'satisfied',
  solved: 'solved',
  returned: 'returned',
  reopened: 'reopened',
  extended: 'extended',
  merged: 'merged',
  directAnswered: 'direct_answered',
  reviewReturned: 'review_returned',
  closed: 'closed',
  repeatCalled: 'repeat_called',
} as const;
