import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import Redis from 'ioredis';

export interface RunningRedis {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/sbin/redis-server'];

function which(binary: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

export function findRedisServer(): string | null {
  return which('redis-server') ?? CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const REDIS_INSTALL_HINT =
  'redis-server is not installed. On Debian/Ubuntu: `sudo apt-get install -y redis-server`; on macOS: ' +
  '`brew install redis`; or set REDIS_URL to a Redis 6.2+ you already run (append-only file on, ' +
  'maxmemory-policy noeviction).';

/**
 * Finds redis-server, installing Debian's package when we are root on a Debian-like system; otherwise
 * says exactly how to get one.
 */
export function ensureRedisServerBinary(log: (line: string) => void): string {
  const existing = findRedisServer();
  if (existing) return existing;
  if (userInfo().uid === 0 && which('apt-get')) {
    log('redis-server not found; installing Debian package redis-server (apt-get)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findRedisServer();
    if (installed) return installed;
  }
  throw new Error(REDIS_INSTALL_HINT);
}

/**
 * A private redis-server configured for queues: append-only file on (a restart keeps queued jobs),
 * no eviction (Redis must refuse writes rather than silently drop jobs when full).
 */
export async function startPrivateRedis(options: {
  port: number;
  dataDir: string;
  appendOnly?: boolean;
  log: (line: string) => void;
}): Promise<RunningRedis> {
  const binary = ensureRedisServerBinary(options.log);
  mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--port',
      String(options.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      options.dataDir,
      '--appendonly',
      options.appendOnly === false ? 'no' : 'yes',
      '--appendfsync',
      'everysec',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk) => options.log(`redis: ${String(chunk).trim()}`));
  const url = `redis://127.0.0.1:${options.port}`;
  await waitForRedis(url, 10_000);
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function canConnectRedis(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function waitForRedis(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnectRedis(url, 500)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Redis at ${url} did not answer within ${timeoutMs} ms`);
}
