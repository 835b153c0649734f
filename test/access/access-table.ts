/**
 * WHO MAY CALL WHAT: the expected access for every operation of the API, one row each.
 *
 * test/access/access-matrix.e2e-spec.ts reads the API's real routes (its OpenAPI document) and fails
 * when a route has no row here, or a row names a route that no longer exists. Adding an endpoint means
 * adding its row (and, for a POST whose body must pass validation to reach the access check, a sample
 * body below).
 *
 * Verdicts, per role:
 *   yes  — never refused for who the caller is (no 401/403; a 400/404/409 about the request is fine)
 *   no   — 403
 *   own  — yes on a case of the caller's own department (lead department) or grid; 403 on another's
 *   token — 401 for every session: the route answers a configured bearer token only (METRICS_TOKEN)
 * `public` rows also answer without a token; every other row answers 401 without one.
 *
 * The case actions follow libs/cases/src/state-machine/transition-table.ts (role first, then state).
 */
import type { Role } from '@hotline/auth';

export type Verdict = 'yes' | 'no' | 'own' | 'token';

/** Column order of the rows below. */
export const ROLE_COLUMNS = [
  'admin',
  'operator',
  'dispatcher',
  'supervisor',
  'departmentStaff',
  'departmentLead',
  'gridWorker',
] as const satisfies readonly Role[];

export interface AccessRow {
  public: boolean;
  verdicts: Record<(typeof ROLE_COLUMNS)[number], Verdict>;
}

function row(
  admin: Verdict,
  operator: Verdict,
  dispatcher: Verdict,
  supervisor: Verdict,
  staff: Verdict,
  lead: Verdict,
  grid: Verdict,
  isPublic = false,
): AccessRow {
  return {
    public: isPublic,
    verdicts: { admin, operator, dispatcher, supervisor, departmentStaff: staff, departmentLead: lead, gridWorker: grid },
  };
}
const PUBLIC = row('yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', true);
const SIGNED_IN = row('yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes');
/** Not a session route: only its bearer token opens it (test/metrics/metrics.e2e-spec.ts), any user's token is 401. */
const TOKEN_ONLY = row('token', 'token', 'token', 'token', 'token', 'token', 'token');

// prettier-ignore
export const ACCESS_TABLE: Record<string, AccessRow> = {
  //                                                               admin  operator dispatcher supervisor staff  lead   grid
  'POST /api/v1/auth/login':                                       PUBLIC,
  'GET /api/v1/auth/me':                                           SIGNED_IN,
  'POST /api/v1/auth/logout':                                      SIGNED_IN,
  'POST /api/v1/auth/logout-all':                                  SIGNED_IN,
  'POST /api/v1/auth/password':                                    SIGNED_IN,
  'POST /api/v1/auth/login/second-factor':                         PUBLIC,
  'GET /api/v1/auth/second-factor':                                SIGNED_IN,
  'POST /api/v1/auth/second-factor/enrolment':                     SIGNED_IN,
  'POST /api/v1/auth/second-factor/confirm':                       SIGNED_IN,
  'GET /health':                                                   PUBLIC,
  'GET /health/live':                                              PUBLIC,
  // Also open to `Authorization: Bearer <HEALTH_TOKEN>` (test/access/health-contract.e2e-spec.ts).
  'GET /health/details':                                           row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  // Prometheus: `Authorization: Bearer <METRICS_TOKEN>` only.
  'GET /metrics':                                                  TOKEN_ONLY,
  // The queue board's browser cookie; the board itself (/admin/queues, not a route of the API's router): test/queue-board.
  'POST /api/v1/queue-board/session':                              row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),

  'POST /api/v1/cases':                                            row('yes', 'yes',   'yes',     'yes',     'no',  'no',  'yes'),
  'GET /api/v1/cases':                                             SIGNED_IN,
  'GET /api/v1/cases/{id}':                                        row('yes', 'yes',   'yes',     'yes',     'own', 'own', 'own'),
  'GET /api/v1/cases/{id}/events':                                 row('yes', 'yes',   'yes',     'yes',     'own', 'own', 'own'),
  'POST /api/v1/cases/{id}/reveal':                                row('yes', 'yes',   'yes',     'yes',     'own', 'own', 'own'),
  'GET /api/v1/cases/{id}/actions':                                row('yes', 'yes',   'yes',     'yes',     'own', 'own', 'own'),
  'GET /api/v1/knowledge':                                         row('yes', 'yes',   'yes',     'yes',     'no',  'no',  'yes'),
  // The knowledge base is edited by the centre: admins and the supervisors who own what operators answer.
  'GET /api/v1/admin/knowledge':                                   row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/admin/knowledge':                                  row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'PATCH /api/v1/admin/knowledge/{code}':                          row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/admin/knowledge/{code}/retire':                    row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'GET /api/v1/addresses':                                         row('yes', 'yes',   'yes',     'yes',     'no',  'no',  'yes'),
  'POST /api/v1/addresses':                                        row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/addresses/{id}':                                    row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PATCH /api/v1/addresses/{id}':                                  row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/addresses/{id}/retire':                            row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),

  'POST /api/v1/cases/{id}/dispatch':                              row('no',  'no',    'yes',     'no',      'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/place':                                 row('yes', 'no',    'yes',     'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/accept':                                row('no',  'no',    'no',      'no',      'own', 'own', 'no'),
  'POST /api/v1/cases/{id}/return':                                row('no',  'no',    'no',      'no',      'own', 'own', 'no'),
  'POST /api/v1/cases/{id}/reject-return':                         row('no',  'no',    'yes',     'no',      'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/extension-requests':                    row('no',  'no',    'no',      'no',      'own', 'own', 'no'),
  'POST /api/v1/cases/{id}/extension-requests/{rid}/approve':      row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/extension-requests/{rid}/reject':       row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/suspend':                               row('no',  'no',    'no',      'no',      'own', 'own', 'no'),
  'POST /api/v1/cases/{id}/suspension-decision':                   row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/resume':                                row('no',  'no',    'no',      'yes',     'own', 'own', 'no'),
  'POST /api/v1/cases/{id}/progress':                              row('no',  'no',    'no',      'no',      'own', 'own', 'no'),
  'POST /api/v1/cases/{id}/reply':                                 row('no',  'no',    'no',      'no',      'own', 'own', 'no'),
  'POST /api/v1/cases/{id}/lead-review':                           row('no',  'no',    'no',      'no',      'no',  'own', 'no'),
  'POST /api/v1/cases/{id}/review':                                row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/reopen':                                row('no',  'yes',   'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/direct-answer':                         row('no',  'yes',   'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/callback':                              row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/callback-attempt':                      row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/close':                                 row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/merge':                                 row('no',  'no',    'yes',     'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/supervise':                             row('no',  'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/urge':                                  row('no',  'yes',   'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/cases/{id}/assign':                                row('no',  'no',    'no',      'no',      'no',  'own', 'no'),

  'GET /api/v1/callers/{phone}/cases':                             row('yes', 'yes',   'yes',     'yes',     'no',  'no',  'no'),
  'GET /api/v1/departments':                                       SIGNED_IN,
  'GET /api/v1/categories':                                        SIGNED_IN,
  'GET /api/v1/grids':                                             SIGNED_IN,
  'GET /api/v1/calendar/deadline':                                 SIGNED_IN,

  'GET /api/v1/cases/{id}/extension-requests':                     row('yes', 'yes',   'yes',     'yes',     'own', 'own', 'own'),
  'GET /api/v1/extension-requests':                                row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'GET /api/v1/suspensions':                                       row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'GET /api/v1/returns/by-department':                             row('yes', 'no',    'yes',     'yes',     'no',  'no',  'no'),

  'GET /api/v1/sla/policies':                                      row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'PUT /api/v1/sla/policies/{code}':                               row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'DELETE /api/v1/sla/policies/{code}':                            row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/calendar/overrides':                                SIGNED_IN,
  'GET /api/v1/calendar/status':                                   row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PUT /api/v1/calendar/overrides/{date}':                         row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'DELETE /api/v1/calendar/overrides/{date}':                      row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/calendar/notices':                                  row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/calendar/notices':                                 row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),

  'GET /api/v1/notifications':                                     SIGNED_IN,
  'POST /api/v1/notifications/{id}/read':                          SIGNED_IN,
  'GET /api/v1/departments/{code}/webhook':                        row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PUT /api/v1/departments/{code}/webhook':                        row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'DELETE /api/v1/departments/{code}/webhook':                     row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/departments/{code}/review-settings':                row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'PUT /api/v1/departments/{code}/review-settings':                row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),

  'GET /api/v1/public/cases/{caseNo}':                             PUBLIC,
  'GET /open311/v2/discovery.json':                                PUBLIC,
  'GET /open311/v2/discovery.xml':                                 PUBLIC,
  'GET /open311/v2/services.json':                                 PUBLIC,
  'GET /open311/v2/services.xml':                                  PUBLIC,
  'GET /open311/v2/services/{file}':                               PUBLIC,
  'POST /open311/v2/requests.json':                                PUBLIC,
  'POST /open311/v2/requests.xml':                                 PUBLIC,
  // Statistics: supervisors and admins see everything; department leads their own department's figures.
  'GET /api/v1/stats/rates':                                       row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'GET /api/v1/stats/rates/export':                                row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'GET /api/v1/stats/trends':                                      row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'GET /api/v1/stats/rankings':                                    row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'GET /api/v1/stats/hotspots':                                    row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'GET /api/v1/stats/repeats':                                     row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'GET /api/v1/stats/handling-time':                               row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'GET /api/v1/stats/ranking-weights':                             row('yes', 'no',    'no',      'yes',     'no',  'yes', 'no'),
  'PUT /api/v1/stats/ranking-weights':                             row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),

  'GET /open311/v2/tokens/{file}':                                 PUBLIC,
  'GET /open311/v2/requests.json':                                 PUBLIC,
  'GET /open311/v2/requests.xml':                                  PUBLIC,
  'GET /open311/v2/requests/{file}':                               PUBLIC,
  // The Open311 test endpoint: the same routes, requests kept apart from the cases (test/open311/open311-test-endpoint).
  'GET /open311/v2/test/discovery.json':                         PUBLIC,
  'GET /open311/v2/test/discovery.xml':                          PUBLIC,
  'GET /open311/v2/test/services.json':                          PUBLIC,
  'GET /open311/v2/test/services.xml':                           PUBLIC,
  'GET /open311/v2/test/services/{file}':                        PUBLIC,
  'POST /open311/v2/test/requests.json':                         PUBLIC,
  'POST /open311/v2/test/requests.xml':                          PUBLIC,
  'GET /open311/v2/test/tokens/{file}':                          PUBLIC,
  'GET /open311/v2/test/requests.json':                          PUBLIC,
  'GET /open311/v2/test/requests.xml':                           PUBLIC,
  'GET /open311/v2/test/requests/{file}':                        PUBLIC,
  'GET /api/v1/open311/clients':                                   row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/open311/clients':                                  row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PATCH /api/v1/open311/clients/{id}':                            row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/open311/clients/{id}/rotate-key':                  row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/open311/clients/{id}/revoke':                      row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),

  'GET /api/v1/enterprises/request-types':                         SIGNED_IN,
  'GET /api/v1/enterprises':                                       row('yes', 'yes',   'yes',     'yes',     'no',  'no',  'no'),
  'POST /api/v1/enterprises':                                      row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/enterprises/{uscc}':                                row('yes', 'yes',   'yes',     'yes',     'no',  'no',  'no'),
  'PATCH /api/v1/enterprises/{uscc}':                              row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/enterprises/{uscc}/cases':                          SIGNED_IN,

  // Administration (issue 18): users and the audit trail, admins only.
  'GET /api/v1/users':                                             row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/users':                                            row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/users/{id}':                                        row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/users/{id}/sign-ins':                               row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PATCH /api/v1/users/{id}':                                      row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/settings/security':                                 row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PUT /api/v1/settings/security':                                 row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/users/{id}/second-factor/reset':                   row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/audit':                                             row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/audit/export':                                      row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),

  // The upstream platform (issue 16): its own routes answer its HMAC signature only, never a session (401).
  'POST /api/v1/upstream/{platform}/orders':                       TOKEN_ONLY,
  'POST /api/v1/upstream/{platform}/orders/{orderNo}/events':      TOKEN_ONLY,
  'GET /api/v1/upstream/{platform}/orders/{orderNo}':              row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/upstream/{platform}/orders/{orderNo}/return':      row('no',  'no',    'yes',     'yes',     'no',  'no',  'no'),
  'GET /api/v1/upstream/{platform}/dead-letters':                  row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'POST /api/v1/upstream/{platform}/dead-letters/{orderNo}/retry': row('yes', 'no',    'no',      'yes',     'no',  'no',  'no'),
  'GET /api/v1/upstream/{platform}/category-map':                  row('yes', 'no',    'yes',     'yes',     'no',  'no',  'no'),
  'PUT /api/v1/upstream/{platform}/category-map':                  row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'DELETE /api/v1/upstream/{platform}/category-map/{mappingId}':   row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  // Reference data administration (issue 18): departments, categories, routing rule sets; admins only.
  'GET /api/v1/admin/departments':                                 row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/admin/departments':                                row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PATCH /api/v1/admin/departments/{code}':                        row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/admin/departments/{code}/retire':                  row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/admin/departments/{code}/merge':                   row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/admin/categories':                                  row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/admin/categories':                                 row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PATCH /api/v1/admin/categories/{code}':                         row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/admin/categories/{code}/retire':                   row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/admin/routing-rules':                               row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'PUT /api/v1/admin/routing-rules':                               row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/admin/routing-rules/preview':                      row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/admin/routing-rules/versions':                      row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'GET /api/v1/admin/routing-rules/versions/{version}':            row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
  'POST /api/v1/admin/routing-rules/versions/{version}/rollback':  row('yes', 'no',    'no',      'no',      'no',  'no',  'no'),
};

/**
 * Path parameters other than a case's {id} and {rid}: values that name nothing real, so that an
 * allowed DELETE or PUT cannot remove or change seeded data (it answers 404 or 400 instead).
 */
export const SAMPLE_PATH_PARAMETERS: Record<string, string> = {
  phone: '13812345678',
  code: 'matrix-no-such-code',
  date: '2099-01-04',
  uscc: '91210200MA0MATRIX9',
  caseNo: 'XG20990101000001',
  file: 'matrix-none.json',
  platform: '12345',
  orderNo: 'MATRIX-NO-SUCH-ORDER',
  mappingId: '00000000-0000-4000-8000-000000000000',
  version: '999999',
};

/** What the fixtures provide to sample requests. */
export interface SampleContext {
  /** The case the request targets ({id}). */
  caseId: string;
  /** Another open case, e.g. a merge target. */
  otherCaseId: string;
  /** A staff member of the case's lead department, e.g. for assign. */
  staffUserId: string;
  /** A pending extension request on the case ({rid}). */
  extensionRequestId: string;
}

/** Routes that end the caller's session when allowed: the matrix signs that role in again afterwards. */
export const ENDS_SESSION = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-all']);

/**
 * A request that passes validation, so that the access check (and not a 400) decides the answer.
 * Operations not listed send no body and no query.
 */
export const SAMPLE_REQUESTS: Record<string, { body?: (ctx: SampleContext) => unknown; query?: string }> = {
  // Sign-in answers 401 to a wrong password by design; an empty form (400) shows the route is open.
  'POST /api/v1/auth/login': { body: () => ({}) },
  // Likewise the second step: an empty form (400) shows it is open; a made-up challenge would be 401.
  'POST /api/v1/auth/login/second-factor': { body: () => ({}) },
  'POST /api/v1/cases': {
    body: () => ({
      kind: 'complaint',
      categoryCode: 'heating.no-heat',
      channel: 'phone',
      priority: 'normal',
      title: '权限矩阵',
      description: '权限矩阵测试',
      address: '白云街道云峰社区5号楼',
      lat: 38.908793,
      lng: 121.602056,
      callerName: '矩阵',
      callerPhone: '13900000001',
      confidential: false,
    }),
  },
  'POST /api/v1/cases/{id}/dispatch': { body: () => ({ leadDepartmentCode: 'heating' }) },
  'POST /api/v1/cases/{id}/place': { body: () => ({ lat: 38.908793, lng: 121.602056 }) },
  'POST /api/v1/cases/{id}/accept': { body: () => ({}) },
  'POST /api/v1/cases/{id}/return': { body: () => ({ reason: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/reject-return': { body: () => ({}) },
  'POST /api/v1/cases/{id}/extension-requests': { body: () => ({ days: 1, reason: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/extension-requests/{rid}/approve': { body: () => ({}) },
  'POST /api/v1/cases/{id}/extension-requests/{rid}/reject': { body: () => ({}) },
  'POST /api/v1/cases/{id}/suspend': { body: () => ({ reason: 'beforeCourt', note: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/suspension-decision': { body: () => ({ decision: 'approve' }) },
  'POST /api/v1/cases/{id}/resume': { body: () => ({}) },
  'POST /api/v1/cases/{id}/progress': { body: () => ({ note: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/reply': { body: () => ({ result: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/lead-review': { body: () => ({ decision: 'approve' }) },
  'POST /api/v1/cases/{id}/review': { body: () => ({ decision: 'pass' }) },
  'POST /api/v1/cases/{id}/reopen': { body: () => ({ note: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/reveal': { body: () => ({ reason: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/direct-answer': { body: () => ({ answer: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/callback': { body: () => ({ satisfaction: 'satisfied', solved: true }) },
  'POST /api/v1/cases/{id}/callback-attempt': { body: () => ({}) },
  'POST /api/v1/cases/{id}/close': { body: () => ({ reason: '权限矩阵' }) },
  'POST /api/v1/cases/{id}/merge': { body: (ctx) => ({ targetCaseId: ctx.otherCaseId }) },
  'POST /api/v1/cases/{id}/supervise': { body: () => ({ level: 'yellow' }) },
  'POST /api/v1/cases/{id}/urge': { body: () => ({}) },
  'POST /api/v1/cases/{id}/assign': { body: (ctx) => ({ userId: ctx.staffUserId }) },
  // An unknown category: allowed roles get 400 from the service after the access check, nothing created.
  'POST /api/v1/admin/knowledge': {
    body: () => ({
      code: 'matrix-entry',
      categoryCode: 'matrix-no-such-category',
      question: '矩阵',
      answer: '矩阵',
      keywords: [],
    }),
  },
  'GET /api/v1/calendar/deadline': { query: 'start=2026-09-30T10:00:00%2B08:00&amount=1&unit=workingDays' },
};
