import { readFileSync } from 'fs';
import { join } from 'path';
import type { Polygon } from 'geojson';
import { addressMatchKeys, ADDRESS_KINDS, type AddressSeed } from '@hotline/addresses';
import { GridIndex } from '@hotline/grid';

/*
 * seeds/addresses.json, the standard address register: generated, deterministic, and every point in the
 * grid the register names, as the grid index (the one intake uses) places it.
 */
const SEEDS = join(__dirname, '..', '..', 'seeds');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(join(SEEDS, 'tools', 'generate-addresses.js')) as {
  generate(options?: { extra?: number }): AddressSeed[];
  toJson(addresses: AddressSeed[]): string;
};

const committed = readFileSync(join(SEEDS, 'addresses.json'), 'utf8');
const addresses = JSON.parse(committed) as AddressSeed[];
const grids = (
  JSON.parse(readFileSync(join(SEEDS, 'grids.geojson'), 'utf8')) as {
    features: { properties: { code: string }; geometry: Polygon }[];
  }
).features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const district = (JSON.parse(readFileSync(join(SEEDS, 'district.geojson'), 'utf8')) as { geometry: Polygon }).geometry;

describe('seeds/addresses.json', () => {
  it('is what the generator writes, byte for byte', () => {
    expect(generator.toJson(generator.generate())).toBe(committed);
  });

  it('holds at least 3,000 addresses of every kind, with unique codes and known parents', () => {
    expect(addresses.length).toBeGreaterThanOrEqual(3000);
    for (const kind of ADDRESS_KINDS) expect(addresses.filter((a) => a.kind === kind).length).toBeGreaterThan(100);
    const codes = new Set(addresses.map((a) => a.code));
    expect(codes.size).toBe(addresses.length);
    for (const a of addresses) if (a.parentCode) expect(codes.has(a.parentCode)).toBe(true);
    expect(addresses.some((a) => (a.aliases ?? []).length > 0 && a.kind === 'compound')).toBe(true);
  });

  it('puts every point inside the grid it names', () => {
    const index = new GridIndex(grids, district);
    const misplaced = addresses.filter((a) => index.locate(a.lng, a.lat)?.code !== a.gridCode);
    expect(misplaced).toEqual([]);
  });

  it('gives every door its own road and number, so a door key names one place', () => {
    const keys = addresses.filter((a) => a.kind === 'roadNumber').flatMap((a) => addressMatchKeys(a));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('adds up to 100,000 addresses for the benchmark, the seeds unchanged', () => {
    const bench = generator.generate({ extra: 5000 });
    expect(bench.length).toBe(addresses.length + 5000);
    expect(bench.slice(0, addresses.length)).toEqual(addresses);
    expect(() => generator.generate({ extra: 100_001 })).toThrow();
  });
});
