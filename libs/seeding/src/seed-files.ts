import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Polygon } from 'geojson';
import type { AddressSeed } from '@hotline/addresses';

/** Shapes of the files in seeds/ (see seeds/README in the project README). */
export interface DepartmentSeed {
  code: string;
  name: string;
  nameEn: string;
  type: 'bureau' | 'street';
}
export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  children: CategorySeed[];
}
export interface GridFeature {
  type: 'Feature';
  properties: {
    code: string;
    name: string;
    communityCode: string;
    communityName: string;
    streetCode: string;
    streetName: string;
    districtCode: string;
    districtName: string;
  };
  geometry: Polygon;
}
export interface DistrictFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: Polygon;
}
export interface RoutingRuleSeed {
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
export interface UserSeed {
  username: string;
  displayName: string;
  role: string;
  gridCodes?: string[];
}

export interface SeedData {
  departments: DepartmentSeed[];
  categories: CategorySeed[];
  district: DistrictFeature;
  grids: GridFeature[];
  routingRules: RoutingRuleSeed[];
  /** Categories left to the dispatchers on purpose (seeds/routing-dispatcher-categories.json): the rule set's acknowledgement. */
  routingDispatcherCategories?: string[];
  users: UserSeed[];
  /** seeds/sla-policies.json as written; validated by @hotline/sla before it is stored. */
  slaPolicies?: unknown[];
  holidayOverrides?: HolidayOverrideSeed[];
  /** seeds/service-attributes.json: extra form fields of services, published through Open311. */
  serviceAttributes?: ServiceAttributeSeed[];
  /** seeds/addresses.json: the standard address register (seeds/tools/generate-addresses.js). */
  addresses?: AddressSeed[];
  /** seeds/enterprises.json: demo enterprises of the register (loaded with the demo users, who lead them). */
  enterprises?: EnterpriseSeed[];
  /** seeds/knowledge-base.json: the answers operators give consultations (知识库). */
  knowledgeBase?: KnowledgeSeed[];
}

/** One demo enterprise; its responsible leader is named by username (a seeded lead or the supervisor). */
export interface EnterpriseSeed {
  uscc: string;
  name: string;
  industry: string;
  streetCode: string;
  contactName: string;
  contactPhone: string;
  responsibleUsername: string;
}

export interface KnowledgeSeed {
  id: string;
  categoryCode: string;
  question: string;
  answer: string;
  keywords: string[];
}

export interface ServiceAttributeSeed {
  categoryCode: string;
  code: string;
  datatype: string;
  required: boolean;
  description: string;
  datatypeDescription?: string;
  values?: { key: string; name: string }[];
}

export interface HolidayOverrideSeed {
  date: string;
  working: boolean;
  note?: string;
}

/** The folder holding package.json and seeds/, found upward from this file (source or compiled). */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'seeds')))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no project root (package.json + seeds/) above ${from}`);
    dir = parent;
  }
  return dir;
}

function readJson<T>(root: string, file: string): T {
  return JSON.parse(readFileSync(join(root, 'seeds', file), 'utf8')) as T;
}

export function readSeedData(root: string = projectRoot()): SeedData {
  return {
    departments: readJson(root, 'departments.json'),
    categories: readJson(root, 'categories.json'),
    district: readJson(root, 'district.geojson'),
    grids: readJson<{ features: GridFeature[] }>(root, 'grids.geojson').features,
    routingRules: readJson(root, 'routing-rules.json'),
    routingDispatcherCategories: readJson(root, 'routing-dispatcher-categories.json'),
    users: readJson(root, 'users.json'),
    slaPolicies: readJson(root, 'sla-policies.json'),
    holidayOverrides: readJson(root, 'holiday-overrides.json'),
    serviceAttributes: readJson(root, 'service-attributes.json'),
    addresses: readJson(root, 'addresses.json'),
    enterprises: readJson(root, 'enterprises.json'),
    knowledgeBase: readJson(root, 'knowledge-base.json'),
  };
}
