export * from './queue-catalog';
export { redisOptionsFromUrl, bullPrefix } from './redis-connection';
export { enqueueInTransaction, withdrawInTransaction, OUTBOX_CHANNEL } from './outbox-writer';
export { QueueInspector } from './queue-inspector.service';
export type { QueueCounts } from './queue-inspector.service';
export { withTimeout } from './with-timeout';
