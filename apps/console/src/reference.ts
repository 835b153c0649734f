import { api, CategoryNode, Department, GridInfo } from './api';

/** Reference data changes rarely: loaded once per session and shared by every screen. */
const cache = new Map<string, Promise<unknown>>();
function cached<T>(path: string): Promise<T> {
  if (!cache.has(path)) {
    const loading = api.get<T>(path);
    loading.catch(() => cache.delete(path));
    cache.set(path, loading);
  }
  return cache.get(path) as Promise<T>;
}

export const reference = {
  categories: () => cached<CategoryNode[]>('/categories'),
  grids: () => cached<GridInfo[]>('/grids'),
  departments: () => cached<Department[]>('/departments'),
  /** After an admin changed departments or categories: every screen reads them again. */
  forget: () => cache.clear(),
};

/** Communities and streets, derived from the grid list (each grid names its community and street). */
export function placesOf(grids: GridInfo[]) {
  const communities = new Map<string, { code: string; name: string; street: string }>();
  const streets = new Map<string, { code: string; name: string }>();
  for (const g of grids) {
    communities.set(g.community.code, { ...g.community, street: g.street.name });
    streets.set(g.street.code, g.street);
  }
  return { communities: [...communities.values()], streets: [...streets.values()] };
}

/** Category tree as antd TreeSelect nodes, searchable by name and code. */
export interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}
export function categoryTree(nodes: CategoryNode[], english: boolean): TreeNode[] {
  return nodes.map((n) => ({
    value: n.code,
    title: english && n.nameEn ? n.nameEn : n.name,
    children: n.children.length ? categoryTree(n.children, english) : undefined,
  }));
}

/** A point inside a grid's polygon, for a case placed by grid without coordinates (centroid of the ring's vertices). */
export function gridCentre(grid: GridInfo): [number, number] | null {
  const coords = grid.geometry.coordinates as number[][][] | number[][][][];
  const ring = (grid.geometry.type === 'MultiPolygon' ? (coords as number[][][][])[0][0] : (coords as number[][][])[0]) ?? [];
  if (!ring.length) return null;
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}
