import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  signatureProblem,
  UPSTREAM_SIGNATURE_HEADER,
  UPSTREAM_TIMESTAMP_HEADER,
  upstreamSignatureHeaders,
  type ReportBody,
} from '@hotline/upstream';

/**
 * How the simulated platform answers reports: `ok` acknowledges (200); `fail` is an outage (503);
 * `stall` holds the request without answering until the mode changes (then 503); `reject` refuses every
 * report for good (400), which sends the order to the dead-letter list.
 */
export type SimulatorMode = 'ok' | 'fail' | 'stall' | 'reject';

export interface SimulatorOptions {
  secret: string;
  /** Our API's base URL, for orders and decisions the simulator sends. */
  apiUrl?: string;
  /** 0 (default): a free port. */
  port?: number;
  host?: string;
}

export interface SentRequest {
  status: number;
  body: unknown;
}

/**
 * A simulator of the city 12345 platform, a real HTTP server: it receives our reports on `POST /reports`
 * (checking each signature, and that each order's reports come in seq order: a repeat is acknowledged
 * and counted, a gap is refused and recorded as a problem), and sends signed orders and decisions to our
 * API. `POST /control/mode {mode}` and `GET /control/state` drive it from outside (demos).
 */
export class CitySimulator {
  mode: SimulatorMode = 'ok';
  /** Reports acknowledged, in the order they arrived (repeats included, flagged). */
  readonly received: Array<ReportBody & { repeat: boolean }> = [];
  /** Every report request, acknowledged or not. */
  attempts = 0;
  /** What broke the contract: bad signatures, reports out of seq order. */
  readonly problems: string[] = [];
  private readonly lastSeq = new Map<string, number>();
  private readonly stalled: ServerResponse[] = [];
  private server: Server | null = null;
  private baseUrl = '';

  /** Our API, for what the simulator sends; settable after start (a test starts the simulator before the API). */
  apiUrl: string | undefined;

  constructor(private readonly options: SimulatorOptions) {
    this.apiUrl = options.apiUrl;
  }

  /** Where our worker should send reports (UPSTREAM_12345_URL). */
  get reportUrl(): string {
    return `${this.baseUrl}/reports`;
  }

  get url(): string {
    return this.baseUrl;
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.baseUrl = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.setMode('fail');
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setMode(mode: SimulatorMode): void {
    this.mode = mode;
    if (mode !== 'stall') for (const res of this.stalled.splice(0)) answer(res, 503, { error: 'stalled, then failed' });
  }

  /** The acknowledged reports of one order, in arrival order. */
  reportsOf(orderNo: string): Array<ReportBody & { repeat: boolean }> {
    return this.received.filter((report) => report.orderNo === orderNo);
  }

  /** Sends an order, signed (or as `tamper` says, for the refusals). */
  sendOrder(order: object, tamper: Tamper = {}): Promise<SentRequest> {
    return this.post('/api/v1/upstream/12345/orders', JSON.stringify(order), tamper);
  }

  sendDecision(orderNo: string, decision: object, tamper: Tamper = {}): Promise<SentRequest> {
    return this.post(`/api/v1/upstream/12345/orders/${encodeURIComponent(orderNo)}/events`, JSON.stringify(decision), tamper);
  }

  /** A signed POST of a raw body to our API. */
  async post(path: string, body: string, tamper: Tamper = {}): Promise<SentRequest> {
    if (!this.apiUrl) throw new Error('the simulator was started without apiUrl');
    const nowS = Math.floor(Date.now() / 1000) + (tamper.skewSeconds ?? 0);
    const headers = upstreamSignatureHeaders(tamper.secret ?? this.options.secret, body, nowS);
    const response = await fetch(`${this.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: tamper.bodySent ?? body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (req.method === 'GET' && req.url === '/control/state') {
      return answer(res, 200, { mode: this.mode, attempts: this.attempts, received: this.received, problems: this.problems });
    }
    if (req.method === 'POST' && req.url === '/control/mode') {
      const mode = (JSON.parse(raw.toString() || '{}') as { mode?: SimulatorMode }).mode;
      if (!mode || !['ok', 'fail', 'stall', 'reject'].includes(mode))
        return answer(res, 400, { error: 'mode: ok, fail, stall or reject' });
      this.setMode(mode);
      return answer(res, 200, { mode });
    }
    if (req.method !== 'POST' || req.url !== '/reports') return answer(res, 404, { error: 'not found' });
    this.attempts += 1;
    const problem = signatureProblem(
      this.options.secret,
      { timestamp: header(req, UPSTREAM_TIMESTAMP_HEADER), signature: header(req, UPSTREAM_SIGNATURE_HEADER) },
      raw,
      Math.floor(Date.now() / 1000),
      300,
    );
    if (problem) {
      this.problems.push(`report signature: ${problem}`);
      return answer(res, 401, { error: `signature ${problem}` });
    }
    if (this.mode === 'fail') return answer(res, 503, { error: 'outage' });
    if (this.mode === 'stall') {
      this.stalled.push(res);
      return;
    }
    if (this.mode === 'reject') return answer(res, 400, { error: 'report refused' });
    const report = JSON.parse(raw.toString()) as ReportBody;
    const last = this.lastSeq.get(report.orderNo) ?? 0;
    if (report.seq > last + 1) {
      this.problems.push(`order ${report.orderNo}: report ${report.seq} arrived before ${last + 1}`);
      return answer(res, 409, { error: `expected seq ${last + 1}` });
    }
    const repeat = report.seq <= last;
    if (!repeat) this.lastSeq.set(report.orderNo, report.seq);
    this.received.push({ ...report, repeat });
    return answer(res, 200, { ok: true });
  }
}

/** How a request is spoiled, for the refusal tests: another secret, a clock skew, a body other than the one signed. */
export interface Tamper {
  secret?: string;
  skewSeconds?: number;
  bodySent?: string;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
