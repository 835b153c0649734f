import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { listenForever, type PgListener, sqlExec, sqlRows } from '@hotline/database';
import { redisOptionsFromUrl } from '@hotline/queues';

/** The users table's triggers NOTIFY this channel with a user's id when its token_version rises or it is deleted. */
export const SESSIONS_CHANNEL = 'user_sessions';

/**
 * How long a cached state is trusted at most, as a backstop should the listening connection die
 * without the process noticing (a half-open TCP connection). A lost connection that is noticed stops
 * the cache at once; this bound only covers the unnoticed case.
 */
const MAX_AGE_MS = 30_000;

/** What the guard checks a token against: the user as it is now. */
export interface SessionState {
  version: number;
  active: boolean;
  /** Ids of this user's tokens that were logged out and have not expired yet. */
  revoked: ReadonlySet<string>;
}

interface Cached {
  state: SessionState | null;
  loadedAt: number;
}

/**
 * The current session state of each user, cached per process and dropped by the NOTIFY the users
 * triggers send at commit (and by logout). A change therefore reaches every process within the
 * notification's delivery time (milliseconds); while the listener is disconnected nothing is cached
 * and every request reads the database. Logged-out token ids live in Redis (a sorted set per user,
 * scored by expiry) until the token would have expired.
 */
@Injectable()
export class SessionStates implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new Map<string, Cached>();
  private readonly loading = new Map<string, Promise<SessionState | null>>();
  /** Raised by every invalidation: a load that started before it may have read the old row and is not cached. */
  private epoch = 0;
  private listener: PgListener | null = null;
  private readonly redis: Redis;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    // No offline queue: while Redis is down a read fails at once instead of holding the request.
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.REDIS_URL),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    this.redis.on('error', () => undefined);
  }

  onModuleInit(): void {
    void this.redis.connect().catch(() => undefined);
    this.listener = listenForever(this.config.DATABASE_URL, SESSIONS_CHANNEL, (userId) => this.invalidate(userId));
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.close();
    this.redis.disconnect();
  }

  /** The user's state now, or null when the user no longer exists. */
  async current(userId: string): Promise<SessionState | null> {
    const cached = this.cache.get(userId);
    if (cached && this.listener?.connected && Date.now() - cached.loadedAt < MAX_AGE_MS) return cached.state;
    let pending = this.loading.get(userId);
    if (!pending) {
      pending = this.load(userId).finally(() => {
        if (this.loading.get(userId) === pending) this.loading.delete(userId);
      });
      this.loading.set(userId, pending);
    }
    return pending;
  }

  /** Drops one user's cached state, or everyone's (after a reconnection, when notices may have been lost). */
  invalidate(userId?: string): void {
    this.epoch++;
    if (userId) {
      this.cache.delete(userId);
      this.loading.delete(userId);
    } else {
      this.cache.clear();
      this.loading.clear();
    }
  }

  /**
   * Ends one token: its id is kept in Redis until `expiresAt` (seconds), then every process is told.
   * Throws when Redis cannot record it (the caller then ends all the user's sessions instead).
   */
  async revoke(userId: string, jti: string, expiresAt: number): Promise<void> {
    const key = this.revokedKey(userId);
    const results = await this.redis
      .multi()
      .zadd(key, expiresAt, jti)
      .zremrangebyscore(key, '-inf', Math.floor(Date.now() / 1000))
      // The set lives as long as its longest-lived token: set the expiry when it has none, raise it otherwise.
      .expireat(key, expiresAt + 1, 'NX')
      .expireat(key, expiresAt + 1, 'GT')
      .exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('Redis did not record the logout');
    this.invalidate(userId);
    await sqlExec(this.dataSource, `SELECT pg_notify($1, $2)`, [SESSIONS_CHANNEL, userId]);
  }

  /** Ends every token of the user: the trigger sees the raise and notifies every process. */
  async endAll(userId: string): Promise<void> {
    await sqlExec(this.dataSource, `UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [userId]);
    this.invalidate(userId);
  }

  /**
   * Marks a token active for `ttlMs` (the idle time-out): answers when it was last marked, or null when
   * its mark had expired or it was never used. Throws when Redis cannot be reached.
   */
  async markActive(jti: string, ttlMs: number): Promise<number | null> {
    const previous = await this.redis.set(
      `{${this.config.REDIS_PREFIX}}:sessions:active:${jti}`,
      String(Date.now()),
      'PX',
      ttlMs,
      'GET',
    );
    return previous === null ? null : Number(previous);
  }

  private revokedKey(userId: string): string {
    return `{${this.config.REDIS_PREFIX}}:sessions:revoked:${userId}`;
  }

  private async load(userId: string): Promise<SessionState | null> {
    const epoch = this.epoch;
    const [rows, revoked] = await Promise.all([
      sqlRows<{ version: number; active: boolean }>(
        this.dataSource,
        `SELECT token_version AS version, active FROM users WHERE id = $1`,
        [userId],
      ),
      this.redis.zrangebyscore(this.revokedKey(userId), `(${Math.floor(Date.now() / 1000)}`, '+inf').then(
        (ids) => ({ ids, complete: true }),
        // Redis unreachable: the logged-out list cannot be read. Answer from the database (the version
        // and active checks still hold) but cache nothing, so the list is read again next time.
        () => ({ ids: [] as string[], complete: false }),
      ),
    ]);
    const state: SessionState | null = rows[0]
      ? { version: rows[0].version, active: rows[0].active, revoked: new Set(revoked.ids) }
      : null;
    if (revoked.complete && epoch === this.epoch && this.listener?.connected)
      this.cache.set(userId, { state, loadedAt: Date.now() });
    return state;
  }
}
