import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * Point-to-grid resolution over the district's grid polygons (网格). Pure: built from plain data, no I/O.
 * A district has tens to a few thousand grids; a bounding-box check before the exact test keeps a
 * lookup to a handful of polygon tests.
 */
export interface GridShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

interface IndexedGrid<T extends GridShape> {
  grid: T;
  bbox: [number, number, number, number];
}

function boundingBox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export class GridIndex<T extends GridShape> {
  private readonly grids: IndexedGrid<T>[];

  constructor(
    grids: readonly T[],
    private readonly district: Polygon | MultiPolygon,
  ) {
    this.grids = grids.map((grid) => ({ grid, bbox: boundingBox(grid.geometry) }));
  }

  /** Whether the point lies in the district, its boundary included. */
  contains(lng: number, lat: number): boolean {
    return booleanPointInPolygon([lng, lat], this.district);
  }

  /**
   * The grid a point falls in. A point on an edge shared by two grids (or a vertex shared by more)
   * belongs to the grid with the lowest code, so the answer never depends on load order.
   */
  locate(lng: number, lat: number): T | null {
    let found: T | null = null;
    for (const { grid, bbox } of this.grids) {
      if (lng < bbox[0] || lng > bbox[2] || lat < bbox[1] || lat > bbox[3]) continue;
      if (found && grid.code >= found.code) continue;
      if (booleanPointInPolygon([lng, lat], grid.geometry)) found = grid;
    }
    return found;
  }
}
