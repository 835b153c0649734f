import { Logger } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfig, loadConfig } from '@hotline/config';
import { JobsWithoutHandler, UnknownWorkerQueue, type WorkerHandlers } from '@hotline/queues';
import { QueueConsumers } from './queue-consumers.service';

/** BullMQ's Worker replaced by an event emitter that connects nowhere and records each one made. */
jest.mock('bullmq', () => {
  const { EventEmitter } = jest.requireActual<typeof import('node:events')>('node:events');
  class FakeWorker extends EventEmitter {
    static made: FakeWorker[] = [];
    constructor(readonly name: string) {
      super();
      FakeWorker.made.push(this);
    }
    close(): Promise<void> {
      return Promise.resolve();
    }
  }
  return { ...jest.requireActual<object>('bullmq'), Worker: FakeWorker };
});
const made = (): Array<Worker & { name: string }> => (Worker as unknown as { made: Array<Worker & { name: string }> }).made;

const ok = () => Promise.resolve();
const complete: WorkerHandlers = {
  dispatch: { 'route-case': ok },
  sla: { 'sla-warning': ok, 'sla-breach': ok },
  notify: { 'deliver-notification': ok },
  stats: { 'project-case-stats': ok },
};
/** The worker's handler table with the sla queue's breach handler left out. */
const missingSlaBreach = { ...complete, sla: { 'sla-warning': ok } } as unknown as WorkerHandlers;

const config = (WORKER_QUEUES?: string): AppConfig =>
  loadConfig({ NODE_ENV: 'development', ...(WORKER_QUEUES ? { WORKER_QUEUES } : {}) });

beforeEach(() => {
  made().splice(0);
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('the worker at start-up', () => {
  it('refuses to start when a queue it consumes has a job without a handler, and starts no queue worker', () => {
    const consumers = new QueueConsumers(config(), missingSlaBreach);
    expect(() => consumers.onModuleInit()).toThrow(JobsWithoutHandler);
    expect(() => consumers.onModuleInit()).toThrow('no handler for job "sla-breach" of queue "sla"');
    expect(made()).toEqual([]);
    expect(consumers.consumedQueues()).toEqual([]);
  });

  it('starts without the queue that lacks a handler when WORKER_QUEUES leaves that queue out', () => {
    const consumers = new QueueConsumers(config('dispatch,stats'), missingSlaBreach);
    consumers.onModuleInit();
    expect(made().map((worker) => worker.name)).toEqual(['dispatch', 'stats']);
  });

  it('refuses WORKER_QUEUES naming no queue, before starting any queue worker', () => {
    const consumers = new QueueConsumers(config('dispatch,timers'), complete);
    expect(() => consumers.onModuleInit()).toThrow(UnknownWorkerQueue);
    expect(made()).toEqual([]);
  });

  it("starts one worker per queue, each logging its 'error' events instead of crashing the process", async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const consumers = new QueueConsumers(config(), complete);
    consumers.onModuleInit();
    expect(consumers.consumedQueues()).toEqual(['dispatch', 'sla', 'notify', 'stats']);
    const lostLock = new Error('Missing lock for job project-case-stats.x.e1. moveToDelayed');
    // An EventEmitter with no 'error' listener throws ERR_UNHANDLED_ERROR here.
    for (const worker of made()) expect(() => worker.emit('error', lostLock)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(4);
    expect(warn).toHaveBeenCalledWith({ err: lostLock, queue: 'stats' }, 'stats worker error');
    await consumers.beforeApplicationShutdown();
  });
});
