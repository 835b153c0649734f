import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CategoryRef, CommunityRef, DepartmentRef, GridRef, PlaceRef, ReferenceSnapshot } from './reference-snapshot';

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
    const q = (sql: string) => this.dataSource.query(sql);
    const [departments, categories, streets, communities, grids, districts] = await Promise.all([
      q(`SELECT id, code, name, name_en AS "nameEn", type FROM departments WHERE active ORDER BY code`),
      q(`SELECT id, code, name, name_en AS "nameEn", parent_id AS "parentId", path FROM categories ORDER BY path`),
      q(`SELECT id, code, name FROM streets ORDER BY code`),
      q(`SELECT c.id, c.code, c.name, s.id AS "streetId" FROM communities c JOIN streets s ON s.id = c.street_id ORDER BY c.code`),
      q(`SELECT g.id, g.code, g.name, g.geometry, g.community_id AS "communityId" FROM grids g ORDER BY g.code`),
      q(`SELECT geometry FROM districts ORDER BY code LIMIT 1`),
    ]);
    const streetById = new Map<string, PlaceRef>(streets.map((s: PlaceRef) => [s.id, s]));
    const communityRefs: CommunityRef[] = communities.map((c: PlaceRef & { streetId: string }) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      street: streetById.get(c.streetId)!,
    }));
    const communityById = new Map(communityRefs.map((c) => [c.id, c]));
    const gridRefs: GridRef[] = grids.map((g: PlaceRef & { geometry: GridRef['geometry']; communityId: string }) => {
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
    const categoryRefs: CategoryRef[] = categories.map((c: Omit<CategoryRef, 'path'> & { path: string }) => ({
      ...c,
      path: c.path.split('/'),
    }));
    const district = districts[0]?.geometry ?? { type: 'Polygon', coordinates: [] };
    this.snapshot = new ReferenceSnapshot(
      departments as DepartmentRef[],
      categoryRefs,
      streets,
      communityRefs,
      gridRefs,
      district,
    );
    this.loadedAt = Date.now();
    return this.snapshot;
  }
}
