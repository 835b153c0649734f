import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  NotificationDeliveryService,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  DELIVERY_HEADER,
  verifyWebhook,
  type InboxPage,
  type WebhookBody,
} from '@hotline/notify';
import {
  auditedSql,
  heatingComplaint,
  neighbourhoodDispute,
  useStack,
  waitFor,
  type CaseBody,
  type ErrorBody,
  type Wire,
} from '@hotline/testing';

/** A notifications row, as these tests select it. */
interface NotificationRow {
  id: string;
  type: string;
  channel: string | null;
  delivered_at: Date | null;
  delivery_attempts: number;
  last_error: string | null;
}

interface Received {
  body: string;
  headers: IncomingMessage['headers'];
}

/**
 * A department's webhook endpoint: answers the first `failFirst` attempts of each delivery with 503, then
 * 204. Counted per delivery id, since notifications of other suites' cases (their intents published by
 * this suite's worker) may arrive too.
 */
async function startReceiver(failFirst: number): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      const attempts = received.filter((r) => r.headers[DELIVERY_HEADER] === req.headers[DELIVERY_HEADER]).length;
      res.statusCode = attempts <= failFirst ? 503 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/hotline365`, received, server };
}

describe('Notifications: the notify queue, signed webhooks with retries, the in-app inbox', () => {
  // Declared before useStack() so it runs before the stack closes: the run's other suites share the
  // database and must not find heating's webhook pointing at this suite's receiver.
  afterAll(async () => {
    await auditedSql(
      stack.db,
      'departmentWebhook',
      `UPDATE departments SET webhook_url = NULL, webhook_secret_sealed = NULL WHERE code = 'heating' RETURNING code AS key`,
    );
    await new Promise((resolve) => receiver.server.close(resolve));
  });
  const stack = useStack();
  const secret = 'heating-webhook-secret-2026';
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver(2);
  });

  const notificationRows = async (caseId: string) =>
    (
      await stack.db.query<NotificationRow>(
        `SELECT id, type, channel, delivered_at, delivery_attempts, last_error FROM notifications WHERE case_id = $1 ORDER BY created_at`,
        [caseId],
      )
    ).rows;

  it('admins set a department webhook; the secret is never shown back, and bad input is refused with the field named', async () => {
    const set = await stack.client.as('admin', 'PUT', '/api/v1/departments/heating/webhook', { url: receiver.url, secret });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ department: 'heating', url: receiver.url, configured: true });
    expect(JSON.stringify((await stack.client.as('admin', 'GET', '/api/v1/departments/heating/webhook')).body)).not.toContain(
      secret,
    );

    const bad = await stack.client.as<ErrorBody>('admin', 'PUT', '/api/v1/departments/heating/webhook', {
      url: 'ftp://x',
      secret: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['secret', 'url']);
    expect(
      (await stack.client.as('admin', 'PUT', '/api/v1/departments/nope/webhook', { url: receiver.url, secret })).status,
    ).toBe(404);
    expect(
      (await stack.client.as('staff-heating', 'PUT', '/api/v1/departments/heating/webhook', { url: receiver.url, secret }))
        .status,
    ).toBe(403);
    expect((await stack.client.as<{ url: string }>('admin', 'GET', '/api/v1/departments/heating/webhook')).body.url).toBe(
      receiver.url,
    );
  });

  it('a dispatch is POSTed to the department webhook, signed, retried with backoff after failures, and delivered once', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    const id: string = created.body.id;
    const delivered = await waitFor(
      async () => {
        const rows = await notificationRows(id);
        return (
          rows.find((r: { type: string; delivered_at: Date | null }) => r.type === 'caseDispatched' && r.delivered_at) ??
          undefined
        );
      },
      20_000,
      'webhook delivery after two failures',
    );
    expect(delivered).toMatchObject({ channel: 'webhook', delivery_attempts: 3 });
    expect(delivered.last_error).toContain('503');

    const attempts = receiver.received.filter((r) => (JSON.parse(r.body) as WebhookBody).caseId === id);
    expect(attempts).toHaveLength(3);
    for (const attempt of attempts) {
      const timestamp = Number(attempt.headers[TIMESTAMP_HEADER]);
      expect(verifyWebhook(secret, timestamp, attempt.body, String(attempt.headers[SIGNATURE_HEADER]))).toBe(true);
      expect(attempt.headers[DELIVERY_HEADER]).toBe(delivered.id);
    }
    expect(JSON.parse(attempts[0].body)).toMatchObject({
      id: delivered.id,
      type: 'caseDispatched',
      caseId: id,
      data: { caseNo: created.body.caseNo },
    });
    // Nothing personal leaves the district's network.
    expect(attempts[0].body).not.toContain(String(heatingComplaint().callerPhone));
    expect(attempts[0].body).not.toContain(String(heatingComplaint().callerName));
  });

  it('a webhook that never answers falls back to the inbox on the last attempt, with the reason kept', async () => {
    await stack.client.as('admin', 'PUT', '/api/v1/departments/heating/webhook', {
      url: 'http://127.0.0.1:9/unreachable',
      secret,
    });
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    const id: string = created.body.id;
    const pending = await waitFor(
      async () => {
        const rows = await notificationRows(id);
        return (
          rows.find(
            (r: { type: string; delivery_attempts: number }) => r.type === 'caseDispatched' && r.delivery_attempts >= 1,
          ) ?? undefined
        );
      },
      30_000,
      'a failed first attempt',
    );
    expect(pending.delivered_at).toBeNull();
    // The tenth attempt would come after ~8 minutes of backoff; run the last attempt's logic directly.
    const outcome = await stack.worker!.get(NotificationDeliveryService).deliver(pending.id, { lastAttempt: true });
    expect(outcome).toBe('inbox');
    const [row] = (
      await stack.db.query<Pick<NotificationRow, 'channel' | 'delivered_at' | 'last_error'>>(
        `SELECT channel, delivered_at, last_error FROM notifications WHERE id = $1`,
        [pending.id],
      )
    ).rows;
    expect(row.channel).toBe('inbox');
    expect(row.delivered_at).not.toBeNull();
    expect(row.last_error).toMatch(/webhook did not answer/);
    const inbox = await stack.client.as<Wire<InboxPage>>('lead-heating', 'GET', '/api/v1/notifications?pageSize=100');
    expect(inbox.body.items.some((n) => n.id === pending.id)).toBe(true);
    await stack.client.as('admin', 'DELETE', '/api/v1/departments/heating/webhook');
  });

  it('without a webhook the department reads its inbox; other departments do not see it; read marks stick', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    const id: string = created.body.id;
    expect(
      (
        await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, {
          leadDepartmentCode: 'street-baiyun',
          assistingDepartmentCodes: ['police'],
        })
      ).status,
    ).toBe(200);
    await waitFor(
      async () =>
        (await notificationRows(id)).filter((r: { channel: string | null }) => r.channel === 'inbox').length === 2
          ? true
          : undefined,
      30_000,
      'inbox delivery',
    );

    const lead = await stack.client.as<Wire<InboxPage>>(
      'staff-street-baiyun',
      'GET',
      '/api/v1/notifications?unread=true&pageSize=100',
    );
    expect(lead.status).toBe(200);
    const mine = lead.body.items.find((n) => n.caseId === id)!;
    expect(mine).toMatchObject({ type: 'caseDispatched', channel: 'inbox', readAt: null });
    expect(mine.title).toContain(created.body.caseNo);
    const assisting = await stack.client.as<Wire<InboxPage>>('staff-police', 'GET', '/api/v1/notifications?pageSize=100');
    expect(assisting.body.items.find((n) => n.caseId === id)).toMatchObject({ type: 'caseAssisting' });
    const other = await stack.client.as<Wire<InboxPage>>('staff-heating', 'GET', '/api/v1/notifications?pageSize=100');
    expect(other.body.items.some((n) => n.caseId === id)).toBe(false);
    expect((await stack.client.as('staff-heating', 'POST', `/api/v1/notifications/${mine.id}/read`)).status).toBe(404);

    const read = await stack.client.as<{ readAt: string | null }>(
      'staff-street-baiyun',
      'POST',
      `/api/v1/notifications/${mine.id}/read`,
    );
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = await stack.client.as<Wire<InboxPage>>(
      'lead-street-baiyun',
      'GET',
      '/api/v1/notifications?unread=true&pageSize=100',
    );
    expect(unread.body.items.some((n) => n.id === mine.id)).toBe(false);
    expect((await stack.client.as('staff-street-baiyun', 'GET', '/api/v1/notifications?unread=maybe')).status).toBe(400);
  });

  it('returns reach the dispatchers, not the supervisors: role inboxes', async () => {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    const id: string = created.body.id;
    await stack.client.as<CaseBody>('dispatcher', 'POST', `/api/v1/cases/${id}/dispatch`, {
      leadDepartmentCode: 'street-baiyun',
    });
    expect(
      (
        await stack.client.as<CaseBody>('staff-street-baiyun', 'POST', `/api/v1/cases/${id}/return`, {
          reason: '不属于本街道管辖范围',
        })
      ).status,
    ).toBe(200);
    await waitFor(
      async () => {
        const inbox = await stack.client.as<Wire<InboxPage>>('dispatcher', 'GET', '/api/v1/notifications?pageSize=100');
        return inbox.body.items.find((n) => n.caseId === id && n.type === 'caseReturned');
      },
      30_000,
      'return notice for dispatchers',
    );
    const supervisors = await stack.client.as<Wire<InboxPage>>('supervisor', 'GET', '/api/v1/notifications?pageSize=100');
    expect(supervisors.body.items.some((n) => n.caseId === id && n.type === 'caseReturned')).toBe(false);
  });
});
