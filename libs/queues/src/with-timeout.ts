/**
 * Rejects when `promise` has not settled within `ms`. Redis and PostgreSQL calls made during an outage
 * can otherwise wait without end; probes and the relay must answer "down" instead.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'the call'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
