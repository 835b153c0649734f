import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditLogService } from '@hotline/audit';
import { AppConfig } from '@hotline/config';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes audit rows older than AUDIT_RETENTION_DAYS once at start and then daily, in each worker (a
 * DELETE of old rows: running it twice removes nothing more). The database refuses to delete rows
 * younger than 180 days whatever the setting, so a wrong setting cannot shorten the legal minimum.
 */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditRetentionService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly audit: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.purgeNow();
    this.timer = setInterval(() => void this.purgeNow(), DAY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  purgeNow(): Promise<number> {
    this.running ??= this.audit
      .purgeOlderThan(this.config.AUDIT_RETENTION_DAYS)
      .then((purged) => {
        if (purged)
          this.logger.log({ purged, retentionDays: this.config.AUDIT_RETENTION_DAYS }, 'audit rows past retention removed');
        return purged;
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'audit retention purge failed; tomorrow’s retries');
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }
}
