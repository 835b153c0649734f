import type { Provider } from '@nestjs/common';
import type { QueueName, WorkerHandlers } from '@hotline/queues';
import { DispatchProcessor } from '../dispatch/dispatch.processor';
import { NotifyProcessor } from '../notify/notify.processor';
import { SlaTimerProcessor } from '../sla/sla-timer.processor';
import { StatsProcessor } from '../stats/stats.processor';
import { UpstreamProcessor } from '../upstream/upstream.processor';
import type { LoggedWorkerHost } from './logged-worker-host';

/** Injection token of the worker's handler table. */
export const WORKER_HANDLERS = Symbol('WORKER_HANDLERS');
/** Injection token of the processors by queue, whose workers QueueConsumers runs or closes. */
export const WORKER_HOSTS = Symbol('WORKER_HOSTS');

/** Every queue's processor (the host of its BullMQ worker); a queue left out does not compile. */
export type WorkerHosts = { readonly [Q in QueueName]: LoggedWorkerHost };

export const WORKER_PROCESSORS = [DispatchProcessor, SlaTimerProcessor, NotifyProcessor, StatsProcessor, UpstreamProcessor];

/** Every queue's handlers, one processor per queue; a queue left out does not compile. */
export const workerHandlersProvider: Provider = {
  provide: WORKER_HANDLERS,
  inject: WORKER_PROCESSORS,
  useFactory: (
    dispatch: DispatchProcessor,
    sla: SlaTimerProcessor,
    notify: NotifyProcessor,
    stats: StatsProcessor,
    upstream: UpstreamProcessor,
  ): WorkerHandlers => ({
    dispatch: dispatch.handlers,
    sla: sla.handlers,
    notify: notify.handlers,
    stats: stats.handlers,
    upstream: upstream.handlers,
  }),
};

export const workerHostsProvider: Provider = {
  provide: WORKER_HOSTS,
  inject: WORKER_PROCESSORS,
  useFactory: (
    dispatch: DispatchProcessor,
    sla: SlaTimerProcessor,
    notify: NotifyProcessor,
    stats: StatsProcessor,
    upstream: UpstreamProcessor,
  ): WorkerHosts => ({ dispatch, sla, notify, stats, upstream }),
};
