import { loadConfig } from '@hotline/config';
import { queuesToConsume, UnknownWorkerQueue, workerQueuesProblems } from './worker-queues';

describe('WORKER_QUEUES', () => {
  it('consumes every queue when unset or empty', () => {
    expect(queuesToConsume(undefined)).toEqual(['dispatch', 'sla', 'notify', 'stats', 'upstream']);
    expect(queuesToConsume(' ')).toEqual(['dispatch', 'sla', 'notify', 'stats', 'upstream']);
  });

  it('consumes only the queues named, whatever the spacing, order or repeats', () => {
    expect(queuesToConsume('dispatch')).toEqual(['dispatch']);
    expect(queuesToConsume(' stats , dispatch,stats')).toEqual(['dispatch', 'stats']);
  });

  it('refuses a name that is no queue, naming it and the queues there are', () => {
    expect(() => queuesToConsume('dispatch,disptach')).toThrow(UnknownWorkerQueue);
    expect(() => queuesToConsume('dispatch,disptach')).toThrow(
      'WORKER_QUEUES: unknown queue "disptach" (the queues are dispatch, sla, notify, stats, upstream)',
    );
  });

  it('is one of the problems the worker lists at start-up with every other bad variable', () => {
    const env = { NODE_ENV: 'development', WORKER_QUEUES: 'dispatch,mail', PORT: 'x' };
    expect(() => loadConfig(env, [workerQueuesProblems])).toThrow(/PORT: [\s\S]*WORKER_QUEUES: unknown queue "mail"/);
    expect(loadConfig({ NODE_ENV: 'development', WORKER_QUEUES: 'sla' }, [workerQueuesProblems]).WORKER_QUEUES).toBe('sla');
  });
});
