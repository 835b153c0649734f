export * from './queue-catalog';
export { assertEveryJobHandled, JobsWithoutHandler, runJob } from './job-handlers';
export type { JobHandler, JobOf, QueueHandlers, WorkerHandlers } from './job-handlers';
export { queuesToConsume, UnknownWorkerQueue, workerQueuesProblems } from './worker-queues';
export { redisOptionsFromUrl, bullPrefix } from './redis-connection';
export {
  enqueueInTransaction,
  withdrawInTransaction,
  writeOutbox,
  outboxInsertSql,
  outboxInsertOfReturnedIdSql,
  outboxInsertOfReturnedSql,
  outboxNotifySql,
  OUTBOX_CHANNEL,
} from './outbox-writer';
export type { BindParam, OutboxWrite } from './outbox-writer';
export { QueueInspector } from './queue-inspector.service';
export type { QueueCounts } from './queue-inspector.service';
export { withTimeout } from './with-timeout';
