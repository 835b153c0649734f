import { readFileSync } from 'fs';
import { join } from 'path';
import type { Polygon } from 'geojson';
import { checkAddressDraft, type AddressDraft } from '@hotline/addresses';
import { GridIndex } from '@hotline/grid';

/* The admins' address rules (checkAddressDraft) over the seeded grid map. */
const SEEDS = join(__dirname, '..', '..', 'seeds');
const grids = (
  JSON.parse(readFileSync(join(SEEDS, 'grids.geojson'), 'utf8')) as {
    features: { properties: { code: string }; geometry: Polygon }[];
  }
).features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const district = (JSON.parse(readFileSync(join(SEEDS, 'district.geojson'), 'utf8')) as { geometry: Polygon }).geometry;
const index = new GridIndex(grids, district);
const byCode = new Map(grids.map((g) => [g.code, g]));
const draft = (change: Partial<AddressDraft> = {}): AddressDraft => ({
  kind: 'building',
  label: '锦鲤花园8号楼',
  aliases: [],
  lat: 38.908793,
  lng: 121.602056,
  ...change,
});
const fields = (d: AddressDraft) => checkAddressDraft(d, index, byCode).problems.map((p) => p.field);

describe('checkAddressDraft', () => {
  it('derives the grid from the point, or checks the grid named', () => {
    expect(checkAddressDraft(draft(), index, byCode).grid?.code).toBe('baiyun-01-g1');
    expect(checkAddressDraft(draft({ gridCode: 'baiyun-01-g1' }), index, byCode).grid?.code).toBe('baiyun-01-g1');
    expect(checkAddressDraft(draft({ gridCode: 'baiyun-01-g2' }), index, byCode).problems).toEqual([
      { field: 'gridCode', reason: 'the point lies in grid baiyun-01-g1, not in baiyun-01-g2' },
    ]);
    expect(fields(draft({ gridCode: 'nowhere' }))).toEqual(['gridCode']);
    expect(fields(draft({ lat: 38.92, lng: 121.59 }))).toEqual(['lat']);
  });
  it('wants a label that says something, shaped as its kind, and aliases once each', () => {
    expect(fields(draft({ label: ' ，' }))).toEqual(['label']);
    expect(fields(draft({ label: '锦鲤花园' }))).toEqual(['label']);
    expect(fields(draft({ kind: 'compound', label: '锦鲤花园' }))).toEqual([]);
    expect(fields(draft({ kind: 'roadNumber', label: '中山路' }))).toEqual(['label']);
    expect(fields(draft({ aliases: ['锦鲤 花园 8栋', '旧名8号楼', '旧名8号楼'] }))).toEqual(['aliases.0', 'aliases.2']);
    expect(fields(draft({ aliases: Array.from({ length: 11 }, (_, i) => `别名${i}号楼`) }))).toEqual(['aliases']);
  });
});
