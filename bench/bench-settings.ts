import Redis from 'ioredis';

/** The case every bench intake posts (and the one bench/intake-transaction.sql was captured with). */
export const CASE_BODY = JSON.stringify({
  kind: 'complaint',
  categoryCode: 'heating.no-heat',
  channel: 'phone',
  priority: 'normal',
  title: '暖气不热',
  description: '家里暖气不热，室温只有12度，老人孩子受不了',
  address: '白云街道云峰社区5号楼2单元',
  lat: 38.908793,
  lng: 121.602056,
  callerName: '张三',
  callerPhone: '13812345678',
  confidential: false,
});

/**
 * The autocannon request every bench intake phase sends: the case above, signed in, with the 201's case
 * id and the moment it answered recorded in `answered` (dispatch latency counts from it).
 */
export function intakeRequest(token: string, answered: Map<string, number>) {
  return {
    method: 'POST' as const,
    path: '/api/v1/cases',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: CASE_BODY,
    onResponse: (status: number, body: string) => {
      if (status === 201) answered.set((JSON.parse(body) as { id: string }).id, Date.now());
    },
  };
}

/** The environment of the bench's API and worker processes: production mode and log level, as deployed. */
export function benchEnvironment(target: { databaseUrl: string; redisUrl: string; redisPrefix: string }): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: target.databaseUrl,
    REDIS_URL: target.redisUrl,
    REDIS_PREFIX: target.redisPrefix,
    WORKER_HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    DEMO_PASSWORD: 'hotline365',
    SIGN_IN_PER_ADDRESS_PER_MINUTE: '100000',
    // Development keys: production mode (as deployed) insists on them being set.
    JWT_SECRET: 'bench-only-secret-bench-only-secret-0123',
    PII_KEY: 'a'.repeat(64),
    PII_HASH_KEY: 'b'.repeat(64),
    METRICS_TOKEN: 'bench-only-metrics-token-0123456789',
  };
}

/** Removes every key under a bench run's Redis prefix. */
export async function removeRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${prefix}}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
