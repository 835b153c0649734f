import { BullModule } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { Worker } from 'bullmq';
import { SlaMonitorService, SuspensionResumerService } from '@hotline/cases';
import { AppConfig, loadConfig } from '@hotline/config';
import { NotificationDeliveryService } from '@hotline/notify';
import { JobsWithoutHandler, QUEUE_NAMES, UnknownWorkerQueue, type WorkerHandlers } from '@hotline/queues';
import { CaseRoutingService } from '@hotline/routing';
import { StatsProjectorService } from '@hotline/stats';
import { UpstreamDeliveryService } from '@hotline/upstream';
import { QueueConsumers } from './queue-consumers.service';
import { WORKER_HANDLERS, WORKER_PROCESSORS, workerHandlersProvider, workerHostsProvider } from './worker-handlers.provider';

/**
 * BullMQ's Worker and Queue replaced by event emitters that connect nowhere; @nestjs/bullmq makes them
 * from the processors as it would in the worker, and each worker made is recorded with whether it ran.
 */
jest.mock('bullmq', () => {
  const { EventEmitter } = jest.requireActual<typeof import('node:events')>('node:events');
  class FakeWorker extends EventEmitter {
    static made: FakeWorker[] = [];
    running = false;
    closed = false;
    constructor(readonly name: string) {
      super();
      FakeWorker.made.push(this);
    }
    run(): Promise<void> {
      this.running = true;
      return new Promise((resolve) => this.once('closed', resolve));
    }
    close(): Promise<void> {
      this.closed = true;
      this.running = false;
      this.emit('closed');
      return Promise.resolve();
    }
  }
  class FakeQueue extends EventEmitter {
    constructor(
      readonly name: string,
      readonly opts: object,
    ) {
      super();
    }
    close(): Promise<void> {
      return Promise.resolve();
    }
  }
  return { ...jest.requireActual<object>('bullmq'), Worker: FakeWorker, Queue: FakeQueue };
});
type FakeWorker = Worker & { name: string; running: boolean; closed: boolean };
const made = (): FakeWorker[] => (Worker as unknown as { made: FakeWorker[] }).made;
const running = (): string[] =>
  made()
    .filter((worker) => worker.running)
    .map((worker) => worker.name);

const ok = () => Promise.resolve();
const complete: WorkerHandlers = {
  dispatch: { 'route-case': ok },
  sla: { 'sla-warning': ok, 'sla-breach': ok, 'sla-resume': ok },
  notify: { 'deliver-notification': ok },
  stats: { 'project-case-stats': ok },
  upstream: { 'deliver-upstream-report': ok },
};
/** The worker's handler table with the sla queue's breach handler left out. */
const missingSlaBreach = { ...complete, sla: { 'sla-warning': ok } } as unknown as WorkerHandlers;

const config = (WORKER_QUEUES?: string): AppConfig =>
  loadConfig({ NODE_ENV: 'development', ...(WORKER_QUEUES ? { WORKER_QUEUES } : {}) });

/** The worker's queue consumers as the worker module wires them, with the services behind the processors left empty. */
function consumersModule(WORKER_QUEUES: string | undefined, handlers: WorkerHandlers): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [BullModule.forRoot({ connection: {} }), ...QUEUE_NAMES.map((name) => BullModule.registerQueue({ name }))],
    providers: [
      { provide: AppConfig, useValue: config(WORKER_QUEUES) },
      ...WORKER_PROCESSORS,
      workerHandlersProvider,
      workerHostsProvider,
      QueueConsumers,
      ...[
        CaseRoutingService,
        SlaMonitorService,
        SuspensionResumerService,
        NotificationDeliveryService,
        StatsProjectorService,
        UpstreamDeliveryService,
      ].map((provide) => ({
        provide,
        useValue: {},
      })),
    ],
  })
    .overrideProvider(WORKER_HANDLERS)
    .useValue(handlers)
    .compile();
}

let app: TestingModule | null = null;
beforeEach(() => {
  made().splice(0);
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
});
afterEach(async () => {
  await app?.close();
  app = null;
  jest.restoreAllMocks();
});

describe('the worker at start-up', () => {
  it('refuses to start when a queue it consumes has a job without a handler, and runs no queue worker', async () => {
    // Not kept for closing: closing a context awaits its failed start and throws again.
    const refused = await consumersModule(undefined, missingSlaBreach);
    const started = refused.init();
    await expect(started).rejects.toThrow(JobsWithoutHandler);
    await expect(started).rejects.toThrow('no handler for job "sla-breach" of queue "sla"');
    expect(running()).toEqual([]);
    expect(refused.get(QueueConsumers).consumedQueues()).toEqual([]);
  });

  it('starts without the queue that lacks a handler when WORKER_QUEUES leaves that queue out', async () => {
    app = await consumersModule('dispatch,stats', missingSlaBreach);
    await app.init();
    expect(running()).toEqual(['dispatch', 'stats']);
    expect(app.get(QueueConsumers).consumedQueues()).toEqual(['dispatch', 'stats']);
    // The workers of the queues left out hold no connection.
    expect(
      made()
        .filter((worker) => worker.closed)
        .map((worker) => worker.name),
    ).toEqual(['sla', 'notify', 'upstream']);
  });

  it('refuses WORKER_QUEUES naming no queue, before running any queue worker', async () => {
    const refused = await consumersModule('dispatch,timers', complete);
    await expect(refused.init()).rejects.toThrow(UnknownWorkerQueue);
    expect(running()).toEqual([]);
  });

  it("runs one worker per queue, each logging its 'error' events instead of crashing the process", async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    app = await consumersModule(undefined, complete);
    await app.init();
    expect(app.get(QueueConsumers).consumedQueues()).toEqual(['dispatch', 'sla', 'notify', 'stats', 'upstream']);
    expect(running()).toEqual(['dispatch', 'sla', 'notify', 'stats', 'upstream']);
    const lostLock = new Error('Missing lock for job project-case-stats.x.e1. moveToDelayed');
    // An EventEmitter with no 'error' listener throws ERR_UNHANDLED_ERROR here.
    for (const worker of made()) expect(() => worker.emit('error', lostLock)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(5);
    expect(warn).toHaveBeenCalledWith({ err: lostLock, queue: 'stats' }, 'stats worker error');
    await app.close();
    app = null;
    expect(made().every((worker) => worker.closed)).toBe(true);
  });
});
