import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AuthUser } from '@hotline/auth';
import { demoEnvironment, loadConfig } from '@hotline/config';
import { createDataSource, sqlExec, sqlRows } from '@hotline/database';
import { PersonalDataCipher } from '@hotline/privacy';
import { ReferenceDataService } from '@hotline/reference';
import { districtDay, StatsQueryService, StatsSettingsService } from '@hotline/stats';
import { parseArgs, positiveInt } from './cli-args';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** District midnight of a date, as an instant. */
function midnight(date: string, timeZone: string): Date {
  for (let offset = -14; offset <= 14; offset += 1) {
    const guess = new Date(Date.parse(`${date}T00:00:00Z`) - offset * 3_600_000);
    if (districtDay(guess, timeZone) === date && districtDay(new Date(guess.getTime() - 1), timeZone) !== date) return guess;
  }
  throw new Error(`no midnight for ${date}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * `npm run bench:stats -- --database NAME [--runs N]`: the main dashboard queries as the API runs them
 * (StatsQueryService), each next to `SELECT count(*)` over the same cases (the baseline), measured in
 * the same run; prints the medians and their ratio and writes the JSON under .bench/.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { database: 'value', runs: 'value' });
  let url = process.env.STATS_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline365';
  if (typeof args.database === 'string') {
    const u = new URL(url);
    u.pathname = `/${args.database}`;
    url = u.toString();
  }
  const runs = positiveInt(args.runs, 'runs', 5);
  const config = loadConfig({
    ...demoEnvironment(process.env).env,
    DATABASE_URL: url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://unused:1',
  });
  const zone = config.DISTRICT_TIMEZONE;
  const dataSource = createDataSource(url, { extra: { max: 4, statement_timeout: 0 } });
  await dataSource.initialize();
  const stats = new StatsQueryService(
    dataSource,
    new ReferenceDataService(dataSource),
    config,
    new StatsSettingsService(dataSource),
    new PersonalDataCipher(config.PII_KEY, config.PII_HASH_KEY),
  );
  const supervisor = {
    id: 'bench',
    username: 'bench',
    displayName: 'bench',
    role: 'supervisor',
    departmentId: null,
    departmentCode: null,
    gridCodes: [],
  } as AuthUser;

  const [{ total, newest }] = await sqlRows<{ total: number; newest: Date }>(
    dataSource,
    `SELECT count(*)::int AS total, max(received_at) AS newest FROM cases`,
  );
  // The last whole month and the twelve whole months before the newest case, in the district's calendar.
  const newestDay = districtDay(newest, zone);
  const monthStart = `${newestDay.slice(0, 7)}-01`;
  const shift = (day: string, months: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 10);
  };
  const month = { from: midnight(shift(monthStart, -1), zone), to: midnight(monthStart, zone) };
  const year = { from: midnight(shift(monthStart, -12), zone), to: midnight(monthStart, zone) };
  const street = (await sqlRows<{ code: string }>(dataSource, `SELECT code FROM streets ORDER BY code LIMIT 1`))[0].code;

  const queries: Array<{
    name: string;
    period: { from: Date; to: Date };
    run: () => Promise<{ rows?: unknown[]; series?: unknown[]; source?: string }>;
  }> = [
    { name: 'rates: a year by department', period: year, run: () => stats.rates('department', year, supervisor) },
    { name: 'rates: a month by grid', period: month, run: () => stats.rates('grid', month, supervisor) },
    { name: 'ranking: departments over a year', period: year, run: () => stats.rankings('department', year, supervisor) },
    { name: 'trends: a year by month', period: year, run: () => stats.trends('month', year, supervisor) },
    {
      name: `rates: a month by grid in street ${street} (facts path)`,
      period: month,
      run: () => stats.rates('grid', { ...month, street }, supervisor),
    },
  ];
  log(
    `database ${new URL(url).pathname.slice(1)}: ${total.toLocaleString('en')} cases; year ${districtDay(year.from, zone)} … ${districtDay(year.to, zone)}, month ${districtDay(month.from, zone)} … ${districtDay(month.to, zone)}; median of ${runs} runs after a warm-up`,
  );
  const results = [];
  for (const q of queries) {
    const baselineSql = `SELECT count(*) FROM cases WHERE received_at >= $1 AND received_at < $2`;
    const [{ count: cases }] = await sqlRows<{ count: string }>(dataSource, baselineSql, [q.period.from, q.period.to]);
    const time = async (fn: () => Promise<unknown>) => {
      await fn();
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
      return median(times);
    };
    const baselineMs = await time(() => sqlExec(dataSource, baselineSql, [q.period.from, q.period.to]));
    let answer: { rows?: unknown[]; series?: unknown[]; source?: string } = {};
    const queryMs = await time(async () => (answer = await q.run()));
    const result = {
      query: q.name,
      cases: Number(cases),
      source: answer.source,
      rows: (answer.rows ?? answer.series ?? []).length,
      queryMs,
      baselineMs,
      ratio: queryMs / baselineMs,
    };
    results.push(result);
    log(
      `${q.name.padEnd(58)} ${String(result.cases.toLocaleString('en')).padStart(11)} cases  ${result.queryMs.toFixed(1).padStart(9)} ms (${result.source})   count(*) ${result.baselineMs.toFixed(1).padStart(9)} ms   ratio ${result.ratio.toFixed(3)}`,
    );
  }
  await dataSource.destroy();
  const dir = join(process.cwd(), '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `stats-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { database: new URL(url).pathname.slice(1), totalCases: total, runs, measuredAt: new Date().toISOString(), results },
      null,
      2,
    ),
  );
  log(`written ${file}`);
}

main().catch((error) => {
  process.stderr.write(`[bench:stats] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
