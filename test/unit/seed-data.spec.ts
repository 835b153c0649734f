import { readFileSync } from 'fs';
import { join } from 'path';
import area from '@turf/area';
import intersect from '@turf/intersect';
import { featureCollection, polygon } from '@turf/helpers';
import { ROLES as USER_ROLES } from '@hotline/auth/values';
import { CASE_KINDS } from '@hotline/cases/values';
import { ENTERPRISE_INDUSTRIES, usccProblem } from '@hotline/enterprises';
import type { EnterpriseSeed } from '@hotline/seeding';

/*
 * The seed files are loaded into every environment (dev stack, e2e, demo), so they must agree with
 * each other: every code a rule or user names exists, the grid tree is 5 x 4 x 3 and its polygons
 * tile the district exactly, and routing covers every category but the one we leave to dispatchers.
 */

const SEEDS = join(__dirname, '..', '..', 'seeds');

/** Left without an unrestricted rule on purpose: cases in it wait for a dispatcher. */
const UNCOVERED_CATEGORY = 'public-safety.neighbourhood-dispute';

const REQUIRED_BUREAUS = [
  'city-mgmt',
  'market',
  'housing',
  'civil',
  'hrss',
  'education',
  'health',
  'culture',
  'police',
  'heating',
  'property',
  'environment',
  'transport',
  'emergency',
  'enterprise',
  'utilities',
  'approvals',
];
const STREET_CODES = ['baiyun', 'renminguangchang', 'bayilu', 'rixin', 'xianglujiao'];
const TOP_CATEGORIES = [
  'city-appearance',
  'property',
  'heating',
  'old-courtyards-sewers',
  'parking-chargers',
  'food-market',
  'social-assistance',
  'employment',
  'education',
  'health',
  'public-safety',
  'utilities',
  'transport',
  'environment',
  'enterprise',
];
const KINDS: readonly string[] = CASE_KINDS;
const ROLES: readonly string[] = USER_ROLES;
const HAS_CHINESE = /[\u4e00-\u9fff]/;

type Position = [number, number];

interface DepartmentSeed {
  code: string;
  name: string;
  nameEn: string;
  type: 'bureau' | 'street';
}
interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  children: CategorySeed[];
}
interface GridProperties {
  code: string;
  name: string;
  communityCode: string;
  communityName: string;
  streetCode: string;
  streetName: string;
  districtCode: string;
  districtName: string;
}
interface PolygonFeature<P> {
  type: 'Feature';
  properties: P;
  geometry: { type: 'Polygon'; coordinates: Position[][] };
}
interface GridCollection {
  type: 'FeatureCollection';
  features: PolygonFeature<GridProperties>[];
}
interface RoutingRuleSeed {
  code: string;
  categoryCode?: string;
  streetCode?: string;
  gridCode?: string;
  kind?: string;
  keywords?: string[];
  leadDepartmentCode: string;
  assistingDepartmentCodes?: string[];
  note: string;
}
interface UserSeed {
  username: string;
  displayName: string;
  role: string;
  gridCodes?: string[];
}

function load<T>(file: string): T {
  return JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as T;
}

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Shoelace sum: positive for a counter-clockwise ring in lng/lat. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let k = 0; k < ring.length - 1; k += 1) {
    sum += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  }
  return sum / 2;
}

function segmentsCross(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Problems with a polygon's single exterior ring; empty when it is a valid closed, simple, CCW ring. */
function ringProblems(feature: PolygonFeature<unknown>): string[] {
  const problems: string[] = [];
  if (feature.type !== 'Feature' || feature.geometry?.type !== 'Polygon') return ['not a Polygon feature'];
  if (feature.geometry.coordinates.length !== 1) problems.push('expected exactly one ring (no holes)');
  const ring = feature.geometry.coordinates[0];
  if (ring.length < 4) return [...problems, 'fewer than 4 positions'];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) problems.push('ring is not closed');
  ring.forEach((p, k) => {
    if (p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) problems.push(`bad position ${k}`);
    else if (p[0] < 121.5 || p[0] > 121.8 || p[1] < 38.8 || p[1] > 39.0) problems.push(`position ${k} outside Dalian`);
  });
  for (let k = 0; k < ring.length - 1; k += 1) {
    if (ring[k][0] === ring[k + 1][0] && ring[k][1] === ring[k + 1][1]) problems.push(`repeated vertex ${k}`);
  }
  if (signedArea(ring) <= 0) problems.push('exterior ring is not counter-clockwise');
  const edges = ring.length - 1;
  for (let a = 0; a < edges; a += 1) {
    for (let b = a + 2; b < edges; b += 1) {
      if (a === 0 && b === edges - 1) continue; // neighbours through the closing vertex
      if (segmentsCross(ring[a], ring[a + 1], ring[b], ring[b + 1])) problems.push(`edges ${a} and ${b} cross`);
    }
  }
  return problems;
}

/** Undirected edge key, so the same edge walked in opposite directions by two grids matches. */
function edgeKeys(ring: Position[]): string[] {
  const keys: string[] = [];
  for (let k = 0; k < ring.length - 1; k += 1) {
    const [a, b] = [ring[k].join(','), ring[k + 1].join(',')];
    keys.push(a < b ? `${a}|${b}` : `${b}|${a}`);
  }
  return keys;
}

function leavesOf(categories: CategorySeed[]): CategorySeed[] {
  return categories.flatMap((top) => top.children);
}

const departments = load<DepartmentSeed[]>('departments.json');
const categories = load<CategorySeed[]>('categories.json');
const grids = load<GridCollection>('grids.geojson');
const district = load<PolygonFeature<{ code: string; name: string }>>('district.geojson');
const rules = load<RoutingRuleSeed[]>('routing-rules.json');
const users = load<UserSeed[]>('users.json');

describe('seeds/departments.json', () => {
  it('has unique codes and a Chinese and an English name for each department', () => {
    expect(duplicates(departments.map((d) => d.code))).toEqual([]);
    for (const d of departments) {
      expect(d.name).toMatch(HAS_CHINESE);
      expect(d.nameEn).toMatch(/^[A-Z]/);
      expect(['bureau', 'street']).toContain(d.type);
    }
  });

  it('has at least 15 bureaus including every required one', () => {
    const bureaus = departments.filter((d) => d.type === 'bureau').map((d) => d.code);
    expect(bureaus.length).toBeGreaterThanOrEqual(15);
    expect(bureaus).toEqual(expect.arrayContaining(REQUIRED_BUREAUS));
  });

  it('has exactly one street office per street', () => {
    const streets = departments.filter((d) => d.type === 'street').map((d) => d.code);
    expect(streets.sort()).toEqual(STREET_CODES.map((s) => `street-${s}`).sort());
  });
});

describe('seeds/categories.json', () => {
  const leaves = leavesOf(categories);

  it('has exactly the 15 required top-level categories', () => {
    expect(categories.map((c) => c.code).sort()).toEqual([...TOP_CATEGORIES].sort());
  });

  it('is two levels deep with leaf codes "<top>.<kebab-case>", all unique', () => {
    for (const top of categories) {
      expect(top.children.length).toBeGreaterThan(0);
      for (const leaf of top.children) {
        expect(leaf.code).toMatch(new RegExp(`^${top.code}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
        expect(leaf.children).toEqual([]);
      }
    }
    const codes = [...categories.map((c) => c.code), ...leaves.map((l) => l.code)];
    expect(duplicates(codes)).toEqual([]);
  });

  it('has at least 40 leaves, each with a Chinese and an English name', () => {
    expect(leaves.length).toBeGreaterThanOrEqual(40);
    for (const c of [...categories, ...leaves]) {
      expect(c.name).toMatch(HAS_CHINESE);
      expect(c.nameEn).toMatch(/^[A-Z]/);
    }
  });

  it('contains the leaves other modules rely on by code', () => {
    const codes = leaves.map((l) => l.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'city-appearance.street-vending',
        'heating.no-heat',
        'utilities.water-outage',
        'utilities.power-outage',
        'utilities.gas-leak',
        'enterprise.financing',
        'enterprise.approvals',
        'enterprise.project-support',
        'enterprise.employment',
        'enterprise.policy-consultation',
        'enterprise.infrastructure',
        UNCOVERED_CATEGORY,
      ]),
    );
  });
});

describe('seeds/grids.geojson and seeds/district.geojson', () => {
  const features = grids.features;
  const props = features.map((f) => f.properties);

  it('has 5 streets, 20 communities and 60 grids with unique codes', () => {
    expect(grids.type).toBe('FeatureCollection');
    expect(features).toHaveLength(60);
    expect(duplicates(props.map((p) => p.code))).toEqual([]);
    expect([...new Set(props.map((p) => p.streetCode))].sort()).toEqual([...STREET_CODES].sort());
    expect(new Set(props.map((p) => p.communityCode)).size).toBe(20);
    for (const street of STREET_CODES) {
      expect(new Set(props.filter((p) => p.streetCode === street).map((p) => p.communityCode)).size).toBe(4);
    }
  });

  it('gives every grid codes and names consistent with its community, street and district', () => {
    const streetName = new Map<string, string>();
    const communityName = new Map<string, string>();
    const streetOffices = new Map(departments.filter((d) => d.type === 'street').map((d) => [d.code, d.name]));
    for (const p of props) {
      expect(p.districtCode).toBe('xigang');
      expect(p.districtName).toBe('西岗区');
      expect(p.communityCode).toMatch(new RegExp(`^${p.streetCode}-0[1-4]$`));
      expect(p.code).toMatch(new RegExp(`^${p.communityCode}-g[1-3]$`));
      expect(p.streetName).toMatch(/街道$/);
      expect(p.communityName).toMatch(/社区$/);
      expect(p.name).toBe(`${p.streetName}${p.communityName}第${p.code.slice(-1)}网格`);
      expect(streetOffices.get(`street-${p.streetCode}`)).toBe(`${p.streetName}办事处`);
      expect(streetName.get(p.streetCode) ?? p.streetName).toBe(p.streetName);
      expect(communityName.get(p.communityCode) ?? p.communityName).toBe(p.communityName);
      streetName.set(p.streetCode, p.streetName);
      communityName.set(p.communityCode, p.communityName);
    }
    expect(new Set(communityName.values()).size).toBe(20);
  });

  it('has a valid closed, simple, counter-clockwise ring for every grid and for the district', () => {
    const problems = [...features, district].flatMap((f) =>
      ringProblems(f).map((problem) => `${(f.properties as { code: string }).code}: ${problem}`),
    );
    expect(problems).toEqual([]);
    expect(district.properties.code).toBe('xigang');
  });

  it('tiles the district: grid areas sum to the district area', () => {
    const districtArea = area(polygon(district.geometry.coordinates));
    const gridArea = features.reduce((sum, f) => sum + area(polygon(f.geometry.coordinates)), 0);
    expect(districtArea).toBeGreaterThan(1e6); // square metres: a few km², not a degenerate ring
    expect(Math.abs(gridArea - districtArea) / districtArea).toBeLessThan(1e-6);
  });

  it('tiles the district: no two grids overlap', () => {
    const polygons = features.map((f) => polygon(f.geometry.coordinates, { code: f.properties.code }));
    const overlaps: string[] = [];
    for (let a = 0; a < polygons.length; a += 1) {
      for (let b = a + 1; b < polygons.length; b += 1) {
        const shared = intersect(featureCollection([polygons[a], polygons[b]]));
        const sharedArea = shared === null ? 0 : area(shared);
        if (sharedArea > 0) overlaps.push(`${polygons[a].properties.code} x ${polygons[b].properties.code}: ${sharedArea} m²`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('shares edges exactly: inner edges belong to two grids, the rest form the district outline', () => {
    const uses = new Map<string, number>();
    for (const f of features) {
      for (const key of edgeKeys(f.geometry.coordinates[0])) uses.set(key, (uses.get(key) ?? 0) + 1);
    }
    expect([...uses.values()].filter((n) => n !== 1 && n !== 2)).toEqual([]);
    const outline = [...uses]
      .filter(([, n]) => n === 1)
      .map(([key]) => key)
      .sort();
    expect(outline).toEqual(edgeKeys(district.geometry.coordinates[0]).sort());
  });

  it('matches what seeds/tools/generate-grids.js produces (the files are generated, not hand-edited)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a plain CommonJS script outside the TypeScript project.
    const generator = require(join(SEEDS, 'tools', 'generate-grids.js')) as {
      generate: () => { grids: unknown; district: unknown };
      toJson: (value: unknown) => string;
    };
    const generated = generator.generate();
    expect(generator.toJson(generated.grids)).toBe(readFileSync(join(SEEDS, 'grids.geojson'), 'utf8'));
    expect(generator.toJson(generated.district)).toBe(readFileSync(join(SEEDS, 'district.geojson'), 'utf8'));
  });
});

describe('seeds/routing-rules.json', () => {
  const departmentCodes = new Set(departments.map((d) => d.code));
  const leaves = leavesOf(categories);
  const categoryCodes = new Set([...categories.map((c) => c.code), ...leaves.map((l) => l.code)]);
  const gridCodes = new Set(grids.features.map((f) => f.properties.code));

  /** A rule covers a leaf when it names the leaf or its top level and nothing narrows it further. */
  function covers(rule: RoutingRuleSeed, leafCode: string): boolean {
    const unrestricted = !rule.streetCode && !rule.gridCode && !rule.kind && !rule.keywords?.length;
    return unrestricted && (rule.categoryCode === leafCode || rule.categoryCode === leafCode.split('.')[0]);
  }

  it('has at least 30 rules with unique codes R01, R02, …', () => {
    expect(rules.length).toBeGreaterThanOrEqual(30);
    rules.forEach((rule, index) => expect(rule.code).toBe(`R${String(index + 1).padStart(2, '0')}`));
  });

  it('refers only to existing departments, categories, streets, grids and kinds', () => {
    const problems: string[] = [];
    for (const rule of rules) {
      const check = (ok: boolean, what: string) => ok || problems.push(`${rule.code}: ${what}`);
      check(departmentCodes.has(rule.leadDepartmentCode), `unknown lead ${rule.leadDepartmentCode}`);
      for (const code of rule.assistingDepartmentCodes ?? []) check(departmentCodes.has(code), `unknown assisting ${code}`);
      check(!(rule.assistingDepartmentCodes ?? []).includes(rule.leadDepartmentCode), 'lead also assisting');
      check(duplicates(rule.assistingDepartmentCodes ?? []).length === 0, 'assisting listed twice');
      if (rule.categoryCode !== undefined) check(categoryCodes.has(rule.categoryCode), `unknown category ${rule.categoryCode}`);
      if (rule.streetCode !== undefined) check(STREET_CODES.includes(rule.streetCode), `unknown street ${rule.streetCode}`);
      if (rule.gridCode !== undefined) check(gridCodes.has(rule.gridCode), `unknown grid ${rule.gridCode}`);
      if (rule.kind !== undefined) check(KINDS.includes(rule.kind), `unknown kind ${rule.kind}`);
      if (rule.keywords !== undefined) {
        check(rule.keywords.length > 0 && rule.keywords.every((k) => HAS_CHINESE.test(k)), 'keywords must be Chinese words');
      }
      check(HAS_CHINESE.test(rule.note), 'note must explain the rule in Chinese');
      const restricted = [rule.categoryCode, rule.streetCode, rule.gridCode, rule.kind, rule.keywords];
      check(
        restricted.some((r) => r !== undefined),
        'a rule must match on something',
      );
    }
    expect(problems).toEqual([]);
  });

  it('touches every top-level category and includes street, grid, keyword and kind rules', () => {
    for (const top of TOP_CATEGORIES) {
      expect(rules.some((r) => r.categoryCode === top || r.categoryCode?.startsWith(`${top}.`))).toBe(true);
    }
    expect(rules.some((r) => r.streetCode)).toBe(true);
    expect(rules.some((r) => r.gridCode)).toBe(true);
    expect(rules.some((r) => r.keywords?.length)).toBe(true);
    expect(rules.some((r) => r.kind === 'enterpriseRequest' && r.leadDepartmentCode === 'enterprise')).toBe(true);
  });

  it(`covers every leaf category with an unrestricted rule except ${UNCOVERED_CATEGORY}`, () => {
    const uncovered = leaves.map((l) => l.code).filter((code) => !rules.some((rule) => covers(rule, code)));
    expect(uncovered).toEqual([UNCOVERED_CATEGORY]);
  });
});

describe('seeds/users.json', () => {
  const gridsByCode = new Map(grids.features.map((f) => [f.properties.code, f.properties]));

  it('has the central demo users with valid roles and Chinese display names', () => {
    expect(duplicates(users.map((u) => u.username))).toEqual([]);
    for (const user of users) {
      expect(ROLES).toContain(user.role);
      expect(user.displayName).toMatch(HAS_CHINESE);
      expect(user.username).not.toMatch(/^(staff|lead)-/); // department users come from departments.json
    }
    const roleOf = Object.fromEntries(users.map((u) => [u.username, u.role]));
    expect(roleOf).toMatchObject({
      admin: 'admin',
      operator: 'operator',
      dispatcher: 'dispatcher',
      supervisor: 'supervisor',
      grid: 'gridWorker',
    });
  });

  it('gives the grid worker the three grids of one community, and grids only to grid workers', () => {
    for (const user of users) {
      if (user.role !== 'gridWorker') expect(user.gridCodes ?? []).toEqual([]);
    }
    const gridCodes = users.find((u) => u.username === 'grid')?.gridCodes ?? [];
    expect(gridCodes).toHaveLength(3);
    const communities = new Set(gridCodes.map((code) => gridsByCode.get(code)?.communityCode));
    expect(communities.size).toBe(1);
    expect([...communities][0]).toBeDefined();
  });
});

describe('seeds/enterprises.json', () => {
  const enterprises = load<EnterpriseSeed[]>('enterprises.json');
  // The users seeding creates: users.json plus a staff and a lead of every department.
  const roleOf = new Map<string, string>([
    ...users.map((u): [string, string] => [u.username, u.role]),
    ...departments.map((d): [string, string] => [`lead-${d.code}`, 'departmentLead']),
    ...departments.map((d): [string, string] => [`staff-${d.code}`, 'departmentStaff']),
  ]);

  it('has 20–40 enterprises with unique, valid USCCs (GB 32100-2015 check character) of the demo district', () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(20);
    expect(enterprises.length).toBeLessThanOrEqual(40);
    expect(duplicates(enterprises.map((e) => e.uscc))).toEqual([]);
    expect(duplicates(enterprises.map((e) => e.name))).toEqual([]);
    for (const e of enterprises) {
      expect({ uscc: e.uscc, problem: usccProblem(e.uscc) }).toEqual({ uscc: e.uscc, problem: null });
      expect(e.uscc.slice(2, 8)).toBe('210203'); // 大连市西岗区, the demo district's division code
    }
  });

  it('names known industries and streets, a contact with a mobile number, and a lead or the supervisor', () => {
    const streetCodes = new Set(grids.features.map((g) => g.properties.streetCode));
    for (const e of enterprises) {
      expect(ENTERPRISE_INDUSTRIES).toContain(e.industry);
      expect(streetCodes.has(e.streetCode)).toBe(true);
      expect(e.name).toMatch(/^[\u4e00-\u9fff]{4,}$/);
      expect(e.contactName.length).toBeGreaterThan(0);
      expect(e.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      const role = roleOf.get(e.responsibleUsername) ?? 'no such user';
      expect(`${e.responsibleUsername}: ${role}`).toMatch(/: (departmentLead|supervisor)$/);
    }
  });
});
