/**
 * Sign-in timing by outcome: an unknown user, a wrong password, a locked account and a right password
 * answer after the same work (one scrypt check each), so their times should match. Measured against a
 * running API, sequentially (one request at a time), interleaved so that load changes hit every kind.
 */
export interface SignInTiming {
  p50Ms: number;
  p90Ms: number;
  statuses: number[];
}

type Kind = 'unknownUser' | 'wrongPassword' | 'lockedAccount' | 'rightPassword';

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 10) / 10;
}

export async function signInTiming(
  apiUrl: string,
  users: { known: string; locked: string; password: string },
  rounds: number,
): Promise<Record<Kind, SignInTiming>> {
  const attempt = async (username: string, password: string) => {
    const started = performance.now();
    const r = await fetch(`${apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    await r.text();
    return { ms: performance.now() - started, status: r.status };
  };
  // Lock one account for this address (5 failures), as a stranger would.
  for (let i = 0; i < 5; i++) await attempt(users.locked, `wrong-${i}`);
  const kinds: Record<Kind, () => Promise<{ ms: number; status: number }>> = {
    unknownUser: () => attempt(`nobody-${Math.random().toString(36).slice(2)}`, users.password),
    wrongPassword: () => attempt(users.known, 'not-the-password'),
    lockedAccount: () => attempt(users.locked, users.password),
    rightPassword: () => attempt(users.known, users.password),
  };
  const samples = Object.fromEntries(Object.keys(kinds).map((k) => [k, [] as Array<{ ms: number; status: number }>])) as Record<
    Kind,
    Array<{ ms: number; status: number }>
  >;
  for (let round = 0; round < rounds; round++) {
    // The right password last in each round: it clears the known account's failures before they lock it.
    for (const kind of ['unknownUser', 'wrongPassword', 'lockedAccount', 'rightPassword'] as Kind[])
      samples[kind].push(await kinds[kind]());
  }
  return Object.fromEntries(
    Object.entries(samples).map(([kind, list]) => [
      kind,
      {
        p50Ms: quantile(
          list.map((s) => s.ms),
          0.5,
        ),
        p90Ms: quantile(
          list.map((s) => s.ms),
          0.9,
        ),
        statuses: [...new Set(list.map((s) => s.status))],
      },
    ]),
  ) as Record<Kind, SignInTiming>;
}
