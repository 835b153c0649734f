import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MultiPolygon, Polygon } from 'geojson';
import { CategoryRef, CommunityRef, DepartmentRef, GridRef, PlaceRef, ReferenceSnapshot } from './reference-snapshot';
import { sqlRows } from '@hotline/database';

/** How long a snapshot is trusted before the next read reloads it (admin edits show up within this). */
const TTL_MS = 30_000;

/**
 * Departments, categories and the grid tree change rarely and are read on every intake and dispatch:
 * they are loaded once into an in-memory snapshot and reloaded after TTL_MS or on `invalidate()`.
 */
@Injectable()
export class ReferenceDataService {
  private snapshot: ReferenceSnapshot | null = null;
  private loadedAt = 0;
  private loading: Promise<ReferenceSnapshot> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(): Promise<ReferenceSnapshot> {
    if (this.snapshot && Date.now() - this.loadedAt < TTL_MS) return this.snapshot;
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  invalidate(): void {
    this.snapshot = null;
  }

  private async load(): Promise<ReferenceSnapshot> {
    const q = <T extends object>(sql: string) => sqlRows<T>(this.dataSource, sql);
    const [departments, categories, streets, communities, grids, districts] = await Promise.all([
      q<DepartmentRef>(`SELECT id, code, name, name_en AS "nameEn", type FROM departments WHERE active ORDER BY code`),
      q<Omit<CategoryRef, 'path'> & { path: string }>(
        `SELECT id, code, name, name_en AS "nameEn", parent_id AS "parentId", path FROM categories ORDER BY path`,
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
    this.snapshot = new ReferenceSnapshot(departments, categoryRefs, streets, communityRefs, gridRefs, district);
    this.loadedAt = Date.now();
    return this.snapshot;
  }
}
