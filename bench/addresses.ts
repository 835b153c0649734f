/**
 * `npm run bench:addresses`: address search (GET /api/v1/addresses' query, through the same
 * AddressRegisterService the API runs) over 100,000 addresses — the seeded register plus the
 * generator's extra compounds — on the machine's PostgreSQL and on a private embedded PostgreSQL
 * (initialised with locale C, as a fresh machine's is). Prints p50/p95/p99 per query and overall,
 * and the load average; writes JSON under .bench/. The target is p95 ≤ 20 ms.
 *
 * Settings: BENCH_ADDRESS_RUNS (default 200 searches per query), BENCH_POSTGRES_URL (the machine's
 * server, default postgres://postgres@127.0.0.1:5432/postgres; skipped when it does not answer),
 * BENCH_ADDRESS_TARGETS (default "machine,embedded").
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AddressRegisterService, loadAddresses, type AddressGrid, type AddressSeed } from '@hotline/addresses';
import { systemActor } from '@hotline/audit';
import { createDataSource, sqlExec, sqlRows } from '@hotline/database';
import {
  canConnectPostgres,
  dropDatabase,
  ensureDatabase,
  migrate,
  seed,
  startEmbeddedPostgres,
  withDatabase,
} from '@hotline/devstack';
import { ReferenceDataService } from '@hotline/reference';

const TOTAL = 100_000;
const RUNS = Number(process.env.BENCH_ADDRESS_RUNS ?? 200);
const DATABASE = 'hotline_bench_addresses';
const ROOT = join(__dirname, '..');
const log = (line: string) => process.stdout.write(`[bench:addresses] ${line}\n`);

/** What operators type: parts in any order, an old name, pinyin initials, a door, a broad word. */
const QUERIES = [
  '云峰 5号楼',
  '5号楼 锦绣',
  '锦绣小区12号楼3单元',
  '云峰新村',
  'jxxq 5号楼',
  '中山路128号',
  '超市',
  '幸福 2单元',
  '白云街道',
];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(join(ROOT, 'seeds', 'tools', 'generate-addresses.js')) as {
  generate(options: { extra: number }): AddressSeed[];
};

interface Figures {
  query: string;
  found: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], q: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toFixed(2));
}

async function measure(serverUrl: string, target: string): Promise<{ target: string; locale: string; figures: Figures[] }> {
  await dropDatabase(serverUrl, DATABASE).catch(() => undefined);
  await ensureDatabase(serverUrl, DATABASE);
  const url = withDatabase(serverUrl, DATABASE);
  try {
    await migrate(url);
    const seeded = await seed(url, { onlyIfEmpty: false, includeDemoUsers: false, demoPassword: 'unused' });
    const dataSource = await createDataSource(url).initialize();
    try {
      const extra = TOTAL - (seeded?.addresses ?? 0);
      const grids = await sqlRows<AddressGrid & { code: string }>(
        dataSource,
        `SELECT g.id, g.code, s.name AS "streetName", c.name AS "communityName"
           FROM grids g JOIN communities c ON c.id = g.community_id JOIN streets s ON s.id = c.street_id`,
      );
      const started = performance.now();
      const all = generator.generate({ extra });
      // One transaction: each address written commits with its audit row (migration AddressAdministration).
      await dataSource.transaction((manager) =>
        loadAddresses(manager, all.slice(all.length - extra), new Map(grids.map((g) => [g.code, g])), systemActor('bench')),
      );
      await sqlExec(dataSource, 'VACUUM ANALYZE addresses');
      const [{ count, locale }] = await sqlRows<{ count: string; locale: string }>(
        dataSource,
        `SELECT (SELECT count(*) FROM addresses)::text AS count, datctype AS locale FROM pg_database WHERE datname = current_database()`,
      );
      log(`${target}: ${count} addresses loaded in ${((performance.now() - started) / 1000).toFixed(1)} s (lc_ctype ${locale})`);

      const register = new AddressRegisterService(dataSource, new ReferenceDataService(dataSource));
      for (const q of QUERIES) await register.search(q, 10); // warm the cache and the snapshot
      const figures: Figures[] = [];
      const everything: number[] = [];
      for (const q of QUERIES) {
        const times: number[] = [];
        let found = 0;
        for (let i = 0; i < RUNS; i += 1) {
          const t0 = performance.now();
          found = (await register.search(q, 10)).length;
          times.push(performance.now() - t0);
        }
        everything.push(...times);
        const sorted = times.sort((a, b) => a - b);
        figures.push({
          query: q,
          found,
          p50: percentile(sorted, 0.5),
          p95: percentile(sorted, 0.95),
          p99: percentile(sorted, 0.99),
        });
      }
      const sorted = everything.sort((a, b) => a - b);
      figures.push({
        query: '(all)',
        found: NaN,
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        p99: percentile(sorted, 0.99),
      });
      return { target, locale, figures };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await dropDatabase(serverUrl, DATABASE).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const targets = (process.env.BENCH_ADDRESS_TARGETS ?? 'machine,embedded').split(',');
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (targets.includes('machine')) {
    const machine = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    if (await canConnectPostgres(machine)) results.push(await measure(machine, 'machine'));
    else log(`machine: ${machine} does not answer; skipped`);
  }
  if (targets.includes('embedded')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hotline-bench-addresses-'));
    const server = await startEmbeddedPostgres(dataDir, 56000 + Math.floor(Math.random() * 900), log);
    try {
      results.push(await measure(server.serverUrl, 'embedded'));
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const { target, locale, figures } of results) {
    process.stdout.write(`\n${target} PostgreSQL (lc_ctype ${locale}), ${TOTAL} addresses, ${RUNS} searches per query, ms:\n`);
    process.stdout.write('| query | found | p50 | p95 | p99 |\n|---|---:|---:|---:|---:|\n');
    for (const f of figures) {
      process.stdout.write(`| ${f.query} | ${Number.isNaN(f.found) ? '' : f.found} | ${f.p50} | ${f.p95} | ${f.p99} |\n`);
    }
  }
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const file = join(ROOT, '.bench', `addresses-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), runs: RUNS, results }, null, 2));
  log(`wrote ${file}`);
  const worst = Math.max(...results.map((r) => r.figures[r.figures.length - 1].p95));
  if (worst > 20) {
    log(`p95 ${worst} ms is over the 20 ms target`);
    process.exitCode = 1;
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
