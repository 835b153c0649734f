import { Client } from 'pg';
import { demoEnvironment, loadConfig } from '@hotline/config';
import { districtDay, projectCase, readCaseHistories, sqlOfClient } from '@hotline/stats';
import { loadDistrictCalendar, verifyStats } from '../verify/verify-stats';
import { parseArgs } from './cli-args';
import { pgExec } from '@hotline/database';

const log = (line: string) => process.stdout.write(`[stats:verify] ${line}\n`);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `npm run stats:verify -- [--database NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--repair]`
 * Recomputes the cases received in [from, to) (district dates; default: yesterday) from their history
 * and prints every difference from the stored facts and the daily rollup. Exit code 1 when any.
 * --repair re-projects the cases that differ (as the worker would).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { database: 'value', from: 'value', to: 'value', repair: 'flag' });
  let url = process.env.STATS_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline365';
  if (typeof args.database === 'string') {
    const u = new URL(url);
    u.pathname = `/${args.database}`;
    url = u.toString();
  }
  const config = loadConfig({
    ...demoEnvironment(process.env).env,
    DATABASE_URL: url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://unused:1',
  });
  const zone = config.DISTRICT_TIMEZONE;
  const today = districtDay(new Date(), zone);
  const yesterday = districtDay(new Date(Date.now() - 86_400_000), zone);
  const fromDay = typeof args.from === 'string' ? args.from : yesterday;
  const toDay = typeof args.to === 'string' ? args.to : today;
  if (!DATE.test(fromDay) || !DATE.test(toDay) || fromDay >= toDay)
    throw new Error('--from and --to must be dates YYYY-MM-DD with from < to');

  const client = new Client({ connectionString: url, statement_timeout: 0 });
  await client.connect();
  try {
    const sql = sqlOfClient(client);
    const calendar = await loadDistrictCalendar(sql, zone);
    const started = Date.now();
    const report = await verifyStats(sql, { fromDay, toDay, timeZone: zone, calendar });
    log(
      `${report.cases.toLocaleString('en')} cases received ${fromDay} … ${toDay} (exclusive) recomputed from history in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const d of report.factDifferences)
      log(`facts  case ${d.caseId} ${d.field}: stored ${JSON.stringify(d.stored)}, history says ${JSON.stringify(d.recomputed)}`);
    for (const d of report.rollupDifferences.slice(0, 200))
      log(`rollup ${d.dimension} ${d.day} "${d.key}" ${d.figure}: rollup ${d.rollup}, history says ${d.recomputed}`);
    if (report.factDifferences.length === 0 && report.rollupDifferences.length === 0) {
      log('no differences: the facts and the rollup equal the recompute');
      return;
    }
    log(`${report.factDifferences.length} fact and ${report.rollupDifferences.length} rollup differences`);
    if (args.repair) {
      const cases = [...new Set(report.factDifferences.map((d) => d.caseId))];
      for (const caseId of cases) {
        await pgExec(client, 'BEGIN');
        await projectCase(sql, caseId, async () => (await readCaseHistories(sql, [caseId])).get(caseId), calendar, zone);
        await pgExec(client, 'COMMIT');
      }
      log(`re-projected ${cases.length} cases; run again to confirm`);
    }
    process.exitCode = 1;
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  process.stderr.write(`[stats:verify] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
