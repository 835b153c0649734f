import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * The development values of the secrets. They are public (in this repository), so they are accepted
 * only with NODE_ENV=development set explicitly (the demo: `npm start` sets it for its children when
 * started with no settings). The compose file's placeholder is refused outside development as well.
 */
export const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'hotline365-development-only-secret-change-me',
  PII_KEY: '5f1d3c0a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060504',
  PII_HASH_KEY: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
} as const;
const PUBLIC_PLACEHOLDERS = ['change-me-to-a-long-random-secret-of-32-chars'];

/**
 * The bearer token Prometheus scrapes `/metrics` with outside production (the contract). It is
 * public, like the development secrets: production refuses it and insists on a METRICS_TOKEN of its own.
 */
export const DEMO_METRICS_TOKEN = 'demo-metrics-token';

/** The city 12345 platform's shared secret outside production (the contract); production refuses it. */
export const DEMO_UPSTREAM_12345_SECRET = 'demo-12345-secret';

const TRUST_PROXY_ITEM = String.raw`(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:/\d{1,3})?)`;
const TRUST_PROXY_PATTERN = new RegExp(String.raw`^(?:false|\d{1,2}|${TRUST_PROXY_ITEM}(?:\s*,\s*${TRUST_PROXY_ITEM})*)$`);

/**
 * Every setting the processes read from the environment, validated at boot.
 * NODE_ENV defaults to production: an instance deployed without it must not run on public secrets.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hotline365';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Every Redis key (queues included) starts with this, so runs and tenants never collide. */
  @Matches(/^[A-Za-z0-9:_{}-]{1,64}$/, { message: 'REDIS_PREFIX may hold letters, digits, : _ - { } (1–64)' })
  REDIS_PREFIX = 'hotline';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = DEVELOPMENT_SECRETS.JWT_SECRET;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must look like 30m, 8h or 1d' })
  JWT_TTL = '8h';

  /** AES-256-GCM key for callers' personal data, 64 hex characters. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'PII_KEY must be 64 hex characters (32 bytes)' })
  PII_KEY: string = DEVELOPMENT_SECRETS.PII_KEY;

  /** HMAC key for searchable hashes of phone numbers; separate from PII_KEY so one leak is not both. */
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'PII_HASH_KEY must be 64 hex characters (32 bytes)' })
  PII_HASH_KEY: string = DEVELOPMENT_SECRETS.PII_HASH_KEY;

  @IsString()
  DISTRICT_TIMEZONE = 'Asia/Shanghai';

  @Matches(/^[A-Z]{2,4}$/, { message: 'CASE_NO_PREFIX must be 2–4 capital letters' })
  CASE_NO_PREFIX = 'XG';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /**
   * The queues a worker process consumes, comma-separated (e.g. `dispatch,sla`); unset, every queue.
   * Which names exist is the queue catalogue's to say: the worker adds that check (workerQueuesProblems
   * in @hotline/queues) to its start-up validation.
   */
  @IsOptional()
  @Matches(/^\s*[a-z][a-z0-9-]*\s*(,\s*[a-z][a-z0-9-]*\s*)*$/, {
    message: 'WORKER_QUEUES must be a comma-separated list of queue names, e.g. dispatch,sla',
  })
  WORKER_QUEUES?: string;

  /** How often the outbox relay looks for unpublished intents when no NOTIFY arrives. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(50)
  OUTBOX_POLL_MS = 1000;

  /** Open311 jurisdiction_id (the district's web root); a request naming another is answered 404. */
  @Matches(/^[a-z0-9.-]{1,100}$/, { message: 'OPEN311_JURISDICTION_ID must be a domain-like id' })
  OPEN311_JURISDICTION_ID = 'dlxg.gov.cn';

  /**
   * Where citizens and partner systems reach this API (scheme, host, optional path; no trailing slash):
   * Open311 discovery names its endpoints with it, never with the request's Host header, which any
   * client can set. An https URL also turns on HSTS.
   */
  @Transform(({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.replace(/\/+$/, '') : value))
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL without query or fragment, e.g. https://hotline.example.gov.cn',
  })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Strict-Transport-Security max-age in seconds, sent only when PUBLIC_BASE_URL is https (TLS terminates before us); 0 turns it off. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  HSTS_MAX_AGE = 15_552_000;

  /** Public endpoints (Open311, case status): requests a minute from one address. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  PUBLIC_RATE_PER_ADDRESS = 120;

  /** Every other public route (health, sign-in's wider bucket): requests a minute from one address; sign-in has its own 10. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  PUBLIC_THROTTLE_PER_MINUTE = 600;

  /**
   * Case status look-ups with wrong digits from one address, an hour: for one case number, and across
   * all case numbers. Counted per address so that someone guessing a case's 4 phone digits never locks
   * out its citizen, who looks from another address; right digits do not count.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  CASE_STATUS_TRIES_PER_ADDRESS_CASE = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  CASE_STATUS_TRIES_PER_ADDRESS = 20;
  /**
   * How often each worker sweeps for SLA warnings and breaches whose timers were lost or late; 0 turns
   * the periodic sweep off (tests that drive it by hand).
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  SLA_SWEEP_MS = 60_000;

  /**
   * How long audit rows are kept (days) before the worker's daily purge removes them. 等保 2.0 wants at
   * least six months; below 184 days (six calendar months in any year) is refused, and the database
   * itself refuses to delete a row younger than 180 days whatever this says.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(184, { message: 'AUDIT_RETENTION_DAYS must be at least 184 (six months)' })
  @Max(36_500)
  AUDIT_RETENTION_DAYS = 365;

  /**
   * 重办 / follow-up: for how many calendar days after a case is closed a repeat call may reopen it or
   * take a follow-up case linked to it. Calendar days, as citizens count ("30 天内"), not working days.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(366)
  REPEAT_CALL_WINDOW_DAYS = 30;

  /** Sign-ins a minute from one client address: 30 operators behind one NAT at the shift change must pass. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  SIGN_IN_PER_ADDRESS_PER_MINUTE = 120;

  /**
   * Express `trust proxy`: which proxies' X-Forwarded-For to believe, so that behind a reverse proxy each
   * user is limited by their own address, not the proxy's. `false` (default: no proxy), a hop count
   * (`1`), or a comma-separated list of addresses, CIDR ranges and the names loopback, linklocal,
   * uniquelocal. `true` (believe anyone) is refused: any client could then pick its own address.
   */
  @Matches(TRUST_PROXY_PATTERN, {
    message:
      'TRUST_PROXY must be false, a hop count, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY = 'false';

  /** The bearer token for GET /health/details (monitoring); unset, only signed-in admins may read it (on the worker: nobody). */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'HEALTH_TOKEN must be at least 24 characters' })
  HEALTH_TOKEN?: string;

  /**
   * The bearer token for GET /metrics on the API and the worker's health port (Prometheus). Outside
   * production it defaults to the public DEMO_METRICS_TOKEN; production requires one of its own.
   */
  @IsString()
  @Matches(/^[\x21-\x7e]{16,200}$/, { message: 'METRICS_TOKEN must be 16–200 printable characters without spaces' })
  METRICS_TOKEN: string = DEMO_METRICS_TOKEN;

  /**
   * The city 12345 platform (libs/upstream): the HMAC secret both directions sign with, and where our
   * reports go. Outside production the secret defaults to the public demo value; in production an unset
   * secret turns the platform off (every signed request is refused) and the demo value stops the start.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'UPSTREAM_12345_SECRET must be at least 16 characters' })
  UPSTREAM_12345_SECRET?: string;

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'UPSTREAM_12345_URL must be an http(s) URL' })
  UPSTREAM_12345_URL?: string;

  /**
   * The roles that must sign in with a second factor (TOTP), comma-separated, or `none`. Unset: `admin`
   * in production (等保 2.0: a second factor for administrators), nobody in development and test, where
   * the demo's admin signs in with its password alone (README). Role names are checked by the API.
   */
  @IsOptional()
  @Matches(/^\s*(none|[a-zA-Z]+(\s*,\s*[a-zA-Z]+)*)\s*$/, {
    message: 'SECOND_FACTOR_REQUIRED_ROLES must be a comma-separated list of roles, e.g. admin,supervisor, or none',
  })
  SECOND_FACTOR_REQUIRED_ROLES?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters' })
  DEMO_PASSWORD?: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** SECOND_FACTOR_REQUIRED_ROLES as a list (see there for the default). */
  get secondFactorRequiredRoles(): string[] {
    const value = this.SECOND_FACTOR_REQUIRED_ROLES?.trim() ?? (this.isProduction ? 'admin' : 'none');
    return value === 'none' ? [] : value.split(',').map((role) => role.trim());
  }
}

/** The value of `trust proxy` for Express: false, a hop count, or the list as given. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export class ConfigInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigInvalid';
  }
}

const SECRET_VARIABLES = ['JWT_SECRET', 'PII_KEY', 'PII_HASH_KEY'] as const;

/** A process's own check of settings it alone understands; returns its problems as `VARIABLE: message`. */
export type ConfigCheck = (config: AppConfig) => string[];

/**
 * Reads and validates the environment; throws ConfigInvalid listing every bad variable at once, the
 * problems found by the process's own `checks` among them.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, checks: readonly ConfigCheck[] = []): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  if (env.DEMO_PASSWORD) raw.DEMO_PASSWORD = env.DEMO_PASSWORD;
  if (env.HEALTH_TOKEN) raw.HEALTH_TOKEN = env.HEALTH_TOKEN;
  if (env.WORKER_QUEUES) raw.WORKER_QUEUES = env.WORKER_QUEUES;
  if (env.UPSTREAM_12345_SECRET) raw.UPSTREAM_12345_SECRET = env.UPSTREAM_12345_SECRET;
  if (env.UPSTREAM_12345_URL) raw.UPSTREAM_12345_URL = env.UPSTREAM_12345_URL;
  if (env.SECOND_FACTOR_REQUIRED_ROLES) raw.SECOND_FACTOR_REQUIRED_ROLES = env.SECOND_FACTOR_REQUIRED_ROLES;
  const config = plainToInstance(AppConfig, raw);
  const problems = validateSync(config, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );
  if (config.NODE_ENV !== 'development') {
    for (const key of SECRET_VARIABLES) {
      const value = raw[key];
      if (!value)
        problems.push(
          `${key}: must be set (NODE_ENV is ${config.NODE_ENV}${env.NODE_ENV ? '' : ', the default'}); make one with: ${SECRET_RECIPE[key]}`,
        );
      else if (value === DEVELOPMENT_SECRETS[key] || PUBLIC_PLACEHOLDERS.includes(value)) {
        problems.push(
          `${key}: is the public development value, accepted only with NODE_ENV=development; make one with: ${SECRET_RECIPE[key]}`,
        );
      }
    }
  }
  if (config.NODE_ENV === 'production') problems.push(...metricsTokenProblems(raw.METRICS_TOKEN, Boolean(env.NODE_ENV)));
  if (config.NODE_ENV === 'production' && raw.UPSTREAM_12345_SECRET === DEMO_UPSTREAM_12345_SECRET)
    problems.push('UPSTREAM_12345_SECRET: is the public demo value, refused in production; make one with: openssl rand -hex 32');
  problems.push(...checks.flatMap((check) => check(config)));
  if (problems.length > 0) throw new ConfigInvalid(problems);
  return config;
}

/** Production scrapes with a token of its own: missing or the public demo value stops the start, as the secrets do. */
function metricsTokenProblems(value: string | undefined, nodeEnvSet: boolean): string[] {
  const recipe = 'make one with: openssl rand -hex 32';
  if (!value) return [`METRICS_TOKEN: must be set (NODE_ENV is production${nodeEnvSet ? '' : ', the default'}); ${recipe}`];
  if (value === DEMO_METRICS_TOKEN) return [`METRICS_TOKEN: is the public demo value, refused in production; ${recipe}`];
  if (value.length < 24) return [`METRICS_TOKEN: must be at least 24 characters in production; ${recipe}`];
  return [];
}

const SECRET_RECIPE: Record<(typeof SECRET_VARIABLES)[number], string> = {
  JWT_SECRET: 'openssl rand -hex 32',
  PII_KEY: 'openssl rand -hex 32',
  PII_HASH_KEY: 'openssl rand -hex 32 (a different one from PII_KEY)',
};

/**
 * For a process's main(): checks the environment before anything starts, and on a bad one writes every
 * problem (with how to fix it) to stderr and exits with code 78 (EX_CONFIG) instead of a stack trace.
 */
export function exitOnInvalidConfig(
  app: string,
  env: NodeJS.ProcessEnv = process.env,
  checks: readonly ConfigCheck[] = [],
): void {
  try {
    loadConfig(env, checks);
  } catch (error) {
    if (!(error instanceof ConfigInvalid)) throw error;
    process.stderr.write(`${app} cannot start. ${error.message}\n`);
    process.exit(78);
  }
}

/**
 * The demo: a devstack command (`npm start`, `npm run migrate`, `npm run seed`) run with no NODE_ENV
 * and none of the secrets set runs in development, explicitly, so its children accept the development
 * secrets. Any setting given means a deployment, and the usual checks apply.
 */
export function demoEnvironment(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; demo: boolean } {
  const unset = !env.NODE_ENV && SECRET_VARIABLES.every((key) => !env[key]);
  return unset ? { env: { ...env, NODE_ENV: 'development' }, demo: true } : { env, demo: false };
}
