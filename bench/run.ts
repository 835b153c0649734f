/**
 * `npm run bench`: intake and dispatch under load, next to PostgreSQL's raw rate for the same writes,
 * measured in the same run; then the same load on 2 API + 2 worker processes. Starts its own processes
 * (from a fresh build) against a dedicated bench database and Redis prefix, removes both at the end,
 * prints a table and writes JSON under .bench/.
 *
 * The baseline is bench/intake-transaction.sql, captured from the API by `npm run bench:capture`.
 *
 * Phases: intake at each of BENCH_CLIENTS (default "8,16") concurrent clients, each next to pgbench at the
 * same concurrency; a paced phase (BENCH_PACED_RATE cases/s, default 200, for BENCH_PACED_SECONDS, default
 * 60; 0 skips it) for dispatch latency at a steady load and the backlog; then 2 APIs + 2 workers at
 * BENCH_CONNECTIONS (default 16; BENCH_SCALED=0 skips it). BENCH_SECONDS (default 15) per unpaced phase.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import { provideTestServices } from '../test/support/test-services';
import { benchEnvironment, intakeRequest, removeRedisKeys } from './bench-settings';
import { intakeBaselineScripts, runPgbench } from './pgbench-baseline';
import { BacklogVerdict, PacedIntake, pacedIntake, watchBacklog } from './paced-load';
import { BenchProcess, startProcess } from './processes';
import { signInTiming } from './sign-in-timing';
import { pgRows, pgExec } from '@hotline/database';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '8,16').split(',').map(Number);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 200);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 60);
const SCALED = process.env.BENCH_SCALED !== '0';
/** BENCH_BUILD=0 skips the build (and the console's) while iterating on one change: dist/ must be current. */
const BUILD = process.env.BENCH_BUILD !== '0';
const ROOT = join(__dirname, '..');
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

interface IntakeFigures {
  casesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  created: number;
  non2xx: number;
  errors: number;
}

interface Percentiles {
  p50: number;
  p99: number;
  count: number;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
  return { p50: Math.round(at(0.5)), p99: Math.round(at(0.99)), count: sorted.length };
}

/** Drives POST /api/v1/cases on each API with `connections` split between them; records when each 201 arrived. */
async function intakeLoad(
  apiUrls: string[],
  token: string,
  connections: number,
  seconds: number,
  answered: Map<string, number>,
): Promise<IntakeFigures> {
  const results = await Promise.all(
    apiUrls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(connections / apiUrls.length)),
        duration: seconds,
        requests: [intakeRequest(token, answered)],
      }),
    ),
  );
  const created = results.reduce((n, r) => n + r['2xx'], 0);
  return {
    casesPerSecond: Math.round(created / seconds),
    // With two APIs, the slower one's percentiles (latencies of separate loads cannot be merged exactly).
    latencyP50Ms: Math.max(...results.map((r) => r.latency.p50)),
    latencyP99Ms: Math.max(...results.map((r) => r.latency.p99)),
    created,
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
  };
}

/**
 * CPU time each process spent from now until perCase() is called, divided by the cases taken in: on a
 * shared machine, where rates move with the neighbours' load, the work per case is the steadier figure.
 * statementsPerCase() does the same with the statements each process sent to PostgreSQL (round trips),
 * which do not move with the load at all.
 */
function cpuMeter(processes: BenchProcess[]) {
  const perCaseOf = (read: (p: BenchProcess) => number | null, digits: number) => {
    const start = new Map(processes.map((p) => [p.name, read(p)]));
    return (cases: number): Record<string, number | null> =>
      Object.fromEntries(
        processes.map((p) => {
          const [before, after] = [start.get(p.name), read(p)];
          return [
            p.name,
            before == null || after == null || cases === 0 ? null : Number(((after - before) / cases).toFixed(digits)),
          ];
        }),
      );
  };
  return { perCase: perCaseOf((p) => p.cpuMs(), 2), statementsPerCase: perCaseOf((p) => p.pgStatements(), 1) };
}

/**
 * Waits (at most 90 s) until the processes send fewer than 30 statements a second, i.e. only their idle
 * passes (the relay's poll, the SLA sweep): the statistics jobs of a phase's cases may still run after
 * the last case is dispatched, and statements per case must count them, in this phase and not the next.
 */
async function untilQuiet(processes: BenchProcess[]): Promise<void> {
  const total = () => processes.reduce((sum, p) => sum + (p.pgStatements() ?? 0), 0);
  const deadline = Date.now() + 90_000;
  let last = total();
  while (Date.now() < deadline) {
    // Two seconds: the counts are written once a second, so one second could read the same file twice.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const now = total();
    if (now - last < 60) return;
    last = now;
  }
}

/** Waits until every case answered 201 is dispatched; latency from the 201 (client clock) and from the case's received_at (database clock, the intake transaction's start). */
async function dispatchFigures(db: Client, answered: Map<string, number>) {
  const ids = [...answered.keys()];
  const deadline = Date.now() + 180_000;
  for (;;) {
    const rows = await pgRows<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND status = 'dispatched'`,
      [ids],
    );
    if (rows[0].n === ids.length) break;
    if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${ids.length} cases dispatched after 3 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const rows = await pgRows<{ id: string; receivedAt: Date; dispatchedAt: Date; events: number }>(
    db,
    `SELECT c.id, c.received_at AS "receivedAt", min(e.at) AS "dispatchedAt", count(*)::int AS events
       FROM cases c JOIN case_events e ON e.case_id = c.id AND e.type = 'dispatched' WHERE c.id = ANY($1) GROUP BY c.id`,
    [ids],
  );
  return {
    from201: percentiles(rows.map((r) => new Date(r.dispatchedAt).getTime() - answered.get(r.id)!)),
    fromReceivedAt: percentiles(rows.map((r) => new Date(r.dispatchedAt).getTime() - new Date(r.receivedAt).getTime())),
    casesDispatchedTwice: rows.filter((r) => r.events !== 1).length,
  };
}

async function main(): Promise<void> {
  if (BUILD) {
    log(`building (npm run build)…`);
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  } else log(`BENCH_BUILD=0: using dist/ as it is (build it yourself: nest build api && nest build worker)`);
  const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
  const services = await provideTestServices(log);
  const runId = `${Date.now().toString(36)}`;
  const database = `hotline_bench_${runId}`;
  const databaseUrl = withDatabase(services.postgresServerUrl, database);
  const redisPrefix = `bench-${runId}`;
  const processes: BenchProcess[] = [];
  const db = new Client({ connectionString: databaseUrl });
  const env = (port?: number) => ({
    ...(port ? { PORT: String(port) } : {}),
    ...benchEnvironment({ databaseUrl, redisUrl: services.redisUrl, redisPrefix }),
  });
  const startStack = async (apis: number, workers: number, firstPort: number) => {
    const started: BenchProcess[] = [];
    for (let i = 0; i < apis; i++) started.push(await startProcess(`api-${i + 1}`, 'api', env(firstPort + i)));
    for (let i = 0; i < workers; i++) started.push(await startProcess(`worker-${i + 1}`, 'worker', env()));
    processes.push(...started);
    return { started, urls: Array.from({ length: apis }, (_, i) => `http://127.0.0.1:${firstPort + i}`) };
  };
  const stopAll = async (list: BenchProcess[]) => {
    for (const p of list) await p.stop();
  };
  const memory = (list: BenchProcess[]) => Object.fromEntries(list.map((p) => [p.name, p.peakRssMiB()]));

  try {
    log(`database ${database}, Redis prefix ${redisPrefix}, ${CONNECTIONS} connections, ${SECONDS} s per phase`);
    await ensureDatabase(services.postgresServerUrl, database);
    await migrate(databaseUrl);
    await seed(databaseUrl, { onlyIfEmpty: false, includeDemoUsers: true, demoPassword: 'hotline365' });
    await db.connect();

    // 1. One API and one worker: intake at each client count, then the paced phase.
    const single = await startStack(1, 1, 39100 + Math.floor(Math.random() * 400));
    const login = await fetch(`${single.urls[0]}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'hotline365' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    log('warming up…');
    await intakeLoad(single.urls, accessToken, 4, 3, new Map());

    const byClients: ClientsPhase[] = [];
    for (const clients of CLIENTS) {
      log(`intake, 1 API + 1 worker, ${clients} clients…`);
      const answered = new Map<string, number>();
      const cpu = cpuMeter(single.started);
      const intake = await intakeLoad(single.urls, accessToken, clients, SECONDS, answered);
      // Every case is dispatched before the next phase starts, so phases do not share a backlog.
      const dispatch = await dispatchFigures(db, answered);
      byClients.push({
        clients,
        intake,
        dispatch,
        cpuMsPerCase: cpu.perCase(answered.size),
        statementsPerCase: await untilQuiet(single.started).then(() => cpu.statementsPerCase(answered.size)),
      });
    }

    let paced: PacedPhase | null = null;
    if (PACED_SECONDS > 0) {
      log(`paced intake, ${PACED_RATE} cases/s for ${PACED_SECONDS} s, 1 worker…`);
      const answered = new Map<string, number>();
      const watcher = watchBacklog(db, PACED_RATE);
      const cpu = cpuMeter(single.started);
      const intake = await pacedIntake(single.urls[0], accessToken, PACED_RATE, PACED_SECONDS, answered);
      const backlog = await watcher.stop();
      const dispatch = await dispatchFigures(db, answered);
      paced = {
        intake,
        dispatch,
        backlog,
        cpuMsPerCase: cpu.perCase(answered.size),
        statementsPerCase: await untilQuiet(single.started).then(() => cpu.statementsPerCase(answered.size)),
      };
    }
    log('sign-in timing by outcome…');
    const signIn = await signInTiming(
      single.urls[0],
      { known: 'staff-heating', locked: 'lead-heating', password: 'hotline365' },
      30,
    );
    const singleMemory = memory(single.started);
    await stopAll(single.started);

    // 2. PostgreSQL alone, the same transaction at each client count, no processes of ours running:
    // once as the API sends it, once without its NOTIFY, so that the NOTIFY's cost shows.
    const scripts = await intakeBaselineScripts(db);
    for (const phase of byClients) {
      log(`PostgreSQL baseline (pgbench, the captured intake transaction), ${phase.clients} clients…`);
      phase.baseline = await runPgbench(databaseUrl, scripts.withNotify, scripts.variables, phase.clients, SECONDS);
      log(`PostgreSQL baseline without the NOTIFY, ${phase.clients} clients…`);
      phase.baselineWithoutNotify = await runPgbench(
        databaseUrl,
        scripts.withoutNotify,
        scripts.variables,
        phase.clients,
        SECONDS,
      );
      phase.ratio = Number((phase.intake.casesPerSecond / phase.baseline.transactionsPerSecond).toFixed(3));
      phase.ratioWithoutNotify = Number(
        (phase.intake.casesPerSecond / phase.baselineWithoutNotify.transactionsPerSecond).toFixed(3),
      );
    }
    // The baseline's intents must not reach the next phase's workers.
    await pgExec(db, `DELETE FROM outbox WHERE published_at IS NULL`);

    // 3. Two APIs and two workers against the same PostgreSQL and Redis.
    let scaledPhase: ScaledPhase | null = null;
    if (SCALED) {
      log(`intake, 2 APIs + 2 workers…`);
      const scaled = await startStack(2, 2, 39600 + Math.floor(Math.random() * 300));
      const scaledAnswered = new Map<string, number>();
      await intakeLoad(scaled.urls, accessToken, 4, 3, new Map());
      const scaledIntake = await intakeLoad(scaled.urls, accessToken, CONNECTIONS, SECONDS, scaledAnswered);
      const scaledDispatch = await dispatchFigures(db, scaledAnswered);
      const scaledMemory = memory(scaled.started);
      await stopAll(scaled.started);
      const singleAtSame = byClients.find((p) => p.clients === CONNECTIONS) ?? byClients[byClients.length - 1];
      scaledPhase = {
        intake: scaledIntake,
        dispatch: scaledDispatch,
        peakRssMiB: scaledMemory,
        toSingleRatio: Number((scaledIntake.casesPerSecond / singleAtSame.intake.casesPerSecond).toFixed(3)),
      };
    }

    const report: BenchReport = {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
      },
      settings: {
        clients: CLIENTS,
        connections: CONNECTIONS,
        seconds: SECONDS,
        pacedRate: PACED_RATE,
        pacedSeconds: PACED_SECONDS,
      },
      single: { byClients, paced, peakRssMiB: singleMemory },
      signIn,
      scaled: scaledPhase,
    };
    printTable(report);
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    const file = join(ROOT, '.bench', `bench-${report.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(ROOT, '.bench', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    log(`written ${file}`);
  } finally {
    await stopAll(processes);
    await db.end().catch(() => undefined);
    await dropDatabase(services.postgresServerUrl, database).catch((error) => log(`could not drop ${database}: ${error}`));
    await removeRedisKeys(services.redisUrl, redisPrefix);
    await services.stop();
  }
}

interface ClientsPhase {
  clients: number;
  intake: IntakeFigures;
  dispatch: Awaited<ReturnType<typeof dispatchFigures>>;
  /** CPU ms per case, API and worker, over the intake and until every case was dispatched. */
  cpuMsPerCase: Record<string, number | null>;
  /** Statements sent to PostgreSQL per case, API and worker, over the same span. */
  statementsPerCase: Record<string, number | null>;
  baseline?: Awaited<ReturnType<typeof runPgbench>>;
  baselineWithoutNotify?: Awaited<ReturnType<typeof runPgbench>>;
  ratio?: number;
  ratioWithoutNotify?: number;
}

interface PacedPhase {
  intake: PacedIntake;
  dispatch: Awaited<ReturnType<typeof dispatchFigures>>;
  backlog: BacklogVerdict;
  cpuMsPerCase: Record<string, number | null>;
  /** Statements sent to PostgreSQL per case, API and worker, over the same span. */
  statementsPerCase: Record<string, number | null>;
}

interface ScaledPhase {
  intake: IntakeFigures;
  dispatch: Awaited<ReturnType<typeof dispatchFigures>>;
  peakRssMiB: Record<string, number | null>;
  toSingleRatio: number;
}

interface BenchReport {
  at: string;
  machine: {
    cpus: number;
    cpuModel?: string;
    memoryGiB: number;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  settings: { clients: number[]; connections: number; seconds: number; pacedRate: number; pacedSeconds: number };
  single: { byClients: ClientsPhase[]; paced: PacedPhase | null; peakRssMiB: Record<string, number | null> };
  scaled: ScaledPhase | null;
  signIn: Awaited<ReturnType<typeof signInTiming>>;
}

const intakeLine = (i: IntakeFigures) =>
  `${i.casesPerSecond} cases/s, p50 ${i.latencyP50Ms} ms, p99 ${i.latencyP99Ms} ms (${i.non2xx} non-2xx, ${i.errors} errors)`;
const dispatchLine = (d: ClientsPhase['dispatch']) =>
  `p50 ${d.from201.p50} ms, p99 ${d.from201.p99} ms (from received_at: p50 ${d.fromReceivedAt.p50}, p99 ${d.fromReceivedAt.p99}); dispatched twice: ${d.casesDispatchedTwice}`;
const namedValues = (values: Record<string, number | null>) =>
  Object.entries(values)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function printTable(r: BenchReport): void {
  const rows: Array<[string, string]> = [
    ['machine', `${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}`],
    [
      'load average (1, 5, 15 min)',
      `start ${r.machine.loadAverageAtStart.join(' ')}, end ${r.machine.loadAverageAtEnd.join(' ')}`,
    ],
    ['settings', `${r.settings.seconds} s per unpaced phase; 2+2 at ${r.settings.connections} connections`],
  ];
  for (const p of r.single.byClients) {
    rows.push(
      [`intake, 1 API + 1 worker, ${p.clients} clients`, intakeLine(p.intake)],
      [
        `  PostgreSQL alone, ${p.clients} clients`,
        `${Math.round(p.baseline!.transactionsPerSecond)} tx/s (avg ${p.baseline!.latencyAverageMs} ms); without NOTIFY ${Math.round(p.baselineWithoutNotify!.transactionsPerSecond)} tx/s (avg ${p.baselineWithoutNotify!.latencyAverageMs} ms)`,
      ],
      [`  intake / PostgreSQL, ${p.clients} clients`, `${p.ratio} (without NOTIFY ${p.ratioWithoutNotify})`],
      [`  dispatch after 201, ${p.clients} clients`, dispatchLine(p.dispatch)],
      [`  CPU per case, ${p.clients} clients (ms)`, namedValues(p.cpuMsPerCase)],
      [`  PostgreSQL statements per case, ${p.clients} clients`, namedValues(p.statementsPerCase)],
    );
  }
  const paced = r.single.paced;
  if (paced) {
    const b = paced.backlog;
    rows.push(
      [
        `paced intake, ${paced.intake.targetRate}/s for ${paced.intake.seconds} s`,
        `${paced.intake.casesPerSecond} cases/s, p50 ${paced.intake.latencyP50Ms} ms, p99 ${paced.intake.latencyP99Ms} ms (${paced.intake.non2xx} non-2xx, ${paced.intake.errors} errors)`,
      ],
      ['  dispatch after 201, paced, 1 worker', dispatchLine(paced.dispatch)],
      ['  CPU per case, paced (ms)', namedValues(paced.cpuMsPerCase)],
      ['  PostgreSQL statements per case, paced', namedValues(paced.statementsPerCase)],
      [
        '  backlog (cases not yet dispatched)',
        `first quarter ${b.firstQuarterMean}, last quarter ${b.lastQuarterMean}, max ${b.max}: ${b.growing ? 'GROWING' : 'level'}`,
      ],
    );
  }
  rows.push(['peak RSS, 1+1 (MiB)', namedValues(r.single.peakRssMiB)]);
  if (r.scaled) {
    rows.push(
      ['intake, 2 APIs + 2 workers', intakeLine(r.scaled.intake)],
      ['2+2 / 1+1', `${r.scaled.toSingleRatio}`],
      [
        'dispatch after 201, 2 workers',
        `p50 ${r.scaled.dispatch.from201.p50} ms, p99 ${r.scaled.dispatch.from201.p99} ms; dispatched twice: ${r.scaled.dispatch.casesDispatchedTwice}`,
      ],
      ['peak RSS, 2+2 (MiB)', namedValues(r.scaled.peakRssMiB)],
    );
  }
  rows.push(
    ...Object.entries(r.signIn).map(
      ([kind, t]) =>
        [`sign-in, ${kind}`, `p50 ${t.p50Ms} ms, p90 ${t.p90Ms} ms (answers ${t.statuses.join(', ')})`] as [string, string],
    ),
  );
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
