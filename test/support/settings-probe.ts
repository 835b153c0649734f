import { ReferenceDataService } from '@hotline/reference';
import { RoutingRulesService } from '@hotline/routing';
import { SlaSettingsService } from '@hotline/sla-runtime';
import { waitFor } from './harness';
import type { TestStack } from './stack';

/** Every cache of the settings version a process holds: SLA settings, reference data, and (where loaded) routing rules. */
function cachesOf(app: { get<T>(token: new (...args: never[]) => T, options?: { strict: boolean }): T }) {
  const optional = <T>(token: new (...args: never[]) => T): T[] => {
    try {
      return [app.get(token, { strict: false })];
    } catch {
      return [];
    }
  };
  return [app.get(SlaSettingsService), ...optional(ReferenceDataService), ...optional(RoutingRulesService)];
}

/**
 * Waits until every process of the stack (the API and the worker) holds the settings version the
 * database has now, i.e. has reloaded the SLA policies, holiday overrides, reference data and routing
 * rules after the latest change. Call it after a settings change and before anything that must see
 * the change. Returns the version.
 */
export async function settingsAcknowledged(stack: TestStack, timeoutMs = 30_000): Promise<number> {
  const { rows } = await stack.db.query<{ version: number }>(`SELECT version FROM settings_version WHERE id = 1`);
  const target = rows[0].version;
  const caches = [...cachesOf(stack.api.app), ...(stack.worker ? cachesOf(stack.worker) : [])];
  await waitFor(
    async () => {
      // A cache loads on first use: ask each for its value, so one never read yet reports a version too.
      await Promise.all(caches.map((c) => c.current()));
      return caches.every((c) => (c.loadedVersion() ?? -1) >= target) ? true : undefined;
    },
    timeoutMs,
    `every process to load settings version ${target}`,
  );
  return target;
}
