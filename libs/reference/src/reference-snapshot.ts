import type { MultiPolygon, Polygon } from 'geojson';
import { GridIndex } from '@hotline/grid';

/** Plain, immutable reference data (departments, categories, the grid tree) held in memory. */
export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  type: string;
  /** False once retired (or merged into another): no new case goes to it; its history still names it. */
  active: boolean;
}
export interface CategoryRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  parentId: string | null;
  /** Root first, own code last. */
  path: string[];
  /** False once retired: no new case is filed under it; cases filed before keep it. */
  active: boolean;
}
export interface PlaceRef {
  id: string;
  code: string;
  name: string;
}
export interface GridRef extends PlaceRef {
  geometry: Polygon | MultiPolygon;
  community: PlaceRef;
  street: PlaceRef;
}
export interface CommunityRef extends PlaceRef {
  street: PlaceRef;
}

export class ReferenceSnapshot {
  readonly departmentsByCode = new Map<string, DepartmentRef>();
  readonly departmentsById = new Map<string, DepartmentRef>();
  readonly categoriesByCode = new Map<string, CategoryRef>();
  readonly categoriesById = new Map<string, CategoryRef>();
  readonly gridsByCode = new Map<string, GridRef>();
  readonly gridsById = new Map<string, GridRef>();
  readonly communitiesByCode = new Map<string, CommunityRef>();
  readonly communitiesById = new Map<string, CommunityRef>();
  readonly streetsByCode = new Map<string, PlaceRef>();
  readonly streetsById = new Map<string, PlaceRef>();
  readonly gridIndex: GridIndex<GridRef>;
  private readonly parentIds = new Set<string>();

  constructor(
    departments: DepartmentRef[],
    categories: CategoryRef[],
    streets: PlaceRef[],
    communities: CommunityRef[],
    grids: GridRef[],
    district: Polygon | MultiPolygon,
  ) {
    for (const d of departments) {
      this.departmentsByCode.set(d.code, d);
      this.departmentsById.set(d.id, d);
    }
    for (const c of categories) {
      this.categoriesByCode.set(c.code, c);
      this.categoriesById.set(c.id, c);
      if (c.parentId) this.parentIds.add(c.parentId);
    }
    for (const s of streets) {
      this.streetsByCode.set(s.code, s);
      this.streetsById.set(s.id, s);
    }
    for (const c of communities) {
      this.communitiesByCode.set(c.code, c);
      this.communitiesById.set(c.id, c);
    }
    for (const g of grids) {
      this.gridsByCode.set(g.code, g);
      this.gridsById.set(g.id, g);
    }
    this.gridIndex = new GridIndex(grids, district);
  }

  /** A department new work may go to (not retired): dispatch targets are checked with this. */
  activeDepartment(code: string): DepartmentRef | undefined {
    const department = this.departmentsByCode.get(code);
    return department?.active ? department : undefined;
  }

  /** A category new cases may be filed under: not retired, nor under a retired one. */
  activeCategory(code: string): CategoryRef | undefined {
    const category = this.categoriesByCode.get(code);
    return category && category.path.every((c) => this.categoriesByCode.get(c)?.active) ? category : undefined;
  }

  /** Whether a category has sub-categories (cases are filed under leaves). */
  isLeafCategory(category: CategoryRef): boolean {
    return !this.parentIds.has(category.id);
  }
}
