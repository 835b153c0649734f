import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MultiPolygon, Polygon } from 'geojson';
import { AppConfig } from '@hotline/config';
import { CategoryRef, CommunityRef, DepartmentRef, GridRef, PlaceRef, ReferenceSnapshot } from './reference-snapshot';
import { CachedSettings, currentSettingsVersion, sqlRows } from '@hotline/database';

/**
 * Departments, categories and the grid tree change rarely and are read on every intake and dispatch:
 * they are loaded once into an in-memory snapshot, reloaded by every process when an admin change
 * commits (its NOTIFY, CachedSettings) and after the cache's backstop expiry. Retired departments and
 * categories stay in the snapshot (marked `active: false`): closed cases and their figures still name them.
 */
@Injectable()
export class ReferenceDataService extends CachedSettings<ReferenceSnapshot> {
  /** Without a config (offline tools) the snapshot is only reloaded by expiry. */
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() config?: AppConfig,
  ) {
    super(config?.DATABASE_URL ?? null);
  }

  protected async read(): Promise<{ value: ReferenceSnapshot; version: number }> {
    const version = await currentSettingsVersion(this.dataSource);
    return { value: await this.load(), version };
  }

  private async load(): Promise<ReferenceSnapshot> {
    const q = <T extends object>(sql: string) => sqlRows<T>(this.dataSource, sql);
    const [departments, categories, streets, communities, grids, districts] = await Promise.all([
      q<DepartmentRef>(`SELECT id, code, name, name_en AS "nameEn", type, active FROM departments ORDER BY code`),
      q<Omit<CategoryRef, 'path'> & { path: string }>(
        `SELECT id, code, name, name_en AS "nameEn", parent_id AS "parentId", path, active FROM categories ORDER BY path`,
      ),
      q<PlaceRef>(`SELECT id, code, name FROM streets ORDER BY code`),
      q<PlaceRef & { streetId: string }>(
        `SELECT c.id, c.code, c.name, s.id AS "streetId" FROM communities c JOIN streets s ON s.id = c.street_id ORDER BY c.code`,
      ),
      q<PlaceRef & { geometry: GridRef['geometry']; communityId: string }>(
        `SELECT g.id, g.code, g.name, g.geometry, g.community_id AS "communityId" FROM grids g ORDER BY g.code`,
      ),
      q<{ geometry: Polygon | MultiPolygon }>(`SELECT geometry FROM districts ORDER BY code LIMIT 1`),
    ]);
    const streetById = new Map<string, PlaceRef>(streets.map((s) => [s.id, s]));
    const communityRefs: CommunityRef[] = communities.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      street: streetById.get(c.streetId)!,
    }));
    const communityById = new Map(communityRefs.map((c) => [c.id, c]));
    const gridRefs: GridRef[] = grids.map((g) => {
      const community = communityById.get(g.communityId)!;
      return {
        id: g.id,
        code: g.code,
        name: g.name,
        geometry: g.geometry,
        community: { id: community.id, code: community.code, name: community.name },
        street: community.street,
      };
    });
    const categoryRefs: CategoryRef[] = categories.map((c) => ({
      ...c,
      path: c.path.split('/'),
    }));
    const district: Polygon | MultiPolygon = districts[0]?.geometry ?? { type: 'Polygon', coordinates: [] };
    return new ReferenceSnapshot(departments, categoryRefs, streets, communityRefs, gridRefs, district);
  }
}
