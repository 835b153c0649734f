import { ManualClock } from '@hotline/clock';
import { dropDatabase, ensureDatabase, migrate, seed, withDatabase } from '@hotline/devstack';
import { Client } from 'pg';
import {
  ApiClient,
  neighbourhoodDispute,
  startApi,
  startWorker,
  type CaseBody,
  type RunningApi,
  type RunningWorker,
} from '@hotline/testing';

/**
 * A calendar package update (chinese-days) changes a day under a running deadline: the worker that starts
 * with the new package compares the stored snapshot of the statutory calendar with its own and moves the
 * running deadlines the changed day touches, each with its `deadlineMoved` event and its timers; a
 * breached stage stays breached; a second start moves nothing. The old package is simulated: the stored
 * snapshot says 1 October 2026 was a working day, and the running deadlines stand where that calendar put
 * them. On its own database and Redis prefix: the snapshot is the database's one.
 */
describe('a calendar package update moves the running deadlines on worker start-up', () => {
  const clock = new ManualClock();
  const serverUrl = process.env.TEST_POSTGRES_SERVER_URL!;
  const database = `${process.env.TEST_DATABASE_NAME!}_pkgcal`;
  const databaseUrl = withDatabase(serverUrl, database);
  const overrides = { DATABASE_URL: databaseUrl, REDIS_PREFIX: `${process.env.REDIS_PREFIX!}-pkgcal`, SLA_SWEEP_MS: '0' };
  let api: RunningApi;
  let client: ApiClient;
  let db: Client;
  let worker: RunningWorker | null = null;

  beforeAll(async () => {
    await ensureDatabase(serverUrl, database);
    await migrate(databaseUrl);
    await seed(databaseUrl, { onlyIfEmpty: false, includeDemoUsers: true, demoPassword: 'hotline365' });
    // Tuesday 29 September 2026, before the National Day holiday.
    clock.set(new Date('2026-09-29T10:00:00+08:00'));
    api = await startApi({ clock, overrides });
    client = new ApiClient(api.url);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await worker?.close();
    await db?.end();
    await api?.close();
    await dropDatabase(serverUrl, database);
  });

  const dispatchedCase = async (): Promise<string> => {
    const created = await client.as<CaseBody>('operator', 'POST', '/api/v1/cases', neighbourhoodDispute());
    expect(created.status).toBe(201);
    const dispatched = await client.as('dispatcher', 'POST', `/api/v1/cases/${created.body.id}/dispatch`, {
      leadDepartmentCode: 'housing',
    });
    expect(dispatched.status).toBe(200);
    return created.body.id;
  };
  const acceptStage = async (id: string) =>
    (
      await db.query<{ deadline: Date; breached_at: Date | null }>(
        `SELECT deadline, breached_at FROM case_deadlines WHERE case_id = $1 AND stage = 'accept' AND ended_at IS NULL`,
        [id],
      )
    ).rows[0];
  const moves = async (id: string) =>
    (
      await db.query<{ note: string; data: { from: string; to: string; why: string } }>(
        `SELECT note, data FROM case_events WHERE case_id = $1 AND type = 'deadlineMoved' ORDER BY id`,
        [id],
      )
    ).rows;
  const restartWorker = async () => {
    await worker?.close();
    worker = await startWorker({ clock, overrides });
  };

  it('the first start stores the snapshot; a start with a changed package moves what the changed day touches', async () => {
    await restartWorker();
    const snapshot = await db.query<{ exceptions: string[] }>(`SELECT exceptions FROM calendar_snapshot WHERE id = 1`);
    expect(snapshot.rows[0].exceptions).toContain('2026-10-01');

    // Under today's package, one working day counted from Wednesday's midnight ends after the holiday.
    const running = await dispatchedCase();
    const breached = await dispatchedCase();
    const now = (await acceptStage(running)).deadline;
    expect(now.getTime()).toBeGreaterThan(new Date('2026-10-07T00:00:00+08:00').getTime());

    // The older package had Thursday 1 October worked: that is where its deadlines stood.
    const older = new Date('2026-10-01T08:30:00+08:00');
    for (const id of [running, breached]) {
      await db.query(`UPDATE case_deadlines SET deadline = $2 WHERE case_id = $1 AND ended_at IS NULL`, [id, older]);
      await db.query(`UPDATE cases SET sla_deadline = $2 WHERE id = $1`, [id, older]);
    }
    await db.query(`UPDATE case_deadlines SET breached_at = $2 WHERE case_id = $1 AND ended_at IS NULL`, [breached, clock.now()]);
    await db.query(
      `UPDATE calendar_snapshot SET exceptions = exceptions - '2026-10-01', fingerprint = 'the older package' WHERE id = 1`,
    );

    await restartWorker();

    expect((await acceptStage(running)).deadline).toEqual(now);
    const [moved] = await moves(running);
    expect(moved.data).toMatchObject({ from: older.toISOString(), to: now.toISOString() });
    expect(moved.data.why).toContain('2026-10-01');
    expect(moved.note).toContain('accept deadline 2026-10-01T08:30:00.000+08:00 →');
    const view = (await client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${running}`)).body;
    expect(new Date(view.sla.deadline!)).toEqual(now);
    const timers = await db.query<{ action: string; deadline: string }>(
      `SELECT action, payload->>'deadline' AS deadline FROM outbox
        WHERE payload->>'caseId' = $1 AND job_name = 'sla-breach' ORDER BY id`,
      [running],
    );
    expect(timers.rows.slice(-2)).toEqual([
      { action: 'remove', deadline: older.toISOString() },
      { action: 'add', deadline: now.toISOString() },
    ]);

    // The breached stage stays breached, where it was.
    expect(await acceptStage(breached)).toMatchObject({ deadline: older, breached_at: expect.any(Date) as unknown });
    expect(await moves(breached)).toEqual([]);

    // The snapshot is the new package's: another start moves nothing again.
    const stored = await db.query<{ fingerprint: string }>(`SELECT fingerprint FROM calendar_snapshot WHERE id = 1`);
    expect(stored.rows[0].fingerprint).not.toBe('the older package');
    await restartWorker();
    expect(await moves(running)).toHaveLength(1);
  });
});
