import type { DataSource, EntityManager } from 'typeorm';
import { loadAddresses, type AddressGrid } from '@hotline/addresses';
import { systemActor } from '@hotline/audit';
import { hashPassword } from '@hotline/auth';
import { parseSlaPolicies } from '@hotline/sla';
import { latestVersion, sameRules, saveRuleSet, storedRule } from '@hotline/routing';
import { auditSeeded } from './seed-audit';
import { seedEnterprises, type SealingKeys } from './seed-enterprises';
import { loadKnowledgeBase } from './seed-knowledge';
import { seedPublicIntake } from './seed-public-intake';
import { CategorySeed, readSeedData, SeedData } from './seed-files';
import { sqlRows, type SqlParam } from '@hotline/database';

export interface SeedOptions {
  /** Demo users (admin, operator, staff-<dept> …) are never created in production. */
  includeDemoUsers: boolean;
  demoPassword: string;
  /** The personal-data keys of the environment: with them (and the demo users), demo enterprises are seeded. */
  sealingKeys?: SealingKeys;
  data?: SeedData;
}

export interface SeedSummary {
  departments: number;
  categories: number;
  streets: number;
  communities: number;
  grids: number;
  routingRules: number;
  users: number;
  slaPolicies: number;
  holidayOverrides: number;
  addresses: number;
  enterprises: number;
  knowledgeEntries: number;
}

/** Rows whose `code` already exists are updated, so seeding twice changes nothing and never duplicates. */
async function upsert(manager: EntityManager, table: string, rows: Record<string, unknown>[], conflict = 'code') {
  if (rows.length === 0) return new Map<string, string>();
  const columns = Object.keys(rows[0]);
  const values: SqlParam[] = [];
  const tuples = rows.map((row, r) => {
    const marks = columns.map((column, c) => {
      const value = row[column];
      values.push(value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value);
      return `$${r * columns.length + c + 1}`;
    });
    return `(${marks.join(', ')})`;
  });
  const updates = columns.filter((c) => c !== conflict).map((c) => `"${c}" = EXCLUDED."${c}"`);
  const result = await sqlRows<{ id: string; key: string }>(
    manager,
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}
     ON CONFLICT ("${conflict}") DO UPDATE SET ${updates.join(', ')}
     RETURNING id, "${conflict}" AS key`,
    values,
  );
  return new Map(result.map((row) => [row.key, row.id]));
}

async function seedCategories(manager: EntityManager, tree: CategorySeed[]): Promise<number> {
  let count = 0;
  const walk = async (nodes: CategorySeed[], parentId: string | null, parentPath: string[]) => {
    for (const [index, node] of nodes.entries()) {
      const path = [...parentPath, node.code];
      const ids = await upsert(manager, 'categories', [
        {
          code: node.code,
          name: node.name,
          name_en: node.nameEn,
          parent_id: parentId,
          path: path.join('/'),
          depth: path.length,
          sort_order: index,
        },
      ]);
      count += 1;
      await walk(node.children, ids.get(node.code)!, path);
    }
  };
  await walk(tree, null, []);
  return count;
}

/**
 * The seeded rules become a rule set version through the one writer of the rules (checked whole and
 * audited like an admin's save); seeding the same rules again adds no version.
 */
async function seedRuleSet(manager: EntityManager, data: SeedData): Promise<void> {
  const rules = data.routingRules.map(storedRule);
  const dispatcherCategories = [...new Set(data.routingDispatcherCategories ?? [])].sort();
  const latest = await latestVersion(manager);
  const same =
    latest &&
    sameRules(latest.rules, rules) &&
    JSON.stringify(latest.dispatcherCategories) === JSON.stringify(dispatcherCategories);
  if (same) return;
  await saveRuleSet(manager, systemActor('seed'), { rules, dispatcherCategories }, { reason: 'seeds/routing-rules.json' });
}

/** Loads seeds/ into the database in one transaction. */
export async function seedDatabase(dataSource: DataSource, options: SeedOptions): Promise<SeedSummary> {
  const data = options.data ?? readSeedData();
  return dataSource.transaction(async (manager) => {
    const departmentIds = await upsert(
      manager,
      'departments',
      data.departments.map((d) => ({ code: d.code, name: d.name, name_en: d.nameEn, type: d.type })),
    );
    await auditSeeded(
      manager,
      'department',
      `SELECT code AS key, to_jsonb(d) - 'webhook_secret_sealed' AS row FROM departments d WHERE code = ANY($1)`,
      [data.departments.map((d) => d.code)],
    );
    const categories = await seedCategories(manager, data.categories);
    await auditSeeded(manager, 'category', `SELECT code AS key, to_jsonb(c) AS row FROM categories c`, []);

    const districtIds = await upsert(manager, 'districts', [
      { code: data.district.properties.code, name: data.district.properties.name, geometry: data.district.geometry },
    ]);
    const districtId = districtIds.get(data.district.properties.code)!;
    const streets = new Map<string, string>();
    const communities = new Map<string, { name: string; street: string }>();
    for (const { properties: p } of data.grids) {
      streets.set(p.streetCode, p.streetName);
      communities.set(p.communityCode, { name: p.communityName, street: p.streetCode });
    }
    const streetIds = await upsert(
      manager,
      'streets',
      [...streets].map(([code, name]) => ({ code, name, district_id: districtId })),
    );
    const communityIds = await upsert(
      manager,
      'communities',
      [...communities].map(([code, c]) => ({ code, name: c.name, street_id: streetIds.get(c.street) })),
    );
    const gridIds = await upsert(
      manager,
      'grids',
      data.grids.map((g) => ({
        code: g.properties.code,
        name: g.properties.name,
        community_id: communityIds.get(g.properties.communityCode),
        geometry: g.geometry,
      })),
    );
    const addressGrids = new Map<string, AddressGrid>(
      data.grids.map(({ properties: p }) => [
        p.code,
        { id: gridIds.get(p.code)!, streetName: p.streetName, communityName: p.communityName },
      ]),
    );
    const addresses = await loadAddresses(manager, data.addresses ?? [], addressGrids, systemActor('seed'));

    await seedRuleSet(manager, data);

    // Parsed first so that an invalid policy file fails the seed instead of reaching the cases.
    const slaPolicies = data.slaPolicies ? parseSlaPolicies(data.slaPolicies) : [];
    await upsert(
      manager,
      'sla_policies',
      slaPolicies.map((p) => ({ code: p.code, name: p.name, definition: p })),
    );
    await auditSeeded(manager, 'slaPolicy', `SELECT code AS key, to_jsonb(t) AS row FROM sla_policies t WHERE code = ANY($1)`, [
      slaPolicies.map((p) => p.code),
    ]);
    const holidayOverrides = data.holidayOverrides ?? [];
    await upsert(
      manager,
      'holiday_overrides',
      holidayOverrides.map((o) => ({ date: o.date, working: o.working, note: o.note ?? '' })),
      'date',
    );
    await auditSeeded(
      manager,
      'holidayOverride',
      `SELECT to_char(date, 'YYYY-MM-DD') AS key, to_jsonb(t) AS row FROM holiday_overrides t WHERE date = ANY($1::date[])`,
      [holidayOverrides.map((o) => o.date)],
    );

    const knowledgeEntries = await loadKnowledgeBase(manager, data.knowledgeBase ?? [], systemActor('seed'));

    await seedPublicIntake(manager, data, options.includeDemoUsers);

    let users = 0;
    if (options.includeDemoUsers) {
      // One hash for every demo user: they share the password by design, and seeding stays fast.
      const passwordHash = await hashPassword(options.demoPassword);
      const rows: Record<string, unknown>[] = data.users.map((u) => ({
        username: u.username,
        display_name: u.displayName,
        role: u.role,
        department_id: null,
        grid_codes: u.gridCodes ?? [],
        password_hash: passwordHash,
      }));
      for (const d of data.departments) {
        const departmentId = departmentIds.get(d.code);
        rows.push(
          {
            username: `staff-${d.code}`,
            display_name: `${d.name}承办人`,
            role: 'departmentStaff',
            department_id: departmentId,
            grid_codes: [],
            password_hash: passwordHash,
          },
          {
            username: `lead-${d.code}`,
            display_name: `${d.name}负责人`,
            role: 'departmentLead',
            department_id: departmentId,
            grid_codes: [],
            password_hash: passwordHash,
          },
        );
      }
      users = (await upsert(manager, 'users', rows, 'username')).size;
      await auditSeeded(
        manager,
        'user',
        `SELECT id::text AS key, to_jsonb(u) - 'password_hash' AS row FROM users u WHERE username = ANY($1)`,
        [rows.map((r) => r.username)],
      );
    }

    // Demo enterprises are led by demo users, so they come (and go) with them.
    const enterprises =
      options.includeDemoUsers && options.sealingKeys
        ? await seedEnterprises(manager, data.enterprises ?? [], options.sealingKeys)
        : 0;

    return {
      departments: departmentIds.size,
      categories,
      streets: streetIds.size,
      communities: communityIds.size,
      grids: data.grids.length,
      routingRules: data.routingRules.length,
      users,
      slaPolicies: slaPolicies.length,
      holidayOverrides: holidayOverrides.length,
      addresses,
      enterprises,
      knowledgeEntries,
    };
  });
}

/** True when the database has no departments yet: `npm start` seeds only then. */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await sqlRows<{ count: number }>(dataSource, `SELECT count(*)::int AS count FROM departments`);
  return count === 0;
}
