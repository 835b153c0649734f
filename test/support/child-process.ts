import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * An app run as its own OS process (not in jest's), so a test can SIGKILL it like a crash would.
 * The TypeScript sources run through ts-node in transpile-only mode: no build step, boots in seconds.
 */
export interface AppProcess {
  readonly pid: number;
  readonly process: ChildProcess;
  /** Everything the process wrote (pino JSON lines on stdout, anything on stderr), for log assertions. */
  output(): string;
  /** Resolves once a line containing `text` has been written. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

export const APP_ENTRY = {
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
} as const;

/** Where `npm run build` puts each app's entry point, which `npm start` and the container image run with plain node. */
export const BUILT_ENTRY = {
  api: 'dist/apps/api/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
} as const;

/**
 * Starts the app's real entry point: its TypeScript through ts-node (transpile-only), or with `built` the
 * output of `npm run build` exactly as `npm start` runs it (`node dist/apps/<app>/src/main.js`).
 */
export function spawnApp(
  app: keyof typeof APP_ENTRY,
  env: Record<string, string>,
  options: { built?: boolean } = {},
): AppProcess {
  const args = options.built ? [BUILT_ENTRY[app]] : ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', APP_ENTRY[app]];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      if (output.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    pid: child.pid!,
    process: child,
    output: () => output,
    waitForOutput: (text, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (output.includes(text)) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`${app} did not write "${text}" within ${timeoutMs} ms:\n${output.slice(-2000)}`)),
          timeoutMs,
        );
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        waiters.push({ text, resolve: done });
        void exited.then(() => {
          clearTimeout(timer);
          reject(
            new Error(`${app} exited (${child.exitCode ?? child.signalCode}) before writing "${text}":\n${output.slice(-2000)}`),
          );
        });
      }),
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
