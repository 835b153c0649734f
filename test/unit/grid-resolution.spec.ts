import { GridIndex, GridShape } from '@hotline/grid';
import { readSeedData } from '@hotline/seeding';

/** Point-to-grid resolution on the real seed polygons (seeds/grids.geojson, seeds/district.geojson). */
describe('grid resolution on the seed polygons', () => {
  const seed = readSeedData();
  const grids: GridShape[] = seed.grids.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const index = new GridIndex(grids, seed.district.geometry);

  it.each([
    [121.602056, 38.908793, 'baiyun-01-g1'],
    [121.64183, 38.9237, 'rixin-03-g2'],
    [121.629865, 38.916022, 'bayilu-02-g2'],
  ])('puts (%f, %f) in %s', (lng, lat, code) => {
    expect(index.contains(lng, lat)).toBe(true);
    expect(index.locate(lng, lat)?.code).toBe(code);
  });

  it('puts a point on an edge shared by two grids in the lower code, whatever the grid order', () => {
    const edge = { lng: 121.612186, lat: 38.9309875 }; // baiyun-04-g3 | renminguangchang-04-g1
    expect(index.locate(edge.lng, edge.lat)?.code).toBe('baiyun-04-g3');
    const reversed = new GridIndex([...grids].reverse(), seed.district.geometry);
    expect(reversed.locate(edge.lng, edge.lat)?.code).toBe('baiyun-04-g3');
    const inner = { lng: 121.6040015, lat: 38.9163445 }; // baiyun-02-g1 | baiyun-02-g2
    expect(index.locate(inner.lng, inner.lat)?.code).toBe('baiyun-02-g1');
  });

  it('resolves every grid corner (shared by up to four grids) to one grid', () => {
    for (const grid of grids) {
      const ring = (grid.geometry as { coordinates: number[][][] }).coordinates[0];
      for (const [lng, lat] of ring) expect(index.locate(lng, lat)).not.toBeNull();
    }
  });

  it('finds no grid outside the district', () => {
    expect(index.contains(121.59, 38.92)).toBe(false);
    expect(index.locate(121.59, 38.92)).toBeNull();
    expect(index.locate(121.7, 38.95)).toBeNull();
  });

  it('resolves every grid centroid-ish interior point to that grid', () => {
    for (const grid of grids) {
      const ring = (grid.geometry as { coordinates: number[][][] }).coordinates[0].slice(0, -1);
      const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      expect(index.locate(lng, lat)?.code).toBe(grid.code);
    }
  });
});
