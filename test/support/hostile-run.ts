import { apiOperations } from './api-operations';
import { evenSample, hostileRequestsFor, HostileRequest } from './hostile-requests';
import { rawRequest, RawResponse } from './raw-http';
import type { TestStack } from './stack';
import { acceptedCaseWithExtension } from './case-fixtures';
import { auditedSql } from './audited-sql';

/** Who sends the requests: nobody, an admin, and a department user (the role with the least access). */
export const HOSTILE_IDENTITIES = [
  { name: 'anonymous', username: null },
  { name: 'admin', username: 'admin' },
  { name: 'department user', username: 'staff-heating' },
] as const;

/** Path parameters that name something real (or plausible), so that hostile values elsewhere reach deep layers. */
const PATH_SAMPLES: Record<string, string> = {
  phone: '13812345678',
  code: 'hostile-no-such-code',
  date: '2099-01-04',
  uscc: '91210200MA0HOSTIL9',
  caseNo: 'XG20990101000001',
  file: 'hostile-none.json',
};

export interface HostileOutcome {
  /** Requests generated before sampling. */
  generated: number;
  sent: number;
  byStatus: Record<number, number>;
  /** Answers of 500 or above, and answers not in an error shape a client can read. */
  failures: string[];
}

function readableRefusal(path: string, response: RawResponse): boolean {
  if (response.status < 400) return true;
  // Node's HTTP parser refuses an over-long request line or headers itself, before any of our code.
  if (response.status === 431 || response.status === 414) return true;
  // Unknown until checked: the shape is what this function tests.
  const body = response.json as Partial<Record<'statusCode' | 'error' | 'message' | 'details', unknown>> | null | undefined;
  const ours =
    body &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    body.statusCode === response.status &&
    typeof body.error === 'string' &&
    typeof body.message === 'string' &&
    Array.isArray(body.details);
  if (ours) return true;
  // Open311 answers in the spec's own error list, in JSON or XML.
  if (path.startsWith('/open311/'))
    return (
      (Array.isArray(body) && typeof (body as Array<{ code?: unknown } | undefined>)[0]?.code === 'number') ||
      /<errors>\s*<error>/.test(response.text)
    );
  return false;
}

/**
 * Sends every hostile request for every route the router serves, as each identity, `concurrency` at a
 * time, each from one of many loopback addresses (per-address limits would otherwise answer most of
 * them with 429 before the layers under test). `sampleSize` keeps an even sample (for the quick run).
 */
export async function sendHostileRequests(
  stack: TestStack,
  options: { bodiesPerOperation: number; sampleSize?: number; concurrency: number; seed: number },
): Promise<HostileOutcome> {
  const { operations, document } = apiOperations(stack.api.app);
  const target = await acceptedCaseWithExtension(stack, 'heating');
  const samples = (name: string) =>
    name === 'id' ? target.id : name === 'rid' ? target.extensionRequestId : (PATH_SAMPLES[name] ?? name);
  // Fuzzed bodies may set the idle time-out to seconds (PUT /settings/security, as the admin): each
  // identity signs in afresh when its share begins, so its session is not found idle before first use,
  // and the setting is put back afterwards for the suites that follow.
  const idleBefore = await idleTimeoutSeconds(stack);
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (name: string): Promise<string> | undefined => {
    const username = HOSTILE_IDENTITIES.find((identity) => identity.name === name)?.username;
    if (!username) return undefined;
    let token = tokens.get(name);
    if (!token) {
      stack.client.forget(username);
      token = stack.client.token(username);
      tokens.set(name, token);
    }
    return token;
  };

  let requests: { request: HostileRequest; identity: string }[] = [];
  for (const [share, identity] of HOSTILE_IDENTITIES.entries()) {
    for (const operation of operations) {
      const generation = {
        pathSamples: samples,
        bodiesPerOperation: options.bodiesPerOperation,
        seed: options.seed + share,
        share,
        spread: HOSTILE_IDENTITIES.length,
      };
      for (const request of hostileRequestsFor(operation, document, generation)) {
        requests.push({ request, identity: identity.name });
      }
    }
  }
  const generated = requests.length;
  if (options.sampleSize) requests = evenSample(requests, options.sampleSize);

  const outcome: HostileOutcome = { generated, sent: 0, byStatus: {}, failures: [] };
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const { request, identity } = requests[index];
      const token = await tokenOf(identity);
      const headers = { ...(request.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      let response: RawResponse;
      try {
        response = await rawRequest(stack.api.url, {
          ...request,
          headers,
          localAddress: `127.0.${1 + (index % 4)}.${1 + (index % 250)}`,
        });
      } catch (error) {
        outcome.failures.push(
          `${identity} ${request.method} ${request.path.slice(0, 120)} [${request.label}]: no answer (${String(error)})`,
        );
        continue;
      }
      outcome.sent++;
      outcome.byStatus[response.status] = (outcome.byStatus[response.status] ?? 0) + 1;
      if (response.status >= 500 || !readableRefusal(request.path, response)) {
        outcome.failures.push(
          `${identity} ${request.method} ${request.path.slice(0, 120)} [${request.label}] → ${response.status} ${response.text.slice(0, 160)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if ((await idleTimeoutSeconds(stack)) !== idleBefore) {
    await auditedSql(
      stack.db,
      'securitySettings',
      `UPDATE security_settings SET idle_timeout_seconds = $1 WHERE id = 1 RETURNING id::text AS key`,
      [idleBefore],
    );
  }
  for (const identity of HOSTILE_IDENTITIES) if (identity.username) stack.client.forget(identity.username);
  return outcome;
}

async function idleTimeoutSeconds(stack: TestStack): Promise<number> {
  const { rows } = await stack.db.query<{ seconds: number }>(
    `SELECT idle_timeout_seconds AS seconds FROM security_settings WHERE id = 1`,
  );
  return rows[0].seconds;
}
