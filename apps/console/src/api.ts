/** The console talks only to the public REST API, with the signed-in user's bearer token. */
import type { AuthUser } from '@hotline/auth/values';
import type { components } from './generated/api-types';

/** Who is signed in: the same shape as the access token's user. */
export type SessionUser = AuthUser;

/** The API's response shapes, generated from its OpenAPI document (`npm run gen:client`). */
type Schemas = components['schemas'];
export type CodeName = Schemas['CodeNameDto'];
export type CaseView = Schemas['CaseViewDto'];
export type SlaView = Schemas['SlaViewDto'];
export type CalendarSource = NonNullable<SlaView['calendar']>;
export type CaseEvent = Schemas['CaseEventDto'];
export type CasePage = Schemas['CasePageDto'];

/** GET /calendar/status: degraded while deadlines reach a year without an official holiday arrangement. */
export type CalendarStatus = Schemas['CalendarStatusDto'];
export type CategoryNode = Schemas['CategoryNodeDto'];
export type GridInfo = Schemas['GridDto'];
export type Department = Schemas['DepartmentDto'];
export type ReviewSettings = Schemas['ReviewSettingsDto'];
/** POST /auth/login: a session, or (with a second factor on) a challenge for POST /auth/login/second-factor. */
export type SignedIn = Schemas['SignedInDto'];
export type SecondFactorChallenge = Schemas['SecondFactorChallengeDto'];
export type SecondFactorStatus = Schemas['SecondFactorStatusDto'];
export type SecondFactorOffer = Schemas['SecondFactorOfferDto'];
export type SecondFactorEnabled = Schemas['SecondFactorEnabledDto'];
/** GET /stats/rates, /stats/trends, /stats/rankings. */
export type RatesReport = Schemas['RatesReportDto'];
export type RateRow = Schemas['RateRowDto'];
export type TrendsReport = Schemas['TrendsReportDto'];
export type RankingsReport = Schemas['RankingsReportDto'];
export type AllowedActions = Schemas['AllowedActionsDto'];
export type ExtensionRequest = Schemas['ExtensionRequestViewDto'];
export type Suspension = Schemas['SuspensionDto'];
export type DepartmentReturns = Schemas['DepartmentReturnsDto'];
export type KnowledgeEntry = Schemas['KnowledgeEntryDto'];
export type SlaPolicyRecord = Schemas['SlaPolicyRecordDto'];
export type HolidayOverride = Schemas['HolidayOverrideRecordDto'];
export type CalendarNoticeRecord = Schemas['CalendarNoticeRecordDto'];
export type NoticeImportResult = Schemas['NoticeImportResultDto'];
export type SlaLimit = Schemas['SlaLimitDto'];
/** GET/POST/PATCH /users. */
export type UserRecord = Schemas['UserDto'];
export type UserPage = Schemas['UserPageDto'];
/** GET /admin/departments, /admin/categories, /admin/routing-rules (reference data administration). */
export type DepartmentAdmin = Schemas['DepartmentAdminDto'];
export type CategoryAdmin = Schemas['CategoryAdminDto'];
export type KnowledgeEntryAdmin = Schemas['AdminKnowledgeEntryDto'];
export type RuleSetVersion = Schemas['RuleSetVersionDto'];
export type StoredRule = Schemas['StoredRuleDto'];
export type RuleSetPreview = Schemas['RuleSetPreviewDto'];
/** GET /audit. */
export type AuditPage = Schemas['AuditPageDto'];
/** GET /addresses: the standard address register's search. */
export type AddressItem = Schemas['AddressDto'];
export type AddressPage = Schemas['AddressPageDto'];
/** GET/POST/PATCH /addresses/{id}: a register entry as admins write it. */
export type AdminAddress = Schemas['AdminAddressDto'];
/** GET /upstream/{platform}/orders/{orderNo} and /dead-letters: a city order with its reports and decisions. */
export type UpstreamOrder = Schemas['UpstreamOrderViewDto'];
export type UpstreamReport = Schemas['UpstreamReportDto'];
export type UpstreamDeadLetter = Schemas['UpstreamDeadLetterDto'];
export type EnterpriseInput = Schemas['CreateEnterpriseDto'];

/**
 * The API's error body: `{statusCode, error, message, details[{field, reason}]}`; `code` is its `error`,
 * and AddressNotPlaced adds the register entries the address could mean (`candidates`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Array<{ field: string; reason: string }> = [],
    readonly code?: string,
    readonly candidates: AddressItem[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'hotline365.token';
const USER_KEY = 'hotline365.user';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  user: (): SessionUser | null => {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  },
  save(token: string, user: SessionUser): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/**
 * Called when the token is refused (expired, ended, or idle too long: the API's error code says which):
 * the app goes back to the sign-in page.
 */
let onUnauthorized: (code?: string) => void = () => undefined;
export function setUnauthorizedHandler(handler: (code?: string) => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1${path}${queryString(query)}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (response.status === 401 && token) onUnauthorized((data as { error?: string } | null)?.error);
  if (!response.ok) {
    const problem = data as {
      error?: string;
      message?: string;
      details?: ApiError['details'];
      candidates?: AddressItem[];
    } | null;
    throw new ApiError(
      response.status,
      problem?.message ?? response.statusText,
      problem?.details ?? [],
      problem?.error,
      problem?.candidates ?? [],
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A file the API builds (the rates export), saved through the browser with the signed-in token. */
  async download(path: string, query: Query, fallbackName: string): Promise<void> {
    const response = await fetch(`/api/v1${path}${queryString(query)}`, {
      headers: { authorization: `Bearer ${session.token()}` },
    });
    if (!response.ok) throw new ApiError(response.status, response.statusText);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    URL.revokeObjectURL(url);
  },
};
