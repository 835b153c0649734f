import { SlaSettingsService } from '@hotline/sla-runtime';
import { waitFor } from './harness';
import type { TestStack } from './stack';

/**
 * Waits until every process of the stack (the API and the worker) holds the settings version the
 * database has now, i.e. has reloaded the SLA policies and holiday overrides after the latest change.
 * Call it after a settings change and before anything that must see the change. Returns the version.
 */
export async function settingsAcknowledged(stack: TestStack, timeoutMs = 30_000): Promise<number> {
  const { rows } = await stack.db.query<{ version: number }>(`SELECT version FROM settings_version WHERE id = 1`);
  const target = rows[0].version;
  const processes = [stack.api.app.get(SlaSettingsService), ...(stack.worker ? [stack.worker.get(SlaSettingsService)] : [])];
  await waitFor(
    () => (processes.every((p) => (p.loadedVersion() ?? -1) >= target) ? true : undefined),
    timeoutMs,
    `every process to load settings version ${target}`,
  );
  return target;
}
