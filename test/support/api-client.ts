/**
 * A small JSON client for the API under test, signing in as the seeded demo users. Name the body's type
 * at the call (`client.as<Wire<CaseView>>(...)`): nothing checks it at run time, the test's assertions do.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    // A server error is never what a test means to provoke: name it in the log with the API's error body
    // (its requestId leads to the server's log line), since a failed status assertion shows only the number.
    if (response.status >= 500) console.warn(`${method} ${path} answered ${response.status}: ${text.slice(0, 2000)}`);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** Signs in once per user and caches the token. */
  async token(username: string, password = 'hotline365'): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const response = await this.request<{ accessToken: string }>('POST', '/api/v1/auth/login', { body: { username, password } });
    if (response.status !== 200)
      throw new Error(`sign-in as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.tokens.set(username, response.body.accessToken);
    return response.body.accessToken;
  }

  /** Drops a cached token (after its session was ended), so the next request signs in again. */
  forget(username: string): void {
    this.tokens.delete(username);
  }

  async as<T = unknown>(username: string, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>(method, path, { token: await this.token(username), body });
  }
}
