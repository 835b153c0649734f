import { QUEUE_NAMES, type QueueName } from './queue-catalog';

/** WORKER_QUEUES names a queue that does not exist. */
export class UnknownWorkerQueue extends Error {
  constructor(readonly unknown: readonly string[]) {
    super(
      `WORKER_QUEUES: unknown queue${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} ` +
        `(the queues are ${QUEUE_NAMES.join(', ')})`,
    );
    this.name = 'UnknownWorkerQueue';
  }
}

/**
 * The queues a worker process consumes, from WORKER_QUEUES (comma-separated queue names; unset or empty:
 * every queue), in catalogue order. Throws UnknownWorkerQueue naming every name that is not a queue.
 */
export function queuesToConsume(setting: string | undefined): QueueName[] {
  const asked = (setting ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (asked.length === 0) return [...QUEUE_NAMES];
  const unknown = asked.filter((name) => !(QUEUE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UnknownWorkerQueue([...new Set(unknown)]);
  return QUEUE_NAMES.filter((name) => asked.includes(name));
}

/** The same check as a configuration check: the problems loadConfig lists with every other bad variable. */
export function workerQueuesProblems(config: { WORKER_QUEUES?: string }): string[] {
  try {
    queuesToConsume(config.WORKER_QUEUES);
    return [];
  } catch (error) {
    if (error instanceof UnknownWorkerQueue) return [error.message];
    throw error;
  }
}
