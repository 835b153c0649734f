/**
 * `npm run test:soak [-- --runs N]`: runs the whole `npm test` N times in a row (default 5) while CPU hogs
 * keep every core busy, and reports each run (tests passed/failed, time) and a summary. Not part of CI:
 * it proves that the suite holds on a loaded machine, where timing assumptions fail. Each run's output is
 * kept in a log file (named at the end); the hogs are stopped however the script ends.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJestSummary, type JestSummary } from './jest-summary';

interface Options {
  runs: number;
  hogs: number;
}

interface RunResult {
  run: number;
  exitCode: number;
  seconds: number;
  summary: JestSummary | null;
  loadBefore: number;
  loadAfter: number;
  log: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { runs: 5, hogs: cpus().length };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[i + 1];
    if (flag === '--runs' || flag === '--hogs') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < (flag === '--runs' ? 1 : 0))
        throw new Error(`${flag} needs a whole number, got "${value}"`);
      options[flag === '--runs' ? 'runs' : 'hogs'] = n;
      if (inline === undefined) i += 1;
    } else {
      throw new Error(`unknown argument "${argv[i]}" (use --runs N, --hogs N)`);
    }
  }
  return options;
}

const print = (line: string) => process.stdout.write(`${line}\n`);

/** One child process per core spinning in a loop: the load a shared CI machine or a busy laptop puts on the suite. */
function startHogs(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function stopHogs(hogs: ChildProcess[]): void {
  for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill('SIGKILL');
}

/** The run in progress, so that an interrupted soak also stops it (its own process group: npm, jest, the apps). */
let current: ChildProcess | null = null;

function stopCurrentRun(): void {
  if (current?.pid && current.exitCode === null) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

function runNpmTest(run: number, logDir: string): Promise<RunResult> {
  const log = join(logDir, `run-${run}.log`);
  const out = createWriteStream(log);
  const loadBefore = loadavg()[0];
  const started = Date.now();
  let output = '';
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['test'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
      detached: true,
    });
    current = child;
    const take = (chunk: Buffer) => {
      out.write(chunk);
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      out.end();
      resolve({
        run,
        exitCode: code ?? (signal ? 128 : 1),
        seconds: (Date.now() - started) / 1000,
        summary: parseJestSummary(output),
        loadBefore,
        loadAfter: loadavg()[0],
        log,
      });
    });
  });
}

function describeRun(r: RunResult, of: number): string {
  const counts = r.summary
    ? `${r.summary.testsPassed} passed, ${r.summary.testsFailed} failed, ${r.summary.testsTotal} total`
    : 'no jest summary (stopped before or inside jest)';
  const verdict = r.exitCode === 0 ? 'PASS' : `FAIL (exit ${r.exitCode})`;
  return `run ${r.run}/${of}: ${verdict}  ${counts}  ${r.seconds.toFixed(0)} s  (load ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)})`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const logDir = mkdtempSync(join(tmpdir(), 'hotline-soak-'));
  print(`soak: ${options.runs} × npm test with ${options.hogs} CPU hog(s) on ${cpus().length} core(s); logs in ${logDir}`);
  const hogs = startHogs(options.hogs);
  const stop = () => {
    stopCurrentRun();
    stopHogs(hogs);
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('exit', () => stopHogs(hogs));

  const results: RunResult[] = [];
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      const result = await runNpmTest(run, logDir);
      results.push(result);
      print(describeRun(result, options.runs));
      for (const name of result.summary?.failures ?? []) print(`    ✕ ${name}`);
    }
  } finally {
    stopHogs(hogs);
  }

  const failedRuns = results.filter((r) => r.exitCode !== 0);
  const failedTests = results.reduce((n, r) => n + (r.summary?.testsFailed ?? 0), 0);
  const seconds = results.map((r) => r.seconds);
  print('');
  print(`summary: ${results.length} runs, ${failedRuns.length} failed, ${failedTests} failed tests in all`);
  print(
    `time per run: min ${Math.min(...seconds).toFixed(0)} s, mean ${(seconds.reduce((a, b) => a + b, 0) / seconds.length).toFixed(0)} s, max ${Math.max(...seconds).toFixed(0)} s`,
  );
  if (failedRuns.length > 0) print(`failed runs' logs: ${failedRuns.map((r) => r.log).join(', ')}`);
  process.exitCode = failedRuns.length > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
