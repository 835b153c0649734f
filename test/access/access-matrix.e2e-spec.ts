import { acceptedCaseWithExtension, apiOperations, ApiOperation, useStack, type ErrorBody } from '@hotline/testing';
import {
  ACCESS_TABLE,
  ENDS_SESSION,
  ROLE_COLUMNS,
  SAMPLE_PATH_PARAMETERS,
  SAMPLE_REQUESTS,
  SampleContext,
  Verdict,
} from './access-table';

/** The seeded user who plays each role; the department users belong to `heating`, the grid worker to baiyun-01-g1…g3. */
const PLAYER: Record<(typeof ROLE_COLUMNS)[number], string> = {
  admin: 'admin',
  operator: 'operator',
  dispatcher: 'dispatcher',
  supervisor: 'supervisor',
  departmentStaff: 'staff-heating',
  departmentLead: 'lead-heating',
  gridWorker: 'grid',
};

type Whose = 'own' | 'other' | null;

/**
 * Every operation × every role × a case of the caller's own department/grid and of another's, checked
 * against test/access/access-table.ts. The operations come from the running API, so an endpoint
 * without a row fails here.
 */
describe('access matrix: every endpoint × role × own/other department', () => {
  const stack = useStack({ worker: false });
  let operations: ApiOperation[];

  beforeAll(() => {
    operations = apiOperations(stack.api.app).operations;
  });

  it('has exactly one row per route the API serves', () => {
    const served = operations.map((o) => o.key).sort();
    const listed = Object.keys(ACCESS_TABLE).sort();
    expect({
      missingFromTable: served.filter((k) => !listed.includes(k)),
      noLongerServed: listed.filter((k) => !served.includes(k)),
    }).toEqual({
      missingFromTable: [],
      noLongerServed: [],
    });
  });

  /**
   * Own: heating's case in grid baiyun-01-g1. Other: housing's case in a community outside the grid
   * worker's grids. Each accepted, with a pending extension request, so that every action meets a
   * real case and request and only who is asking decides the answer.
   */
  async function freshCases(): Promise<Record<'own' | 'other', { id: string; extensionRequestId: string }>> {
    return {
      own: await acceptedCaseWithExtension(stack, 'heating'),
      other: await acceptedCaseWithExtension(stack, 'housing', {
        lat: undefined,
        lng: undefined,
        communityCode: 'xianglujiao-02',
      }),
    };
  }

  it('answers each role as the table says, and 401 without a token unless public', async () => {
    const staffUserId = (await stack.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'staff-heating'`)).rows[0]
      .id;
    const mismatches: string[] = [];
    let cases = await freshCases();

    for (const operation of operations) {
      const rule = ACCESS_TABLE[operation.key];
      if (!rule) continue; // reported by the test above
      const sample = SAMPLE_REQUESTS[operation.key] ?? {};
      const caseScoped = operation.path.startsWith('/api/v1/cases/{id}');

      const call = async (token: string | undefined, whose: Whose) => {
        const target = whose === 'other' ? cases.other : cases.own;
        const ctx: SampleContext = {
          caseId: target.id,
          otherCaseId: whose === 'other' ? cases.own.id : cases.other.id,
          staffUserId,
          extensionRequestId: target.extensionRequestId,
        };
        const path = operation.path
          .replace('{id}', ctx.caseId)
          .replace('{rid}', ctx.extensionRequestId)
          .replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_PATH_PARAMETERS[name] ?? `no-sample-for-${name}`);
        const response = await stack.client.request<Partial<ErrorBody> | undefined>(
          operation.method,
          sample.query ? `${path}?${sample.query}` : path,
          {
            token,
            body: sample.body?.(ctx),
          },
        );
        // A request that changed the case (2xx) leaves it in another state or department: start afresh.
        if (caseScoped && operation.method !== 'GET' && response.status < 300) cases = await freshCases();
        return response;
      };

      const anonymous = await call(undefined, caseScoped ? 'own' : null);
      const anonymousOk = rule.public
        ? anonymous.status !== 401 && anonymous.status !== 403 && anonymous.status < 500
        : anonymous.status === 401;
      if (!anonymousOk)
        mismatches.push(`${operation.key} without a token: ${anonymous.status}, expected ${rule.public ? 'an answer' : '401'}`);

      for (const role of ROLE_COLUMNS) {
        const verdict: Verdict = rule.verdicts[role];
        const token = await stack.client.token(PLAYER[role]);
        for (const whose of caseScoped ? (['own', 'other'] as const) : [null]) {
          const expected: 'allowed' | 'refused' | 'unauthenticated' =
            verdict === 'token'
              ? 'unauthenticated'
              : verdict === 'yes' || (verdict === 'own' && whose === 'own')
                ? 'allowed'
                : 'refused';
          const response = await call(token, whose);
          if (ENDS_SESSION.has(operation.key) && response.status < 300) stack.client.forget(PLAYER[role]);
          // A 500 is a fault whoever asks: never counted as "allowed".
          const got =
            response.status >= 500
              ? 'server error'
              : response.status === 403
                ? 'refused'
                : response.status === 401
                  ? 'unauthenticated'
                  : 'allowed';
          if (got !== expected) {
            mismatches.push(
              `${operation.key} as ${role}${whose ? ` on ${whose} case` : ''}: ${response.status} ${response.body?.error ?? ''}, expected ${expected}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every route × seven roles, signing in again after each logout: about a minute on a busy machine.
  }, 300_000);
});
