import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OPEN_CASE_STATUSES, SlaMonitorService } from '@hotline/cases';
import { SystemClock } from '@hotline/clock';
import type { AppConfig } from '@hotline/config';
import { createDataSource, sqlExec, sqlRows } from '@hotline/database';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import { jobIdFor } from '@hotline/queues';

/**
 * `npm run bench:sla [-- --cases N --due M --runs R]`: the SLA sweep over N open cases (default
 * 1,000,000) of which M (default 1,000) are past their deadline, next to a plain indexed
 * `SELECT count(*)` of the same open cases as the baseline, measured in the same run on a database of
 * its own (dropped at the end unless --keep). Prints a table and writes .bench/sla-sweep.json.
 *
 * What is timed:
 *  - baseline: `SELECT count(*) FROM cases WHERE status IN (open statuses)` (index-only scan);
 *  - idle sweep: one full sweep pass when nothing is due (the steady state every worker runs each minute);
 *  - sweep recording M breaches: a batch of up to 500 per transaction (events, marks, notifications,
 *    outbox), then the same M recorded one per transaction (as a timer does) for comparison.
 */
const OPEN = [...OPEN_CASE_STATUSES];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: plans and pages cached, as in a running worker
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const cases = arg('cases', 1_000_000);
  const due = arg('due', 1_000);
  const runs = arg('runs', 5);
  const keep = process.argv.includes('--keep');
  const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `hotline_bench_sla_${process.pid}`;
  const url = withDatabase(server, database);
  const log = (line: string) => process.stdout.write(`${line}\n`);

  await ensureDatabase(server, database);
  const dataSource = createDataSource(url, { extra: { max: 4, statement_timeout: 0 } });
  try {
    await migrate(url);
    await seed(url, { onlyIfEmpty: true, includeDemoUsers: false, demoPassword: 'unused-bench' });
    await dataSource.initialize();

    log(`writing ${cases.toLocaleString('en')} open cases (${due.toLocaleString('en')} past their deadline) into ${database} …`);
    let start = performance.now();
    // Open cases spread over the open statuses, each with its running stage; the first `due` are past
    // their deadline, the rest due between one hour and ten days from now.
    await sqlExec(
      dataSource,
      `INSERT INTO cases (case_no, status, kind, category_id, channel, priority, title, description, address,
                          caller_name_sealed, caller_phone_sealed, caller_phone_hash, lead_department_id,
                          received_at, dispatched_at, sla_stage, sla_deadline, sla_warn_at)
       SELECT 'BENCH' || lpad(g::text, 9, '0'),
              (ARRAY['dispatched','accepted','replied','reopened','accepted','dispatched'])[1 + g % 6],
              'complaint', (SELECT id FROM categories WHERE code = 'heating.no-heat'), 'phone', 'normal',
              'bench', 'bench', 'bench', 'v1:x:x:x', 'v1:x:x:x', lpad(to_hex(g), 64, '0'),
              (SELECT id FROM departments WHERE code = 'heating'),
              now() - interval '2 days', now() - interval '2 days', 'reply',
              -- whole milliseconds, as the deadlines the JavaScript calendar computes (timers carry them)
              date_trunc('milliseconds', CASE WHEN g <= $2 THEN now() - interval '1 minute' * (1 + g % 50) ELSE now() + interval '1 hour' + interval '1 second' * (g % 864000) END),
              date_trunc('milliseconds', CASE WHEN g <= $2 THEN now() - interval '2 hours' ELSE now() + interval '1 hour' * 0.5 + interval '1 second' * (g % 864000) * 0.75 END)
         FROM generate_series(1, $1) g`,
      [cases, due],
    );
    await sqlExec(
      dataSource,
      `INSERT INTO case_deadlines (case_id, stage, policy_code, started_at, deadline, warn_at, reason, warned_at)
       SELECT id, 'reply', 'default', dispatched_at, sla_deadline, sla_warn_at, 'accepted',
              -- the not-yet-due are unwarned only where their warning time is still ahead, as in real life
              CASE WHEN sla_warn_at <= now() AND sla_deadline > now() THEN now() END
         FROM cases WHERE case_no LIKE 'BENCH%'`,
    );
    await sqlExec(dataSource, `ANALYZE cases; ANALYZE case_deadlines`);
    log(`  written in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    const baselineMs = await timeRuns(runs, () =>
      sqlExec(dataSource, `SELECT count(*) FROM cases WHERE status = ANY($1)`, [OPEN]),
    );
    const [{ open }] = await sqlRows<{ open: number }>(
      dataSource,
      `SELECT count(*)::int AS open FROM cases WHERE status = ANY($1)`,
      [OPEN],
    );

    // The monitor reads only the district's zone (for its event notes) from the configuration.
    const monitor = new SlaMonitorService(dataSource, new SystemClock(), { DISTRICT_TIMEZONE: 'Asia/Shanghai' } as AppConfig);
    start = performance.now();
    const first = await monitor.sweep();
    const recordingMs = performance.now() - start;
    if (first.breaches !== due) throw new Error(`the sweep recorded ${first.breaches} breaches, expected ${due}`);
    const idleMs = await timeRuns(runs, async () => {
      const result = await monitor.sweep();
      if (result.breaches !== 0 || result.warnings !== 0) throw new Error(`an idle sweep recorded ${JSON.stringify(result)}`);
    });
    const [{ events }] = await sqlRows<{ events: number }>(
      dataSource,
      `SELECT count(*)::int AS events FROM case_events WHERE type = 'slaBreached'`,
    );
    if (events !== due) throw new Error(`${events} slaBreached events for ${due} due stages`);
    // Every breach's case is told to re-derive its statistics, naming that event (the job table's id rule).
    const breached = await sqlRows<{ caseId: string; eventId: string }>(
      dataSource,
      `SELECT case_id AS "caseId", id::text AS "eventId" FROM case_events WHERE type = 'slaBreached'`,
    );
    const intents = new Set(
      (
        await sqlRows<{ jobId: string }>(dataSource, `SELECT job_id AS "jobId" FROM outbox WHERE job_name = 'project-case-stats'`)
      ).map((row) => row.jobId),
    );
    const missing = breached.filter((event) => !intents.has(jobIdFor('project-case-stats', event)));
    if (missing.length > 0) throw new Error(`${missing.length} breaches without their statistics intent`);

    // The same breaches recorded one per transaction, as a timer records one (and as the sweep did
    // before it batched): the stages' claims undone, then each recorded alone.
    const stages = await sqlRows<{ caseId: string; stage: string; deadline: Date }>(
      dataSource,
      `UPDATE case_deadlines SET breached_at = NULL WHERE breached_at IS NOT NULL RETURNING case_id AS "caseId", stage, deadline`,
    );
    start = performance.now();
    for (const stage of stages) {
      const { outcome } = await monitor.recordBreach(stage.caseId, stage.stage, new Date(stage.deadline), 'sweep');
      if (outcome !== 'recorded') throw new Error(`one-by-one recording found ${outcome}`);
    }
    const oneByOneMs = performance.now() - start;

    const figures = {
      openCases: open,
      dueStages: due,
      baselineCountMs: round(baselineMs),
      idleSweepMs: round(idleMs),
      idleSweepVsBaseline: Number((idleMs / baselineMs).toPrecision(3)),
      sweepRecordingMs: round(recordingMs),
      perBreachMs: round(recordingMs / due),
      oneByOneRecordingMs: round(oneByOneMs),
      oneByOnePerBreachMs: round(oneByOneMs / due),
      batchedSpeedUp: Number((oneByOneMs / recordingMs).toPrecision(3)),
      runs,
    };
    log('');
    log('| what (median of runs after a warm-up) | ms |');
    log('|---|---:|');
    log(`| baseline: indexed SELECT count(*) of ${open.toLocaleString('en')} open cases | ${figures.baselineCountMs} |`);
    log(`| idle sweep: nothing due, ${open.toLocaleString('en')} open cases | ${figures.idleSweepMs} |`);
    log(`| ratio idle sweep / baseline | ${figures.idleSweepVsBaseline} |`);
    log(
      `| sweep recording ${due.toLocaleString('en')} breaches, a batch per transaction (one run) | ${figures.sweepRecordingMs} (${figures.perBreachMs} per breach) |`,
    );
    log(
      `| the same breaches one per transaction, as a timer records them | ${figures.oneByOneRecordingMs} (${figures.oneByOnePerBreachMs} per breach) |`,
    );
    log(`| batched speed-up (one by one / batched) | ${figures.batchedSpeedUp}× |`);
    const dir = join(process.cwd(), '.bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sla-sweep.json'), JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2));
    log(`\nwritten to .bench/sla-sweep.json`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    if (!keep) await dropDatabase(server, database);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

main().catch((error) => {
  process.stderr.write(`bench:sla failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
