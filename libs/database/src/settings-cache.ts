import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { listenForever, type PgListener } from './pg-listener';
import { sqlExec, sqlRows, type SqlRunner } from './sql/typed-sql';

/**
 * Every administrative change of something a process caches (SLA policies, the calendar, departments,
 * categories, routing rules) raises `settings_version` and NOTIFYs this channel in its own transaction:
 * PostgreSQL delivers the notice at commit, and every cache of every process reloads. One channel and
 * one version for all of them, so "every process holds version N" means it holds every change up to N.
 */
export const SETTINGS_CHANNEL = 'hotline_sla_settings';

/** How long a loaded value is trusted should a change notice be lost (a half-open listening connection). */
const TTL_MS = 30_000;

/**
 * Raises the settings version and tells every process (NOTIFY, delivered at commit) to reload: both
 * commit with the change, so a process that reports this version holds the change. Call it inside the
 * change's transaction.
 */
export async function announceSettingsChange(runner: SqlRunner): Promise<number> {
  const [{ version }] = await sqlRows<{ version: number }>(
    runner,
    `UPDATE settings_version SET version = version + 1 WHERE id = 1 RETURNING version`,
  );
  await sqlExec(runner, `SELECT pg_notify($1, $2)`, [SETTINGS_CHANNEL, String(version)]);
  return version;
}

/** The settings version the database has now (read it before the data: a value loaded after is at least this new). */
export async function currentSettingsVersion(runner: SqlRunner): Promise<number> {
  const [row] = await sqlRows<{ version: number }>(runner, `SELECT version FROM settings_version WHERE id = 1`);
  return row?.version ?? 0;
}

/**
 * One listening connection per database for every cache of the process (SLA settings, reference data,
 * routing rules): a notice reloads them all. Opened by the first cache that listens, closed with the last.
 */
const listeners = new Map<string, { listener: PgListener; caches: Set<SettingsCache<unknown>> }>();

function subscribe(databaseUrl: string, cache: SettingsCache<unknown>): void {
  let entry = listeners.get(databaseUrl);
  if (!entry) {
    const caches = new Set<SettingsCache<unknown>>();
    const listener = listenForever(databaseUrl, SETTINGS_CHANNEL, () => caches.forEach((c) => c.reload()));
    entry = { listener, caches };
    listeners.set(databaseUrl, entry);
  }
  entry.caches.add(cache);
}

async function unsubscribe(databaseUrl: string, cache: SettingsCache<unknown>): Promise<void> {
  const entry = listeners.get(databaseUrl);
  if (!entry?.caches.delete(cache) || entry.caches.size > 0) return;
  listeners.delete(databaseUrl);
  await entry.listener.close();
}

/**
 * One cached value a process runs on, loaded from the database, reloaded at once on a settings change
 * (`listen`) and after TTL_MS as a backstop. `loadedVersion()` says which settings version it holds, so
 * a caller that made a change can wait until every process applies it.
 */
export class SettingsCache<T> {
  private value: T | null = null;
  private version: number | null = null;
  private loadedAt = 0;
  /** Raised by every invalidation, so that a load begun before a change is not kept as current. */
  private generation = 0;
  private loading: Promise<T> | null = null;
  private listeningTo: string | null = null;

  /** `load` answers the value and the settings version read before it (currentSettingsVersion). */
  constructor(private readonly load: () => Promise<{ value: T; version: number }>) {}

  /** Reloads on every NOTIFY of SETTINGS_CHANNEL and after each (re)connection of the listener. */
  listen(databaseUrl: string): void {
    if (this.listeningTo !== null) return;
    this.listeningTo = databaseUrl;
    subscribe(databaseUrl, this);
  }

  async close(): Promise<void> {
    if (this.listeningTo !== null) await unsubscribe(this.listeningTo, this);
    this.listeningTo = null;
    // A reload still reading must not outlive the module (and its connection pool).
    await this.loading?.catch(() => undefined);
  }

  async current(): Promise<T> {
    if (this.value !== null && Date.now() - this.loadedAt < TTL_MS) return this.value;
    if (!this.loading) {
      const generation = this.generation;
      const loading = this.load().then(({ value, version }) => {
        if (generation === this.generation) {
          this.value = value;
          this.version = version;
          this.loadedAt = Date.now();
        }
        return value;
      });
      this.loading = loading;
      void loading
        .finally(() => {
          if (this.loading === loading) this.loading = null;
        })
        .catch(() => undefined);
    }
    return this.loading;
  }

  /** The settings version this process holds now; null while it has none (never loaded, or reloading). */
  loadedVersion(): number | null {
    return this.value === null ? null : this.version;
  }

  invalidate(): void {
    this.value = null;
    this.version = null;
    this.generation += 1;
    this.loading = null;
  }

  /** Drops the cached value and loads it again now, so the version this process reports moves at once. */
  reload(): void {
    this.invalidate();
    // A failed read (database unreachable) leaves the cache empty; the next use tries again.
    this.current().catch(() => undefined);
  }
}

/**
 * A process's provider of one cached setting (SLA settings, reference data, routing rules): the
 * SettingsCache, listening from module start (when given a database URL) and closed with the module.
 * Subclasses say only how to read the value and the version it was read at.
 */
export abstract class CachedSettings<T> implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new SettingsCache<T>(() => this.read());

  /** Without a database URL (offline tools) the value is only reloaded by expiry. */
  protected constructor(private readonly listenTo: string | null) {}

  /** The value and the settings version read before it (currentSettingsVersion), or with it in one statement. */
  protected abstract read(): Promise<{ value: T; version: number }>;

  onModuleInit(): void {
    if (this.listenTo) this.cache.listen(this.listenTo);
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache.close();
  }

  current(): Promise<T> {
    return this.cache.current();
  }

  /** The settings version this process holds now; null while it has none (never loaded, or reloading). */
  loadedVersion(): number | null {
    return this.cache.loadedVersion();
  }

  invalidate(): void {
    this.cache.invalidate();
  }

  /** Drops the value and loads it again now (after this process's own change: the NOTIFY comes a moment later). */
  reload(): void {
    this.cache.reload();
  }
}
