import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { listenForever, type PgListener, sqlRow } from '@hotline/database';
import { SessionStates } from './session-states';

/** The security_settings trigger NOTIFYs this channel at commit (migration IdleTimeout). */
export const SECURITY_SETTINGS_CHANNEL = 'security_settings';
/** Before the first read, and should the table be unreadable: the migration's default. */
const DEFAULT_IDLE_SECONDS = 1800;

/** How a session's activity check came out. */
export type Activity = 'active' | 'idle';

/**
 * The idle time-out (等保 2.0): a session with no request for longer than the setting ends, on every API
 * process, whatever client holds it. Each request marks its session active in Redis (a key per token id
 * that expires after the time-out, so every replica sees the same activity); a token whose key has
 * expired, or that was never used and was issued longer ago than the time-out, is idle. The setting is
 * read from security_settings and reloaded on the NOTIFY its trigger sends at commit. With Redis away the
 * activity cannot be read: sessions are let through (the version and logout checks still hold).
 */
@Injectable()
export class IdleSessions implements OnModuleInit, OnModuleDestroy {
  private seconds = DEFAULT_IDLE_SECONDS;
  private loaded: Promise<void> | null = null;
  private listener: PgListener | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly states: SessionStates,
  ) {}

  onModuleInit(): void {
    this.listener = listenForever(this.config.DATABASE_URL, SECURITY_SETTINGS_CHANNEL, () => {
      this.loaded = null;
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.close();
  }

  /** The time-out in force, in seconds. */
  async timeoutSeconds(): Promise<number> {
    // Without the listener a change could go unheard: read each time until it is back.
    if (!this.loaded || !this.listener?.connected) this.loaded = this.load();
    await this.loaded;
    return this.seconds;
  }

  /** Marks the session active now, answering whether it had already been idle too long. */
  async touch(jti: string, issuedAt: number): Promise<Activity> {
    const seconds = await this.timeoutSeconds();
    const now = Date.now();
    let previous: number | null;
    try {
      previous = await this.states.markActive(jti, seconds * 1000);
    } catch {
      return 'active';
    }
    // Measured from the last request (or the token's issue): a mark set under a longer time-out outlives
    // a lowered one, so its age is what counts, not only whether it still exists.
    const since = previous ?? issuedAt * 1000;
    return now - since > seconds * 1000 ? 'idle' : 'active';
  }

  private async load(): Promise<void> {
    try {
      const row = await sqlRow<{ seconds: number }>(
        this.dataSource,
        `SELECT idle_timeout_seconds AS seconds FROM security_settings WHERE id = 1`,
      );
      if (row) this.seconds = row.seconds;
    } catch {
      this.loaded = null;
    }
  }
}
