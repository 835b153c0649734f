import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { bullPrefix, jobOptionsFor, redisOptionsFromUrl } from '@hotline/queues';
import { useStack } from '@hotline/testing';

const BOARD = '/admin/queues';

interface BoardQueues {
  queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[];
}

/**
 * The queue board at /admin/queues: admins act, supervisors only look, other roles and strangers are
 * refused; in a browser through a short-lived cookie; its page and assets load under our CSP.
 */
describe('queue board', () => {
  const stack = useStack({ worker: false });
  const connection = () => redisOptionsFromUrl(process.env.REDIS_URL!);
  const prefix = () => bullPrefix(process.env.REDIS_PREFIX!);
  let notify: Queue;
  let failedJobId: string;

  beforeAll(async () => {
    notify = new Queue('notify', { connection: connection(), prefix: prefix() });
    // A failed job to act on: taken by hand (no worker of the run consumes meanwhile) and failed. Its
    // notification does not exist, so if a later worker ever retried it, it would find nothing to deliver.
    failedJobId = `deliver-notification.${randomUUID()}`;
    await notify.add(
      'deliver-notification',
      { notificationId: randomUUID() },
      { ...jobOptionsFor('notify'), attempts: 1, jobId: failedJobId },
    );
    const hand = new Worker('notify', null, { connection: connection(), prefix: prefix(), autorun: false });
    try {
      for (;;) {
        const job = await hand.getNextJob('board-test');
        if (!job) throw new Error('the job to fail was not there');
        if (job.id === failedJobId) {
          await job.moveToFailed(new Error('failed for the queue board test'), 'board-test', false);
          break;
        }
        // Another job of the run: leave it for a worker.
        await job.moveToDelayed(Date.now(), 'board-test');
      }
    } finally {
      await hand.close();
    }
  });
  afterAll(async () => {
    await (await notify?.getJob(failedJobId))?.remove();
    await notify?.close();
  });

  const stateOfJob = async () => (await notify.getJob(failedJobId))!.getState();

  it('lists the deployment’s queues, under the worker’s Redis prefix, for an admin with a bearer token', async () => {
    const r = await stack.client.as<BoardQueues>(
      'admin',
      'GET',
      `${BOARD}/api/queues?activeQueue=notify&status=failed&page=1&jobsPerPage=10`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.body.queues.map((q) => q.name).sort()).toEqual(['dispatch', 'notify', 'sla', 'stats', 'upstream']);
    expect(r.body.queues.every((q) => !q.readOnlyMode)).toBe(true);
    expect(r.body.queues.find((q) => q.name === 'notify')!.counts.failed).toBeGreaterThanOrEqual(1);
  });

  it('shows a supervisor every queue read-only, and refuses their retry and clean with the job left failed', async () => {
    const r = await stack.client.as<BoardQueues>('supervisor', 'GET', `${BOARD}/api/queues`);
    expect(r.status).toBe(200);
    expect(r.body.queues.map((q) => q.readOnlyMode)).toEqual([true, true, true, true, true]);
    for (const path of [
      `/api/queues/notify/${failedJobId}/retry`,
      '/api/queues/notify/clean/failed',
      '/api/queues/notify/retry/failed',
    ]) {
      const refused = await stack.client.as<{ error: string }>('supervisor', 'PUT', `${BOARD}${path}`);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('ReadOnly');
    }
    expect(await stateOfJob()).toBe('failed');
  });

  it.each(['operator', 'dispatcher', 'staff-heating', 'lead-heating', 'grid'])('refuses %s with 403', async (user) => {
    for (const path of [`${BOARD}`, `${BOARD}/api/queues`]) {
      const r = await stack.client.as<{ error: string }>(user, 'GET', path);
      expect(r.status).toBe(403);
      expect(r.body.error).toBe('RoleNotAllowed');
    }
  });

  it('refuses strangers with 401: no credential, a forged token, a forged cookie', async () => {
    const strangers: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not.a.token' },
      { cookie: 'hotline_queue_board=not.a.token' },
    ];
    for (const headers of strangers) {
      for (const [method, path] of [
        ['GET', `${BOARD}`],
        ['GET', `${BOARD}/api/queues`],
        ['PUT', `${BOARD}/api/queues/notify/${failedJobId}/retry`],
      ]) {
        const r = await stack.client.request<{ statusCode: number }>(method, path, { headers });
        expect(r.status).toBe(401);
        expect(r.body.statusCode).toBe(401);
      }
    }
    expect(await stateOfJob()).toBe('failed');
  });

  it('lets an admin retry the failed job', async () => {
    const r = await stack.client.as('admin', 'PUT', `${BOARD}/api/queues/notify/${failedJobId}/retry`);
    expect(r.status).toBeLessThan(300);
    expect(await stateOfJob()).toBe('waiting');
  });

  describe('in a browser', () => {
    async function boardCookie(username: string): Promise<{ cookie: string; setCookie: string; token: string }> {
      const login = await stack.client.request<{ accessToken: string }>('POST', '/api/v1/auth/login', {
        body: { username, password: 'hotline365' },
      });
      const token = login.body.accessToken;
      const r = await stack.client.request('POST', '/api/v1/queue-board/session', { token });
      expect(r.status).toBe(204);
      const setCookie = r.headers.get('set-cookie')!;
      return { cookie: setCookie.split(';')[0], setCookie, token };
    }

    it('opens with a short-lived, path-scoped, HttpOnly cookie that is no API token', async () => {
      const { cookie, setCookie } = await boardCookie('admin');
      expect(setCookie).toMatch(
        /^hotline_queue_board=[\w-]+\.[\w-]+\.[\w-]+; Path=\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict$/,
      );
      const board = await stack.client.request<BoardQueues>('GET', `${BOARD}/api/queues`, { headers: { cookie } });
      expect(board.status).toBe(200);
      const asBearer = await stack.client.request('GET', '/api/v1/cases', { token: cookie.split('=')[1] });
      expect(asBearer.status).toBe(401);
      // Nor is an API token a board cookie.
      const apiToken = await stack.client.token('admin');
      const asCookie = await stack.client.request('GET', `${BOARD}/api/queues`, {
        headers: { cookie: `hotline_queue_board=${apiToken}` },
      });
      expect(asCookie.status).toBe(401);
    });

    it('is refused to roles that may not see the board, and ends with the session', async () => {
      const login = await stack.client.request<{ accessToken: string }>('POST', '/api/v1/auth/login', {
        body: { username: 'operator', password: 'hotline365' },
      });
      expect((await stack.client.request('POST', '/api/v1/queue-board/session', { token: login.body.accessToken })).status).toBe(
        403,
      );

      const { cookie, token } = await boardCookie('supervisor');
      expect((await stack.client.request('GET', `${BOARD}/api/queues`, { headers: { cookie } })).status).toBe(200);
      expect((await stack.client.request('PUT', `${BOARD}/api/queues/pause`, { headers: { cookie } })).status).toBe(403);
      expect((await stack.client.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
      expect((await stack.client.request('GET', `${BOARD}/api/queues`, { headers: { cookie } })).status).toBe(401);
    });

    it('serves its page and every asset it names under our CSP: scripts from the origin only, no foreign font', async () => {
      const { cookie } = await boardCookie('admin');
      const page = await fetch(`${stack.api.url}${BOARD}`, { headers: { cookie, accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain('<base href="/admin/queues/"');
      expect(html).not.toContain('googleapis');
      // Every script is an external file of this origin (the inline one is JSON data, which CSP does not run).
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.every((attributes) => attributes.includes('type="application/json"'))).toBe(true);
      const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.filter((a) => a.endsWith('.js')).length).toBeGreaterThan(0);
      expect(assets.filter((a) => a.endsWith('.css')).length).toBeGreaterThan(0);
      for (const asset of assets) {
        const r = await fetch(`${stack.api.url}${BOARD}/${asset}`, { headers: { cookie } });
        expect([asset, r.status]).toEqual([asset, 200]);
        if (asset.endsWith('.js')) expect(r.headers.get('content-type')).toMatch(/javascript/);
        if (asset.endsWith('.css')) expect(r.headers.get('content-type')).toMatch(/^text\/css/);
      }
    });
  });
});
