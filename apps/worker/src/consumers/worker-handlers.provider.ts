import type { Provider } from '@nestjs/common';
import type { WorkerHandlers } from '@hotline/queues';
import { DispatchProcessor } from '../dispatch/dispatch.processor';
import { NotifyProcessor } from '../notify/notify.processor';
import { SlaTimerProcessor } from '../sla/sla-timer.processor';
import { StatsProcessor } from '../stats/stats.processor';

/** Injection token of the worker's handler table. */
export const WORKER_HANDLERS = Symbol('WORKER_HANDLERS');

export const WORKER_PROCESSORS = [DispatchProcessor, SlaTimerProcessor, NotifyProcessor, StatsProcessor];

/** Every queue's handlers, one processor per queue; a queue left out does not compile. */
export const workerHandlersProvider: Provider = {
  provide: WORKER_HANDLERS,
  inject: WORKER_PROCESSORS,
  useFactory: (
    dispatch: DispatchProcessor,
    sla: SlaTimerProcessor,
    notify: NotifyProcessor,
    stats: StatsProcessor,
  ): WorkerHandlers => ({
    dispatch: dispatch.handlers,
    sla: sla.handlers,
    notify: notify.handlers,
    stats: stats.handlers,
  }),
};
