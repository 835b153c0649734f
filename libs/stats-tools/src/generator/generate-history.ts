import { randomBytes } from 'node:crypto';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Client } from 'pg';
import type { CaseKind } from '@hotline/cases';
import { PersonalDataCipher, normalizePhone } from '@hotline/privacy';
import { chooseRoute, type RoutingRule } from '@hotline/routing';
import {
  createWorkingCalendar,
  isWorkingDay,
  parseSlaPolicies,
  selectPolicy,
  type SlaPolicy,
  type WorkingCalendar,
  type CasePriority,
} from '@hotline/sla';
import { districtDay, FACTS_COLUMNS, factsOf, factsValues } from '@hotline/stats';
import { simulateCaseLife, type SimActor } from './case-life-simulator';
import { CopyWriter } from './copy-writer';
import {
  CHANNEL_WEIGHTS,
  DAY_OFF_VOLUME,
  HOUR_WEIGHTS,
  KIND_WEIGHTS,
  MONTH_VOLUME,
  PRIORITY_WEIGHTS,
  WeightedTable,
  departmentBehaviour,
  heatingFactor,
  pickWeighted,
  randomCaller,
  seededRandom,
} from './district-model';
import { pgRows, pgExec } from '@hotline/database';

export interface GenerateOptions {
  cases: number;
  months: number;
  /** The last day of the history (district date); cases after `now` are not generated. */
  end: Date;
  seed: number;
  timeZone: string;
  casePrefix: string;
  piiKey: string;
  piiHashKey: string;
  log: (line: string) => void;
  /**
   * The secondary indexes the migrations define (read from a freshly migrated database), rebuilt after the
   * load. Not read from the target itself: a load stopped half-way leaves it without them.
   */
  indexes: Array<{ name: string; definition: string }>;
}

const CASE_COLUMNS = [
  'id',
  'case_no',
  'version',
  'status',
  'kind',
  'category_id',
  'channel',
  'priority',
  'title',
  'description',
  'address',
  'lat',
  'lng',
  'street_id',
  'community_id',
  'grid_id',
  'caller_name_sealed',
  'caller_phone_sealed',
  'caller_phone_hash',
  'confidential',
  'lead_department_id',
  'created_by_id',
  'received_at',
  'dispatched_at',
  'returns_count',
  'extensions_count',
  'reopens_count',
  'merged_into_id',
  'sla_stage',
  'sla_deadline',
  'sla_warn_at',
  'updated_at',
];
const EVENT_COLUMNS = [
  'case_id',
  'type',
  'actor_id',
  'actor_name',
  'actor_role',
  'at',
  'from_status',
  'to_status',
  'note',
  'data',
];
const DEADLINE_COLUMNS = [
  'id',
  'case_id',
  'stage',
  'policy_code',
  'started_at',
  'deadline',
  'warn_at',
  'reason',
  'ended_at',
  'created_at',
];
const EXTENSION_COLUMNS = [
  'id',
  'case_id',
  'days',
  'reason',
  'status',
  'requested_by_id',
  'decided_by_id',
  'requested_at',
  'decided_at',
];
const BIG_TABLES = ['cases', 'case_events', 'case_deadlines', 'extension_requests', 'stats_case_facts'];

/**
 * UUIDs in version-4 shape whose leading digits count up, so that the primary keys of tens of millions
 * of rows are appended to their B-trees instead of being scattered (random keys thrash a small cache).
 */
function orderedIds(kind: number): () => string {
  const tail = randomBytes(8).toString('hex');
  let counter = 0;
  return () => {
    const c = kind.toString(16) + (counter++).toString(16).padStart(14, '0');
    return `${c.slice(0, 8)}-${c.slice(8, 12)}-4${c.slice(12, 15)}-8${tail.slice(0, 3)}-${tail.slice(3, 15)}`;
  };
}

interface Reference {
  departments: Array<{ id: string; code: string }>;
  leaves: Array<{ id: string; code: string; name: string; path: string[] }>;
  grids: Array<{
    id: string;
    code: string;
    name: string;
    communityId: string;
    communityName: string;
    streetId: string;
    streetCode: string;
    streetName: string;
    lat: number;
    lng: number;
  }>;
  rules: RoutingRule[];
  policies: SlaPolicy[];
  calendar: WorkingCalendar;
  users: Array<{ id: string; username: string; displayName: string; role: string; departmentId: string | null }>;
}

async function loadReference(client: Client, timeZone: string): Promise<Reference> {
  const q = <T extends object>(sql: string) => pgRows<T>(client, sql);
  const departments = await q<Reference['departments'][number]>(`SELECT id, code FROM departments WHERE active ORDER BY code`);
  const categories = await q<{ id: string; code: string; name: string; path: string; children: number }>(
    `SELECT id, code, name, path, (SELECT count(*) FROM categories k WHERE k.parent_id = c.id)::int AS children FROM categories c ORDER BY path`,
  );
  const grids = await q<
    Omit<Reference['grids'][number], 'lat' | 'lng'> & { geometry: Polygon | MultiPolygon }
  >(`SELECT g.id, g.code, g.name, g.geometry, c.id AS "communityId", c.name AS "communityName", s.id AS "streetId", s.code AS "streetCode", s.name AS "streetName"
                           FROM grids g JOIN communities c ON c.id = g.community_id JOIN streets s ON s.id = c.street_id ORDER BY g.code`);
  const rules =
    await q<RoutingRule>(`SELECT code, category_code AS "categoryCode", street_code AS "streetCode", grid_code AS "gridCode", kind, keywords,
                                lead_department_code AS "leadDepartmentCode", assisting_department_codes AS "assistingDepartmentCodes" FROM routing_rules WHERE active`);
  const policies = parseSlaPolicies(
    (await q<{ definition: unknown }>(`SELECT definition FROM sla_policies WHERE active ORDER BY code`)).map((r) => r.definition),
  );
  const overrides = await q<{ date: string; working: boolean; note: string | null }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, working, note FROM holiday_overrides ORDER BY date`,
  );
  const users = await q<Reference['users'][number]>(
    `SELECT id, username, display_name AS "displayName", role, department_id AS "departmentId" FROM users`,
  );
  return {
    departments,
    leaves: categories
      .filter((c) => c.children === 0)
      .map((c) => ({ id: c.id, code: c.code, name: c.name, path: c.path.split('/') })),
    grids: grids.map((g) => {
      // A point inside the grid for the case's coordinates: the mean of its outer ring.
      const ring: number[][] = g.geometry.type === 'Polygon' ? g.geometry.coordinates[0] : g.geometry.coordinates[0][0];
      const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      return { ...g, lat, lng };
    }),
    rules,
    policies,
    calendar: createWorkingCalendar({
      timeZone,
      overrides: overrides.map((o) => ({ date: o.date, working: o.working, ...(o.note ? { note: o.note } : {}) })),
    }),
    users,
  };
}

/** The secondary indexes (not backing a constraint) of the big tables, as CREATE INDEX statements. */
export async function secondaryIndexes(client: Client): Promise<Array<{ name: string; definition: string }>> {
  return pgRows<{ name: string; definition: string }>(
    client,
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
      ORDER BY 1`,
    [BIG_TABLES],
  );
}

/** Splits `total` over days in proportion to their weights, exactly (largest remainders). */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) counts[order[k][1]] += 1;
  return counts;
}

/** Midnight of a district date as an instant (the offset the zone has at that date's noon). */
function districtMidnight(date: string, timeZone: string): number {
  const noon = new Date(`${date}T12:00:00Z`);
  const local = new Date(noon.toLocaleString('en-US', { timeZone }));
  const utc = new Date(noon.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Date.parse(`${date}T00:00:00Z`) - (local.getTime() - utc.getTime());
}

export interface GenerateSummary {
  cases: number;
  events: number;
  deadlines: number;
  days: number;
  generateAndCopyMs: number;
  indexMs: number;
  rollupMs: number;
}

/**
 * Writes a district history into an empty-of-cases database with COPY, one stream per table, each case's
 * life decided by the domain rules, and its statistics facts computed by the same pure figures module the
 * worker uses; then rebuilds the indexes and the daily rollup.
 */
export async function generateHistory(connect: () => Promise<Client>, options: GenerateOptions): Promise<GenerateSummary> {
  const { log, timeZone } = options;
  const admin = await connect();
  const ref = await loadReference(admin, timeZone);
  if (ref.policies.length === 0) throw new Error('no SLA policies in the database: seed it first');
  const cipher = new PersonalDataCipher(options.piiKey, options.piiHashKey);
  const random = seededRandom(options.seed);

  log('emptying the case tables and dropping their secondary indexes');
  await pgExec(
    admin,
    `TRUNCATE cases, case_events, case_deadlines, extension_requests, outbox, stats_case_facts, stats_daily, intake_idempotency CASCADE`,
  );
  for (const index of await secondaryIndexes(admin)) await pgExec(admin, `DROP INDEX "${index.name}"`);
  const indexDefs = options.indexes.map((index) => index.definition);

  const started = Date.now();
  const streams = await Promise.all(
    [
      ['cases', CASE_COLUMNS],
      ['case_events', EVENT_COLUMNS],
      ['case_deadlines', DEADLINE_COLUMNS],
      ['extension_requests', EXTENSION_COLUMNS],
      ['stats_case_facts', FACTS_COLUMNS],
    ].map(async ([table, columns]) => {
      const client = await connect();
      // Foreign keys are true by construction here; skipping their per-row triggers is what makes COPY fast.
      await pgExec(client, `SET session_replication_role = replica; SET synchronous_commit = off`);
      return { client, writer: new CopyWriter(client, table as string, columns as string[]) };
    }),
  );
  const [casesOut, eventsOut, deadlinesOut, extensionsOut, factsOut] = streams.map((s) => s.writer);

  // Days, and how many cases each gets.
  const endDay = districtDay(options.end, timeZone);
  const startDate = new Date(`${endDay}T00:00:00Z`);
  startDate.setUTCMonth(startDate.getUTCMonth() - options.months);
  const days: string[] = [];
  for (
    let d = new Date(startDate.getTime() + 86_400_000);
    d.toISOString().slice(0, 10) <= endDay;
    d = new Date(d.getTime() + 86_400_000)
  ) {
    days.push(d.toISOString().slice(0, 10));
  }
  const perDay = allocate(
    options.cases,
    days.map((day) => MONTH_VOLUME[Number(day.slice(5, 7)) - 1] * (isWorkingDay(day, ref.calendar) ? 1 : DAY_OFF_VOLUME)),
  );

  const caseId = orderedIds(1);
  const deadlineId = orderedIds(2);
  const extensionId = orderedIds(3);
  const userBy = (username: string): SimActor => {
    const u = ref.users.find((x) => x.username === username);
    return {
      id: u?.id ?? null,
      name: u?.displayName ?? username,
      role: (u?.role ?? 'supervisor') as SimActor['role'],
      departmentId: u?.departmentId ?? null,
    };
  };
  const actors = {
    operator: userBy('operator'),
    dispatcher: userBy('dispatcher'),
    supervisor: userBy('supervisor'),
    staff: (() => {
      const byDepartment = new Map<string, SimActor>();
      for (const u of ref.users)
        if (u.role === 'departmentStaff' && u.departmentId && !byDepartment.has(u.departmentId)) {
          byDepartment.set(u.departmentId, {
            id: u.id,
            name: u.displayName,
            role: 'departmentStaff',
            departmentId: u.departmentId,
          });
        }
      return (departmentId: string): SimActor =>
        byDepartment.get(departmentId) ?? { id: null, name: '承办人', role: 'departmentStaff', departmentId };
    })(),
  };
  const behaviours = new Map(ref.departments.map((d) => [d.id, departmentBehaviour(d.code, options.seed)]));
  const departmentIds = ref.departments.map((d) => d.id);
  const otherDepartment = (excluding: string | null) => {
    for (;;) {
      const id = departmentIds[Math.floor(random() * departmentIds.length)];
      if (id !== excluding) return id;
    }
  };
  const gridTable = new WeightedTable(ref.grids.map((g, i) => [g, 0.4 + ((i * 7919) % 13) / 6] as const));
  const hourTable = new WeightedTable(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
  const baseCategoryWeight = new Map(ref.leaves.map((c, i) => [c.id, 0.3 + ((i * 104729) % 17) / 5]));
  const routeCache = new Map<string, string | null>();
  const policyCache = new Map<string, SlaPolicy>();
  const repeatCallers = Array.from({ length: Math.max(50, Math.floor(options.cases / 40)) }, () => {
    const c = randomCaller(random);
    const phone = normalizePhone(c.phone);
    return { name: cipher.encrypt(c.name), phone: cipher.encrypt(phone), hash: cipher.phoneHash(phone) };
  });
  const now = new Date(Math.min(Date.now(), districtMidnight(endDay, timeZone) + 86_400_000));
  if (districtMidnight(days[0], timeZone) >= now.getTime())
    throw new Error('the history would start in the future: choose an earlier --end');

  let sequence = 0;
  let events = 0;
  let deadlines = 0;
  let lastLog = Date.now();
  for (let d = 0; d < days.length; d += 1) {
    const day = days[d];
    const month = Number(day.slice(5, 7));
    const heating = heatingFactor(month, Number(day.slice(8, 10)));
    const categoryTable = new WeightedTable(
      ref.leaves.map((c) => [c, baseCategoryWeight.get(c.id)! * (c.path[0] === 'heating' ? heating : 1)] as const),
    );
    const midnight = districtMidnight(day, timeZone);
    // On a day that has not ended yet, calls come only before now (redrawn), so the total is still exact.
    const latest = Math.min(midnight + 86_400_000, now.getTime()) - 1;
    const time = () => {
      for (let tries = 0; tries < 100; tries += 1) {
        const t = midnight + (hourTable.pick(random) + random()) * 3_600_000;
        if (t <= latest) return t;
      }
      return midnight + random() * (latest - midnight);
    };
    const times = Array.from({ length: perDay[d] }, time).sort((a, b) => a - b);
    const recentByPlace = new Map<string, string>();
    // formatCaseNo's format (prefix, district date, sequence), without building a date formatter per case.
    const compactDay = day.replace(/-/g, '');
    for (const at of times) {
      const id = caseId();
      sequence += 1;
      const receivedAt = new Date(at);
      const category = categoryTable.pick(random);
      const kind: CaseKind = category.path[0] === 'enterprise' ? 'enterpriseRequest' : pickWeighted(KIND_WEIGHTS, random);
      const channel = pickWeighted(CHANNEL_WEIGHTS, random);
      const priority = pickWeighted(PRIORITY_WEIGHTS, random);
      const grid = gridTable.pick(random);
      const placed = random() < 0.97; // the rest were placed by choosing a community (no coordinates)
      const routeKey = `${category.code}|${grid.code}|${kind}`;
      if (!routeCache.has(routeKey)) {
        const decision = chooseRoute(ref.rules, {
          kind,
          categoryPath: category.path,
          streetCode: grid.streetCode,
          gridCode: grid.code,
          text: category.name,
        });
        routeCache.set(
          routeKey,
          decision ? (ref.departments.find((x) => x.code === decision.leadDepartmentCode)?.id ?? null) : null,
        );
      }
      const policyKey = `${kind}|${category.code}|${priority}`;
      let policy = policyCache.get(policyKey);
      if (!policy) {
        policy = selectPolicy(ref.policies, { kind, categoryCode: category.code, priority: priority as CasePriority });
        policyCache.set(policyKey, policy);
      }
      // Duplicates only among cases of the same confidentiality: the case rules refuse merging across it.
      const placeKey = `${category.id}|${grid.id}|${kind === 'report'}`;
      const duplicateOf = random() < 0.02 ? (recentByPlace.get(placeKey) ?? null) : null;
      recentByPlace.set(placeKey, id);
      const life = simulateCaseLife({
        receivedAt,
        kind,
        policy,
        calendar: ref.calendar,
        routedDepartmentId: routeCache.get(routeKey) ?? null,
        otherDepartmentId: otherDepartment,
        behaviour: (dep) => behaviours.get(dep)!,
        duplicateOf,
        actors,
        now,
        random,
      });
      const caller =
        random() < 0.2
          ? repeatCallers[Math.floor(repeatCallers.length * random() ** 3)]
          : (() => {
              const c = randomCaller(random);
              const phone = normalizePhone(c.phone);
              return { name: cipher.encrypt(c.name), phone: cipher.encrypt(phone), hash: cipher.phoneHash(phone) };
            })();
      const pending: Array<Promise<void> | null> = [];
      pending.push(
        casesOut.write([
          id,
          `${options.casePrefix}${compactDay}${String(sequence).padStart(6, '0')}`,
          life.events.length,
          life.status,
          kind,
          category.id,
          channel,
          priority,
          category.name,
          `${category.name}，请尽快处理`,
          `${grid.streetName}${grid.communityName}${1 + Math.floor(random() * 40)}号楼`,
          placed ? grid.lat : null,
          placed ? grid.lng : null,
          grid.streetId,
          grid.communityId,
          placed ? grid.id : null,
          caller.name,
          caller.phone,
          caller.hash,
          kind === 'report',
          life.leadDepartmentId,
          actors.operator.id,
          receivedAt,
          life.dispatchedAt,
          life.returns,
          life.extensions,
          life.reopens,
          life.mergedIntoId,
          life.sla.stage,
          life.sla.deadline,
          life.sla.warnAt,
          life.updatedAt,
        ]),
      );
      for (const e of life.events) {
        pending.push(
          eventsOut.write([id, e.type, e.actor.id, e.actor.name, e.actor.role, e.at, e.fromStatus, e.toStatus, e.note, e.data]),
        );
      }
      for (const dl of life.deadlines) {
        pending.push(
          deadlinesOut.write([
            deadlineId(),
            id,
            dl.stage,
            dl.policyCode,
            dl.startedAt,
            dl.deadline,
            dl.warnAt,
            dl.reason,
            dl.endedAt,
            dl.startedAt,
          ]),
        );
      }
      for (const x of life.extensionRequests) {
        pending.push(
          extensionsOut.write([
            extensionId(),
            id,
            x.days,
            x.reason,
            x.status,
            x.requestedById,
            x.decidedById,
            x.requestedAt,
            x.decidedAt,
          ]),
        );
      }
      const facts = factsOf(
        {
          caseId: id,
          dims: {
            receivedAt,
            departmentId: life.leadDepartmentId,
            streetId: grid.streetId,
            communityId: grid.communityId,
            gridId: placed ? grid.id : null,
            categoryId: category.id,
            kind,
            channel,
          },
          events: life.events,
          deadlines: life.deadlines,
          lastEventId: '0',
        },
        ref.calendar,
        timeZone,
      );
      pending.push(factsOut.write(factsValues(facts)));
      events += life.events.length;
      deadlines += life.deadlines.length;
      for (const p of pending) if (p) await p;
    }
    if (Date.now() - lastLog > 10_000 || d === days.length - 1) {
      lastLog = Date.now();
      const rate = sequence / ((Date.now() - started) / 1000);
      log(
        `${day}: ${sequence.toLocaleString('en')} cases, ${events.toLocaleString('en')} events (${Math.round(rate).toLocaleString('en')} cases/s)`,
      );
    }
  }
  for (const s of streams) await s.writer.end();
  for (const s of streams) await s.client.end();
  const generateAndCopyMs = Date.now() - started;

  log(`rebuilding ${indexDefs.length} indexes`);
  const indexStarted = Date.now();
  await pgExec(admin, `SET maintenance_work_mem = '512MB'`);
  for (const def of indexDefs) await pgExec(admin, def);
  await pgExec(admin, `SELECT setval('case_no_seq', $1)`, [Math.max(sequence, 1)]);
  const indexMs = Date.now() - indexStarted;

  log('building the daily rollup from the facts');
  const rollupStarted = Date.now();
  await rebuildRollupFromFacts(admin);
  await pgExec(admin, `ANALYZE`);
  const rollupMs = Date.now() - rollupStarted;
  await admin.end();
  return { cases: sequence, events, deadlines, days: days.length, generateAndCopyMs, indexMs, rollupMs };
}

/** stats_daily = the sums of stats_case_facts, in one pass (GROUPING SETS, one set per dimension). */
export async function rebuildRollupFromFacts(client: Client): Promise<void> {
  const sums = `count(*), count(*) FILTER (WHERE dispatched), count(*) FILTER (WHERE accepted_on_time), count(*) FILTER (WHERE replied),
    count(*) FILTER (WHERE replied_on_time), count(*) FILTER (WHERE called_back), count(*) FILTER (WHERE satisfied), count(*) FILTER (WHERE solved),
    count(*) FILTER (WHERE returned), count(*) FILTER (WHERE reopened), count(*) FILTER (WHERE extended), count(*) FILTER (WHERE merged),
    count(*) FILTER (WHERE direct_answered)`;
  await pgExec(client, `DELETE FROM stats_daily`);
  await pgExec(
    client,
    `
    INSERT INTO stats_daily (dimension, day, key, received, dispatched, accepted_on_time, replied, replied_on_time, called_back, satisfied, solved,
                             returned, reopened, extended, merged, direct_answered)
    SELECT CASE WHEN GROUPING(department_id) = 0 THEN 'department' WHEN GROUPING(street_id) = 0 THEN 'street'
                WHEN GROUPING(community_id) = 0 THEN 'community' WHEN GROUPING(grid_id) = 0 THEN 'grid'
                WHEN GROUPING(category_id) = 0 THEN 'category' WHEN GROUPING(kind) = 0 THEN 'kind' ELSE 'channel' END,
           received_day,
           COALESCE(CASE WHEN GROUPING(department_id) = 0 THEN department_id::text WHEN GROUPING(street_id) = 0 THEN street_id::text
                         WHEN GROUPING(community_id) = 0 THEN community_id::text WHEN GROUPING(grid_id) = 0 THEN grid_id::text
                         WHEN GROUPING(category_id) = 0 THEN category_id::text WHEN GROUPING(kind) = 0 THEN kind ELSE channel END, ''),
           ${sums}
      FROM stats_case_facts
     GROUP BY GROUPING SETS ((received_day, department_id), (received_day, street_id), (received_day, community_id), (received_day, grid_id),
                             (received_day, category_id), (received_day, kind), (received_day, channel))`,
  );
}
