#!/usr/bin/env node
'use strict';
/*
 * Generates seeds/addresses.json, the demo district's standard address register (标准地址库), from
 * seeds/grids.geojson. Plain Node, deterministic: run it again and the file comes out byte-identical.
 *
 * What a grid holds (a grid is one lattice cell, see generate-grids.js):
 *   - door numbers (门牌) on the east-west road of its row and the north-south road of its column;
 *     every road's numbers run one way across the district, so "中山路128号" names one door;
 *   - two residential compounds (小区), each with 4–8 buildings (N号楼) of 2–3 units (N单元); some
 *     compounds keep their old name as an alias, and a few names recur in other streets (as real
 *     districts have two 幸福小区), so a compound name alone is not always one place;
 *   - three shops or public places (超市, 药店, 卫生服务站…).
 * Every point is taken inside its grid's quad by bilinear interpolation with margins (a convex quad
 * maps the inner square inside itself), and checked with turf against the polygon and against every
 * other grid, so an address never sits on a border.
 *
 * Usage: node seeds/tools/generate-addresses.js                  → seeds/addresses.json
 *        node seeds/tools/generate-addresses.js --extra 96000 --out FILE
 *          adds up to 100,000 generated compounds' buildings and units for the search benchmark
 */
const fs = require('fs');
const path = require('path');
const booleanPointInPolygon = require('@turf/boolean-point-in-polygon').default;

const SEED = 17;
const DECIMALS = 6;
const MAX_EXTRA = 100000;

/** East-west roads, one per community row (south to north); numbers grow west to east. */
const ROW_ROADS = ['沿海街', '中山路', '黄河路', '长江路'];
/** North-south roads, one per cell column (west to east); numbers grow south to north. */
const COLUMN_ROADS = [
  '云峰街',
  '白云路',
  '石葫芦街',
  '胜利路',
  '五四街',
  '长春路',
  '八一路',
  '拥警街',
  '新开路',
  '纪念街',
  '日新街',
  '民乐街',
  '大同街',
  '香炉礁路',
  '春和街',
];
const DOORS_PER_ROAD_PER_GRID = 6;
const NUMBERS_PER_CELL = 20;

const COMPOUND_WORDS = [
  '锦绣',
  '阳光',
  '海景',
  '金色',
  '和平',
  '幸福',
  '华府',
  '翠竹',
  '丽景',
  '书香',
  '银河',
  '东方',
  '滨海',
  '恒泰',
  '嘉禾',
  '紫云',
  '明珠',
  '春晖',
  '桂林',
  '望海',
  '星海',
  '瑞祥',
  '安居',
  '盛世',
];
const COMPOUND_SUFFIXES = ['小区', '花园', '家园', '公寓', '苑', '新城'];
const OLD_NAME_SUFFIXES = ['新村', '宿舍', '大院'];
const PLACE_KINDS = ['超市', '药店', '菜市场', '幼儿园', '小学', '卫生服务站', '社区服务中心', '公园', '银行网点', '邮政所'];

/** mulberry32: small, well-known seeded PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(value) {
  return Number(value.toFixed(DECIMALS));
}

/** The point at (u, v) of a quad SW, SE, NE, NW (u west→east, v south→north), both in [0, 1]. */
function bilinear(ring, u, v) {
  const [sw, se, ne, nw] = ring;
  const lng = (1 - u) * (1 - v) * sw[0] + u * (1 - v) * se[0] + u * v * ne[0] + (1 - u) * v * nw[0];
  const lat = (1 - u) * (1 - v) * sw[1] + u * (1 - v) * se[1] + u * v * ne[1] + (1 - u) * v * nw[1];
  return [round(lng), round(lat)];
}

function clamp(x, low, high) {
  return Math.min(high, Math.max(low, x));
}

/** Grids with their lattice position, from codes like baiyun-01-g2 (street band, community row, cell). */
function readGrids(seedsDir) {
  const grids = JSON.parse(fs.readFileSync(path.join(seedsDir, 'grids.geojson'), 'utf8')).features;
  const streets = [...new Set(grids.map((g) => g.properties.streetCode))];
  return grids.map((g) => {
    const p = g.properties;
    const [, row, cell] = /-(\d\d)-g(\d)$/.exec(p.code);
    return {
      code: p.code,
      communityName: p.communityName,
      streetIndex: streets.indexOf(p.streetCode),
      column: streets.indexOf(p.streetCode) * 3 + Number(cell) - 1,
      row: Number(row) - 1,
      ring: g.geometry.coordinates[0],
      geometry: g.geometry,
    };
  });
}

function makePlacer(grids) {
  return function place(grid, u, v, what) {
    const [lng, lat] = bilinear(grid.ring, clamp(u, 0.04, 0.96), clamp(v, 0.04, 0.96));
    if (!booleanPointInPolygon([lng, lat], grid.geometry, { ignoreBoundary: true })) {
      throw new Error(`${what}: point ${lng},${lat} is not strictly inside grid ${grid.code}`);
    }
    for (const other of grids) {
      if (other !== grid && booleanPointInPolygon([lng, lat], other.geometry)) {
        throw new Error(`${what}: point ${lng},${lat} also lies in grid ${other.code}`);
      }
    }
    return { lat, lng };
  };
}

function doorNumbers(grid, rand, place) {
  const out = [];
  const roads = [
    { road: ROW_ROADS[grid.row], base: grid.column * NUMBERS_PER_CELL, along: 'u' },
    { road: COLUMN_ROADS[grid.column], base: grid.row * NUMBERS_PER_CELL, along: 'v' },
  ];
  roads.forEach(({ road, base, along }, r) => {
    for (let k = 0; k < DOORS_PER_ROAD_PER_GRID; k += 1) {
      const number = base + 1 + k * 3 + Math.floor(rand() * 3);
      const t = 0.1 + (k + 0.5) * (0.8 / DOORS_PER_ROAD_PER_GRID);
      const across = 0.5 + (rand() - 0.5) * 0.1;
      const point = along === 'u' ? place(grid, t, across, road) : place(grid, across, t, road);
      out.push({
        code: `${grid.code}.r${r + 1}${String(k + 1).padStart(2, '0')}`,
        kind: 'roadNumber',
        label: `${road}${number}号`,
        gridCode: grid.code,
        ...point,
        road,
        number: String(number),
      });
    }
  });
  return out;
}

/** A compound with its buildings and units; `tag` keeps codes unique for the benchmark's extra compounds. */
function compound(grid, code, name, oldName, rand, place, sizes) {
  const out = [];
  const cu = 0.2 + rand() * 0.6;
  const cv = 0.2 + rand() * 0.6;
  out.push({
    code,
    kind: 'compound',
    label: name,
    gridCode: grid.code,
    ...place(grid, cu, cv, name),
    compound: name,
    ...(oldName ? { aliases: [oldName] } : {}),
  });
  const buildings = sizes.buildings();
  for (let b = 1; b <= buildings; b += 1) {
    const bu = cu + (rand() - 0.5) * 0.16;
    const bv = cv + (rand() - 0.5) * 0.16;
    const point = place(grid, bu, bv, `${name}${b}号楼`);
    const buildingCode = `${code}.b${b}`;
    out.push({
      code: buildingCode,
      kind: 'building',
      label: `${name}${b}号楼`,
      gridCode: grid.code,
      ...point,
      parentCode: code,
      compound: name,
      building: String(b),
      ...(oldName ? { aliases: [`${oldName}${b}号楼`] } : {}),
    });
    const units = sizes.units();
    for (let n = 1; n <= units; n += 1) {
      out.push({
        code: `${buildingCode}.u${n}`,
        kind: 'unit',
        label: `${name}${b}号楼${n}单元`,
        gridCode: grid.code,
        ...place(grid, bu + (n - 1) * 0.004, bv, `${name}${b}号楼${n}单元`),
        parentCode: buildingCode,
        compound: name,
        building: String(b),
        unit: String(n),
        ...(oldName ? { aliases: [`${oldName}${b}号楼${n}单元`] } : {}),
      });
    }
  }
  return out;
}

function places(grid, rand, place) {
  const out = [];
  const short = grid.communityName.replace(/社区$/, '');
  for (let k = 0; k < 3; k += 1) {
    const kind = PLACE_KINDS[(grid.column * 3 + grid.row * 7 + k * 4) % PLACE_KINDS.length];
    const road = k === 1 ? COLUMN_ROADS[grid.column] : ROW_ROADS[grid.row];
    const name = kind === '社区服务中心' ? `${grid.communityName}服务中心` : `${k === 0 ? short : road}${kind}`;
    const number = (k === 1 ? grid.row : grid.column) * NUMBERS_PER_CELL + 19;
    out.push({
      code: `${grid.code}.p${k + 1}`,
      kind: 'place',
      label: name,
      gridCode: grid.code,
      ...place(grid, 0.15 + k * 0.35, 0.25 + rand() * 0.5, name),
      aliases: [`${road}${number}号${name}`],
    });
  }
  return out;
}

function compoundName(index) {
  const word = COMPOUND_WORDS[index % COMPOUND_WORDS.length];
  const suffix = COMPOUND_SUFFIXES[Math.floor(index / COMPOUND_WORDS.length) % COMPOUND_SUFFIXES.length];
  return `${word}${suffix}`;
}

/**
 * The register: every grid's doors, compounds and places, and with `extra` > 0 that many more
 * addresses in generated compounds (for the search benchmark, never in the seeds).
 */
function generate({ extra = 0, seedsDir = path.resolve(__dirname, '..') } = {}) {
  if (!Number.isInteger(extra) || extra < 0 || extra > MAX_EXTRA) throw new Error(`extra must be 0–${MAX_EXTRA}`);
  const grids = readGrids(seedsDir);
  const rand = mulberry32(SEED);
  const place = makePlacer(grids);
  const sizes = { buildings: () => 4 + Math.floor(rand() * 5), units: () => 2 + Math.floor(rand() * 2) };
  const addresses = [];
  grids.forEach((grid, g) => {
    addresses.push(...doorNumbers(grid, rand, place));
    for (let c = 0; c < 2; c += 1) {
      // The last 20 compounds (the eastern street) reuse the first 20 names (the western street): two
      // 锦绣小区 in the district, as real districts have, so a compound name alone is not always one place.
      const index = g * 2 + c;
      const name = compoundName(index < 100 ? index : index - 100);
      // Each community's first compound per grid kept its old name (旧称) as an alias: 新村, 宿舍, 大院.
      const oldName = c === 0 ? `${grid.communityName.replace(/社区$/, '')}${OLD_NAME_SUFFIXES[g % 3]}` : null;
      addresses.push(...compound(grid, `${grid.code}.c${c + 1}`, name, oldName, rand, place, sizes));
    }
    addresses.push(...places(grid, rand, place));
  });
  if (extra > 0) {
    const benchRand = mulberry32(SEED + 1);
    const benchSizes = { buildings: () => 6 + Math.floor(benchRand() * 10), units: () => 2 + Math.floor(benchRand() * 3) };
    const extras = [];
    for (let k = 0; extras.length < extra; k += 1) {
      const grid = grids[k % grids.length];
      const name = `${COMPOUND_WORDS[k % COMPOUND_WORDS.length]}${COMPOUND_WORDS[Math.floor(k / 7) % COMPOUND_WORDS.length]}${COMPOUND_SUFFIXES[k % COMPOUND_SUFFIXES.length]}${Math.floor(k / 500) + 1}期`;
      extras.push(...compound(grid, `bench.${k}`, name, null, benchRand, place, benchSizes));
    }
    addresses.push(...extras.slice(0, extra));
  }
  return addresses;
}

/** One address per line: a 3,000-line file that still diffs well. */
function toJson(addresses) {
  return `[\n${addresses.map((a) => `  ${JSON.stringify(a)}`).join(',\n')}\n]\n`;
}

function main() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const extra = Number(option('--extra') ?? 0);
  const seedsDir = path.resolve(__dirname, '..');
  const out = option('--out') ?? path.join(seedsDir, 'addresses.json');
  const addresses = generate({ extra, seedsDir });
  fs.writeFileSync(out, toJson(addresses));
  process.stdout.write(`wrote ${addresses.length} addresses to ${out}\n`);
}

module.exports = { generate, toJson, MAX_EXTRA };

if (require.main === module) {
  main();
}
