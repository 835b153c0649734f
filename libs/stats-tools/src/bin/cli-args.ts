/** `--name value` and `--flag` pairs; unknown names are refused so a typo does not silently use a default. */
export function parseArgs(argv: string[], known: Record<string, 'value' | 'flag'>): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(name in known))
      throw new Error(
        `unknown argument ${argv[i]}; known: ${Object.keys(known)
          .map((k) => `--${k}`)
          .join(' ')}`,
      );
    if (known[name] === 'flag') out[name] = true;
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      out[name] = value;
    }
  }
  return out;
}

export function positiveInt(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/**
 * The database a statistics tool works on: --database NAME on the server of DATABASE_URL (or the
 * machine's PostgreSQL), or STATS_DATABASE_URL. Never a test run's database; the dev database only
 * with --force, since the generator empties the case tables.
 */
export function statsDatabaseUrl(
  args: Record<string, string | true>,
  env: NodeJS.ProcessEnv,
  destructive: boolean,
): { url: string; name: string } {
  const server = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let url = env.STATS_DATABASE_URL;
  if (typeof args.database === 'string') {
    const u = new URL(server);
    u.pathname = `/${args.database}`;
    url = u.toString();
  }
  if (!url) throw new Error('name the database: --database NAME (e.g. hotline_stats_10m) or STATS_DATABASE_URL');
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (/^hotline_test_/.test(name)) throw new Error(`refusing ${name}: it belongs to a test run`);
  if (destructive && !args.force && (name === 'hotline365' || url === env.DATABASE_URL)) {
    throw new Error(`refusing ${name}: it looks like the development database; pass --force if you mean it`);
  }
  return { url, name };
}
