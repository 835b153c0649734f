import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SlaMonitorService, SuspensionResumerService, type SweepResult } from '@hotline/cases';
import { AppConfig } from '@hotline/config';
import { HotlineMetrics } from '@hotline/metrics';

/**
 * Runs the SLA sweep every SLA_SWEEP_MS in each worker: the safety net under the timers, so a timer
 * lost with Redis data, deleted by hand or delayed by a backlog cannot hide a breach. It reads only
 * PostgreSQL, so it keeps recording breaches while Redis is down. It also resumes the suspensions (挂起)
 * whose maximum has passed, should their timer be lost.
 */
@Injectable()
export class SlaSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SlaSweepService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult | null> | null = null;

  constructor(
    private readonly monitor: SlaMonitorService,
    private readonly resumer: SuspensionResumerService,
    private readonly config: AppConfig,
    private readonly metrics: HotlineMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SLA_SWEEP_MS > 0) this.timer = setInterval(() => void this.sweepNow(), this.config.SLA_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; a call while one runs waits for that one instead of starting a second. */
  sweepNow(): Promise<SweepResult | null> {
    // Suspensions past their maximum first: a resumed stage's deadline is then swept like any other.
    this.running ??= this.resumer
      .resumeDue()
      .then(async (resumed) => {
        if (resumed) this.logger.log({ resumed }, 'SLA sweep resumed suspensions past their maximum');
        return this.monitor.sweep();
      })
      .then((result) => {
        this.metrics.slaBreaches.inc({ detected_by: 'sweep' }, result.breaches);
        this.metrics.slaWarnings.inc({ detected_by: 'sweep' }, result.warnings);
        if (result.breaches || result.warnings) this.logger.log(result, 'SLA sweep recorded what the timers had not');
        return result;
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'SLA sweep failed; the next one retries');
        return null;
      })
      .finally(() => (this.running = null));
    return this.running;
  }
}
