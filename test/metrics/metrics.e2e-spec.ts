import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_METRICS_TOKEN } from '@hotline/config';
import {
  heatingComplaint,
  parsePrometheusText,
  rawRequest,
  routingDone,
  startApi,
  uniquePhone,
  useStack,
  waitFor,
  type CaseBody,
  type PrometheusScrape,
  type RunningApi,
} from '@hotline/testing';
import { WorkerHealthServer } from '../../apps/worker/src/health/worker-health.server';

const TOKEN = () => process.env.METRICS_TOKEN!;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

/**
 * GET /metrics on the API and on the worker's health port: refused without the METRICS_TOKEN (401,
 * never 500), Prometheus text with bounded labels, and values that move when a case is taken in,
 * dispatched and its department notified.
 */
describe('metrics', () => {
  const stack = useStack();
  let workerServer: Server;
  let workerUrl: string;

  beforeAll(async () => {
    // The run's workers have their probe off (WORKER_HEALTH_PORT=0): serve the worker's handler on a port of our own.
    const probe = stack.worker!.get(WorkerHealthServer);
    workerServer = createServer((req, res) => void probe.handle(req, res));
    await new Promise<void>((resolve) => workerServer.listen(0, '127.0.0.1', resolve));
    workerUrl = `http://127.0.0.1:${(workerServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => workerServer?.close(() => resolve()));
  });

  async function scrape(base: string, token = TOKEN()): Promise<PrometheusScrape> {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return parsePrometheusText(await response.text());
  }

  it.each([
    ['no Authorization', {}],
    ['a wrong token', { authorization: 'Bearer not-the-metrics-token-at-all' }],
    ['the token without Bearer', { authorization: 'demo-metrics-token' }],
    ['Basic credentials', { authorization: 'Basic ZGVtbzpkZW1v' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a very long bearer', { authorization: `Bearer ${'x'.repeat(8000)}` }],
  ])('refuses %s with 401 on the API and on the worker', async (_what, headers: Record<string, string>) => {
    for (const base of [stack.api.url, workerUrl]) {
      const response = await fetch(`${base}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({ statusCode: 401, error: 'Unauthenticated' });
    }
  });

  it("refuses a signed-in admin's session token: only the metrics token opens /metrics", async () => {
    const response = await stack.client.as('admin', 'GET', '/metrics');
    expect(response.status).toBe(401);
  });

  it("answers under the edge's headers: no-store, nosniff, the CSP", async () => {
    const response = await rawRequest(stack.api.url, {
      method: 'GET',
      path: '/metrics',
      headers: { authorization: `Bearer ${TOKEN()}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('declares every metric of the contract, with Node runtime defaults, on both processes', async () => {
    const api = await scrape(stack.api.url);
    const worker = await scrape(workerUrl);
    for (const s of [api, worker]) {
      expect(Object.fromEntries([...s.types].filter(([name]) => name.startsWith('hotline_')))).toEqual({
        hotline_http_request_duration_seconds: 'histogram',
        hotline_cases_received_total: 'counter',
        hotline_dispatch_jobs_total: 'counter',
        hotline_dispatch_lag_seconds: 'histogram',
        hotline_sla_warnings_total: 'counter',
        hotline_sla_breaches_total: 'counter',
        hotline_notification_deliveries_total: 'counter',
        hotline_job_failures_total: 'counter',
        hotline_queue_jobs: 'gauge',
        hotline_outbox_pending: 'gauge',
        hotline_outbox_oldest_pending_seconds: 'gauge',
        hotline_component_up: 'gauge',
        hotline_component_degraded: 'gauge',
      });
      expect(s.types.get('process_cpu_user_seconds_total')).toBe('counter');
      expect(s.types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
      expect(s.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
      // Read at scrape time from the health components: every queue in every state, the outbox, the components.
      for (const queue of ['dispatch', 'sla', 'notify', 'stats'])
        for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed'])
          expect(s.all('hotline_queue_jobs').some((x) => x.labels.queue === queue && x.labels.state === state)).toBe(true);
      expect(s.all('hotline_outbox_pending')).toHaveLength(1);
      expect(s.value('hotline_component_up', { component: 'database' })).toBe(1);
      expect(s.value('hotline_component_up', { component: 'redis' })).toBe(1);
      expect(s.all('hotline_component_up').map((x) => x.labels.component)).toEqual(
        expect.arrayContaining(['database', 'redis', 'queues', 'outbox', 'calendar', 'settings']),
      );
    }
  });

  it('moves after an intake: received on the API; dispatched, lag and the notice delivered on the worker', async () => {
    const apiBefore = await scrape(stack.api.url);
    const workerBefore = await scrape(workerUrl);
    const created = await stack.client.as<CaseBody>(
      'operator',
      'POST',
      '/api/v1/cases',
      heatingComplaint({ callerPhone: uniquePhone() }),
    );
    expect(created.status).toBe(201);
    await routingDone(created.body.id);
    await stack.client.as('operator', 'GET', `/api/v1/cases/${created.body.id}`);

    const api = await scrape(stack.api.url);
    const received = { channel: 'phone', kind: 'complaint' };
    expect(api.value('hotline_cases_received_total', received)).toBe(
      apiBefore.value('hotline_cases_received_total', received) + 1,
    );
    const intake = { method: 'POST', route: '/api/v1/cases', status_code: '201' };
    expect(api.value('hotline_http_request_duration_seconds_count', intake)).toBe(
      apiBefore.value('hotline_http_request_duration_seconds_count', intake) + 1,
    );
    // Route templates, never raw URLs: the case's id is no label value.
    const routes = new Set(api.all('hotline_http_request_duration_seconds_count').map((s) => s.labels.route));
    expect(routes).toContain('/api/v1/cases/:id');
    expect([...routes].filter((route) => UUID.test(route))).toEqual([]);

    // The lag is measured just after the job completes: wait for it rather than for time.
    const worker = await waitFor(async () => {
      const s = await scrape(workerUrl);
      return s.value('hotline_dispatch_lag_seconds_count') > workerBefore.value('hotline_dispatch_lag_seconds_count') &&
        s.value('hotline_notification_deliveries_total', { outcome: 'ok', channel: 'inbox' }) >
          workerBefore.value('hotline_notification_deliveries_total', { outcome: 'ok', channel: 'inbox' })
        ? s
        : undefined;
    });
    expect(worker.value('hotline_dispatch_jobs_total', { outcome: 'dispatched' })).toBeGreaterThan(
      workerBefore.value('hotline_dispatch_jobs_total', { outcome: 'dispatched' }),
    );
    expect(worker.value('hotline_dispatch_lag_seconds_sum')).toBeGreaterThanOrEqual(0);
    expect(worker.value('hotline_queue_jobs', { queue: 'dispatch', state: 'completed' })).toBeGreaterThan(0);
    // The worker counts no intakes and the API no dispatches: each process reports what it did.
    expect(worker.all('hotline_cases_received_total')).toEqual([]);
    expect(api.all('hotline_dispatch_jobs_total')).toEqual([]);
  });

  describe('outside production, with no METRICS_TOKEN set', () => {
    let demo: RunningApi;
    beforeAll(async () => {
      demo = await startApi({ overrides: { METRICS_TOKEN: '' } });
    });
    afterAll(async () => demo?.close());

    it('answers the demo token', async () => {
      const s = await scrape(demo.url, DEMO_METRICS_TOKEN);
      expect(s.types.get('hotline_cases_received_total')).toBe('counter');
      expect((await fetch(`${demo.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN()}` } })).status).toBe(401);
    });
  });
});
