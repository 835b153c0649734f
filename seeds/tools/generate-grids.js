#!/usr/bin/env node
'use strict';
/*
 * Generates seeds/grids.geojson (60 grid polygons) and seeds/district.geojson (the outer boundary)
 * for Xigang district. Plain Node, no dependencies, deterministic: run it again and the files come
 * out byte-identical.
 *
 * Layout: a lattice of 16 x 5 vertices (15 x 4 cells) over lng 121.600-121.660, lat 38.905-38.935.
 *   - street     = a band of 3 cell columns; bands west to east: baiyun, renminguangchang, bayilu,
 *                  rixin, xianglujiao
 *   - community  = one cell row inside the band; -01 is the southernmost row, -04 the northernmost
 *   - grid       = one cell; -g1 is the western cell of its community, -g3 the eastern one
 * Every cell is a quad built from the shared lattice, so neighbouring grids share their edge
 * coordinates exactly and the grids tile the district with no gaps and no overlaps. Interior
 * vertices get a small seeded jitter (at most 12.5% of a cell side) so boundaries are not a perfect
 * chessboard; boundary vertices stay put so the district outline is the lattice's outer ring.
 *
 * Usage: node seeds/tools/generate-grids.js
 */
const fs = require('fs');
const path = require('path');

const COLUMNS = 16; // vertex columns (15 cell columns)
const ROWS = 5; // vertex rows (4 cell rows)
const WEST = 121.6;
const EAST = 121.66;
const SOUTH = 38.905;
const NORTH = 38.935;
const CELL_W = (EAST - WEST) / (COLUMNS - 1);
const CELL_H = (NORTH - SOUTH) / (ROWS - 1);
// Kept well under half a cell so every quad stays simple and convex (checked below).
const JITTER_X = CELL_W * 0.125;
const JITTER_Y = CELL_H * 0.125;
const SEED = 365;
const DECIMALS = 6; // ~0.1 m; vertices are rounded once, so shared edges stay identical

const DISTRICT = { code: 'xigang', name: '西岗区', nameEn: 'Xigang District' };

const STREETS = [
  {
    code: 'baiyun',
    name: '白云街道',
    nameEn: 'Baiyun Street',
    communities: [
      ['云峰社区', 'Yunfeng Community'],
      ['白云新村社区', 'Baiyun Xincun Community'],
      ['石葫芦社区', 'Shihulu Community'],
      ['莲花社区', 'Lianhua Community'],
    ],
  },
  {
    code: 'renminguangchang',
    name: '人民广场街道',
    nameEn: 'Renminguangchang Street',
    communities: [
      ['胜利社区', 'Shengli Community'],
      ['五四社区', 'Wusi Community'],
      ['北京街社区', 'Beijingjie Community'],
      ['长春社区', 'Changchun Community'],
    ],
  },
  {
    code: 'bayilu',
    name: '八一路街道',
    nameEn: 'Bayilu Street',
    communities: [
      ['八一社区', 'Bayi Community'],
      ['拥警社区', 'Yongjing Community'],
      ['新开社区', 'Xinkai Community'],
      ['纪念街社区', 'Jinianjie Community'],
    ],
  },
  {
    code: 'rixin',
    name: '日新街道',
    nameEn: 'Rixin Street',
    communities: [
      ['日新社区', 'Rixin Community'],
      ['黄河社区', 'Huanghe Community'],
      ['民乐社区', 'Minle Community'],
      ['大同社区', 'Datong Community'],
    ],
  },
  {
    code: 'xianglujiao',
    name: '香炉礁街道',
    nameEn: 'Xianglujiao Street',
    communities: [
      ['香炉礁社区', 'Xianglujiao Community'],
      ['香川社区', 'Xiangchuan Community'],
      ['北岗社区', 'Beigang Community'],
      ['春和社区', 'Chunhe Community'],
    ],
  },
];
const GRIDS_PER_COMMUNITY = 3;

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

/** lattice[i][j] = [lng, lat] of vertex column i (west to east), row j (south to north). */
function buildLattice() {
  const rand = mulberry32(SEED);
  const lattice = [];
  for (let i = 0; i < COLUMNS; i += 1) {
    const column = [];
    for (let j = 0; j < ROWS; j += 1) {
      let lng = WEST + i * CELL_W;
      let lat = SOUTH + j * CELL_H;
      const interior = i > 0 && i < COLUMNS - 1 && j > 0 && j < ROWS - 1;
      if (interior) {
        lng += (rand() * 2 - 1) * JITTER_X;
        lat += (rand() * 2 - 1) * JITTER_Y;
      }
      column.push([round(lng), round(lat)]);
    }
    lattice.push(column);
  }
  return lattice;
}

function cross(o, a, b) {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Throws unless the closed ring is a strictly convex, counter-clockwise polygon. */
function assertConvexCcw(ring, label) {
  const n = ring.length - 1;
  for (let k = 0; k < n; k += 1) {
    if (cross(ring[k], ring[(k + 1) % n], ring[(k + 2) % n]) <= 0) {
      throw new Error(`${label}: ring is not strictly convex and counter-clockwise at vertex ${k}`);
    }
  }
}

function cellRing(lattice, i, j) {
  // counter-clockwise exterior: SW, SE, NE, NW, back to SW
  const ring = [lattice[i][j], lattice[i + 1][j], lattice[i + 1][j + 1], lattice[i][j + 1], lattice[i][j]];
  return ring.map((p) => [p[0], p[1]]);
}

function buildGrids(lattice) {
  const features = [];
  STREETS.forEach((street, s) => {
    street.communities.forEach(([communityName, communityNameEn], c) => {
      const communityCode = `${street.code}-${String(c + 1).padStart(2, '0')}`;
      for (let g = 0; g < GRIDS_PER_COMMUNITY; g += 1) {
        const i = s * GRIDS_PER_COMMUNITY + g;
        const j = c;
        const code = `${communityCode}-g${g + 1}`;
        const ring = cellRing(lattice, i, j);
        assertConvexCcw(ring, code);
        features.push({
          type: 'Feature',
          properties: {
            code,
            name: `${street.name}${communityName}第${g + 1}网格`,
            nameEn: `${street.nameEn}, ${communityNameEn}, Grid ${g + 1}`,
            communityCode,
            communityName,
            communityNameEn,
            streetCode: street.code,
            streetName: street.name,
            streetNameEn: street.nameEn,
            districtCode: DISTRICT.code,
            districtName: DISTRICT.name,
            districtNameEn: DISTRICT.nameEn,
          },
          geometry: { type: 'Polygon', coordinates: [ring] },
        });
      }
    });
  });
  return { type: 'FeatureCollection', features };
}

function buildDistrict(lattice) {
  // Every lattice vertex on the boundary is included, so the outline matches the grid edges exactly.
  const ring = [];
  for (let i = 0; i < COLUMNS; i += 1) ring.push(lattice[i][0]); // south edge, west to east
  for (let j = 1; j < ROWS; j += 1) ring.push(lattice[COLUMNS - 1][j]); // east edge, south to north
  for (let i = COLUMNS - 2; i >= 0; i -= 1) ring.push(lattice[i][ROWS - 1]); // north edge, east to west
  for (let j = ROWS - 2; j >= 0; j -= 1) ring.push(lattice[0][j]); // west edge, north to south (closes)
  return {
    type: 'Feature',
    properties: { code: DISTRICT.code, name: DISTRICT.name, nameEn: DISTRICT.nameEn },
    geometry: { type: 'Polygon', coordinates: [ring.map((p) => [p[0], p[1]])] },
  };
}

/** Serialises with 2-space indentation but one [lng, lat] pair per line, which keeps files readable. */
function toJson(value) {
  return `${JSON.stringify(value, null, 2).replace(/\[\s+(-?\d+(?:\.\d+)?),\s+(-?\d+(?:\.\d+)?)\s+\]/g, '[$1, $2]')}\n`;
}

function generate() {
  const lattice = buildLattice();
  return { grids: buildGrids(lattice), district: buildDistrict(lattice) };
}

function main() {
  const seedsDir = path.resolve(__dirname, '..');
  const { grids, district } = generate();
  fs.writeFileSync(path.join(seedsDir, 'grids.geojson'), toJson(grids));
  fs.writeFileSync(path.join(seedsDir, 'district.geojson'), toJson(district));
  process.stdout.write(`wrote ${grids.features.length} grids and the district boundary to ${seedsDir}\n`);
}

module.exports = { generate, toJson };

if (require.main === module) {
  main();
}
