import type { DataSource } from 'typeorm';
import type { SlaSettingsService } from './sla-settings.service';
import { sqlRow } from '@hotline/database';

/**
 * The `settings` component of a process's health details: the settings version it holds and the one the
 * database has. `current` turns true once the process has reloaded after the latest change (a NOTIFY at
 * commit, or the reload after reconnecting), so a caller that changed a policy or an override knows every
 * process applies it once each one's `settings.current` is true (or `loadedVersion` reaches its version).
 */
export interface SettingsHealth {
  status: 'up' | 'down';
  loadedVersion: number | null;
  databaseVersion: number | null;
  current: boolean;
  message?: string;
}

export async function settingsHealth(settings: SlaSettingsService, dataSource: DataSource): Promise<SettingsHealth> {
  const loadedVersion = settings.loadedVersion();
  try {
    const row = await sqlRow<{ version: number }>(dataSource, `SELECT version FROM settings_version WHERE id = 1`);
    const databaseVersion = row?.version ?? null;
    return { status: 'up', loadedVersion, databaseVersion, current: loadedVersion !== null && loadedVersion === databaseVersion };
  } catch (error) {
    return { status: 'down', loadedVersion, databaseVersion: null, current: false, message: (error as Error).message };
  }
}
