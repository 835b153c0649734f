import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** An API or worker started from the build (`dist/`), as `npm run start:api|start:worker` would. */
export interface BenchProcess {
  name: string;
  pid: number;
  /** Peak resident set size so far (VmHWM), in MiB; read from /proc while the process lives. */
  peakRssMiB(): number | null;
  /** CPU time (user + system) the process has used so far, in ms (/proc/<pid>/stat); null where unreadable. */
  cpuMs(): number | null;
  /** Statements sent to PostgreSQL so far (bench/pg-count-hook.js; up to a second old); null where unreadable. */
  pgStatements(): number | null;
  stop(): Promise<void>;
}

export async function startProcess(name: string, app: 'api' | 'worker', env: Record<string, string>): Promise<BenchProcess> {
  const entry = join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
  // BENCH_CPU_PROF=<dir>: a CPU profile of each process (node --cpu-prof), named after it, written when it stops.
  const profileDir = process.env.BENCH_CPU_PROF;
  const profile = profileDir
    ? [
        '--cpu-prof',
        '--cpu-prof-dir',
        profileDir,
        '--cpu-prof-name',
        `${name}-${Date.now()}.cpuprofile`,
        '-r',
        join(__dirname, 'profile-exit.js'),
      ]
    : [];
  const countFile = join(tmpdir(), `hotline-bench-pg-${process.pid}-${name}`);
  const child: ChildProcess = spawn(process.execPath, [...profile, '-r', join(__dirname, 'pg-count-hook.js'), entry], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_PG_COUNT_FILE: countFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  // Logs are read only to see the process come up; the rest is dropped (kept short for error messages).
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = app === 'api' ? `API listening` : 'worker started';
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (tail.includes(ready)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`${name} exited before it was ready:\n${tail}`));
    });
  });
  return {
    name,
    pid: child.pid!,
    peakRssMiB: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
        return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
      } catch {
        return null; // not Linux, or gone
      }
    },
    cpuMs: () => {
      try {
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100/s on Linux).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return null;
      }
    },
    pgStatements: () => {
      try {
        const count = Number(readFileSync(countFile, 'utf8'));
        return Number.isFinite(count) ? count : null;
      } catch {
        return null;
      }
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (process.env.BENCH_PG_BREAKDOWN !== '1') rmSync(countFile, { force: true });
    },
  };
}
