import { Queue } from 'bullmq';
import { ManualClock } from '@hotline/clock';
import { bullPrefix, jobIdFor, redisOptionsFromUrl } from '@hotline/queues';
import type { InboxPage } from '@hotline/notify';
import {
  heatingComplaint,
  RunningWorker,
  startWorker,
  useStack,
  waitFor,
  type CaseBody,
  type Page,
  type Wire,
} from '@hotline/testing';

/** The cases row's SLA columns, as these tests select them. */
interface CaseSlaRow {
  status: string;
  sla_stage: string | null;
  sla_deadline: Date;
  sla_warn_at: Date;
  supervision_level: string | null;
}
/** A case_events row, as these tests select it. */
interface EventRow {
  type: string;
  from_status: string | null;
  to_status: string;
  actor_role: string;
  data: Record<string, unknown>;
}
import { replay } from '@hotline/cases';
import { SlaSweepService } from '../../apps/worker/src/sla/sla-sweep.service';

/**
 * SLA timers, the sweep and breaches, with the business clock under the test's control and two workers
 * running at once (both relay, both process timers, both sweep). Periodic sweeps are off so that each
 * sweep happens where the test says.
 */
describe('SLA timers, sweep and breaches', () => {
  const clock = new ManualClock();
  const overrides = { SLA_SWEEP_MS: '0' };
  const stack = useStack({ clock, overrides });
  let second: RunningWorker;
  let sla: Queue;

  beforeAll(async () => {
    second = await startWorker({ clock, overrides });
    sla = new Queue('sla', {
      connection: redisOptionsFromUrl(process.env.REDIS_URL!),
      prefix: bullPrefix(process.env.REDIS_PREFIX!),
    });
  });
  afterAll(async () => {
    await sla?.close();
    await second?.close();
  });

  const act = (user: string, id: string, action: string, body: unknown = {}) =>
    stack.client.as(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  const caseRow = async (id: string) =>
    (
      await stack.db.query<CaseSlaRow>(
        `SELECT status, sla_stage, sla_deadline, sla_warn_at, supervision_level FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const events = async (id: string, type?: string) =>
    (
      await stack.db.query<EventRow>(
        `SELECT type, from_status, to_status, actor_role, data FROM case_events WHERE case_id = $1 ${type ? 'AND type = $2' : ''} ORDER BY id`,
        type ? [id, type] : [id],
      )
    ).rows;
  const notifications = async (id: string, type: string) =>
    (
      await stack.db.query<{ recipient_role: string | null; recipient_department_id: string | null }>(
        `SELECT recipient_role, recipient_department_id FROM notifications WHERE case_id = $1 AND type = $2 ORDER BY created_at`,
        [id, type],
      )
    ).rows;
  const sweepers = (): SlaSweepService[] => [stack.worker!.get(SlaSweepService), second.get(SlaSweepService)];
  const timerIds = (id: string, stage: string, deadline: Date) => {
    const payload = { caseId: id, stage, deadline: deadline.toISOString() };
    return { warning: jobIdFor('sla-warning', payload), breach: jobIdFor('sla-breach', payload) };
  };
  const jobState = async (jobId: string) => ((await sla.getJob(jobId)) ? sla.getJobState(jobId) : 'absent');

  async function dispatchedCase(): Promise<{ id: string; deadline: Date; warnAt: Date }> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const row = await waitFor(
      async () => {
        const r = await caseRow(id);
        return r.status === 'dispatched' ? r : undefined;
      },
      30_000,
      'automatic dispatch',
    );
    return { id, deadline: row.sla_deadline, warnAt: row.sla_warn_at };
  }

  it('a dispatch schedules a warning and a breach timer as delayed jobs named after case, stage and deadline', async () => {
    const { id, deadline } = await dispatchedCase();
    const ids = timerIds(id, 'accept', deadline);
    await waitFor(async () => ((await jobState(ids.breach)) === 'delayed' ? true : undefined), 30_000, 'breach timer');
    expect(await jobState(ids.warning)).toBe('delayed');
    const breach = await sla.getJob(ids.breach);
    // BullMQ holds the job until the deadline: created + delay lands on it (to the relay's few ms).
    expect(Math.abs(breach!.timestamp + breach!.delay - deadline.getTime())).toBeLessThan(5_000);
  });

  it('a case not accepted in time is recorded overdue exactly once with two workers, timers and sweeps racing', async () => {
    const { id, deadline } = await dispatchedCase();
    const ids = timerIds(id, 'accept', deadline);
    await waitFor(async () => ((await jobState(ids.breach)) === 'delayed' ? true : undefined), 30_000, 'breach timer');

    clock.set(new Date(deadline.getTime() + 60_000));
    // The timer fires now (in whichever worker takes it) while both workers sweep, twice each.
    await Promise.all([(await sla.getJob(ids.breach))!.promote(), ...sweepers().flatMap((s) => [s.sweepNow(), s.sweepNow()])]);
    await waitFor(async () => ((await jobState(ids.breach)) === 'completed' ? true : undefined), 30_000, 'breach timer to run');
    await Promise.all(sweepers().map((s) => s.sweepNow()));

    const breaches = await events(id, 'slaBreached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ from_status: 'dispatched', to_status: 'dispatched', actor_role: 'system' });
    expect(breaches[0].data).toMatchObject({ stage: 'accept', deadline: deadline.toISOString() });
    const [recorded] = (
      await stack.db.query<{ breached_at: Date | null }>(
        `SELECT breached_at FROM case_deadlines WHERE case_id = $1 AND stage = 'accept'`,
        [id],
      )
    ).rows;
    expect(recorded.breached_at).not.toBeNull();
    expect((await caseRow(id)).supervision_level).toBe('red');

    // Escalation: supervisors and the department are told, once each.
    const told = await notifications(id, 'slaBreached');
    expect(told.filter((n: { recipient_role: string | null }) => n.recipient_role === 'supervisor')).toHaveLength(1);
    expect(told.filter((n: { recipient_department_id: string | null }) => n.recipient_department_id !== null)).toHaveLength(1);

    const view = await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${id}`);
    expect(view.body.sla).toMatchObject({ stage: 'accept', state: 'overdue' });
    expect(view.body.supervisionLevel).toBe('red');
    const overdue = await stack.client.as<Page<CaseBody>>('supervisor', 'GET', `/api/v1/cases?sla=overdue&pageSize=100`);
    expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(
      replay(
        await events(id).then((rows) => rows.map((r) => ({ type: r.type, fromStatus: r.from_status, toStatus: r.to_status }))),
      ),
    ).toBe('dispatched');

    // The department can still accept an overdue case; the reply stage starts and nothing more is recorded.
    expect((await act('staff-heating', id, 'accept')).status).toBe(200);
    await Promise.all(sweepers().map((s) => s.sweepNow()));
    expect(await events(id, 'slaBreached')).toHaveLength(1);
  });

  it('a case accepted in time is never recorded overdue, and its accept timers are withdrawn from Redis', async () => {
    const { id, deadline } = await dispatchedCase();
    const ids = timerIds(id, 'accept', deadline);
    await waitFor(async () => ((await jobState(ids.breach)) === 'delayed' ? true : undefined), 30_000, 'breach timer');
    expect((await act('staff-heating', id, 'accept')).status).toBe(200);
    await waitFor(async () => ((await jobState(ids.breach)) === 'absent' ? true : undefined), 30_000, 'accept timers withdrawn');
    expect(await jobState(ids.warning)).toBe('absent');

    clock.set(new Date(deadline.getTime() + 3600_000));
    await Promise.all(sweepers().map((s) => s.sweepNow()));
    expect(await events(id, 'slaBreached')).toEqual([]);
    expect((await caseRow(id)).sla_stage).toBe('reply');
  });

  it('an approved extension moves the reply deadline and its timers: no breach at the old deadline, one after the new', async () => {
    const { id } = await dispatchedCase();
    expect((await act('staff-heating', id, 'accept')).status).toBe(200);
    const before = await caseRow(id);
    const requested = await act('staff-heating', id, 'extension-requests', {
      days: 3,
      reason: '需更换供热主管道，材料到货需要时间',
    });
    expect(requested.status).toBe(200);
    const [pending] = (await stack.db.query<{ id: string }>(`SELECT id FROM extension_requests WHERE case_id = $1`, [id])).rows;
    expect((await act('supervisor', id, `extension-requests/${pending.id}/approve`, { note: '同意' })).status).toBe(200);
    const after = await caseRow(id);
    expect(after.sla_deadline.getTime()).toBeGreaterThan(before.sla_deadline.getTime());

    const old = timerIds(id, 'reply', before.sla_deadline);
    const moved = timerIds(id, 'reply', after.sla_deadline);
    await waitFor(
      async () => ((await jobState(moved.breach)) === 'delayed' && (await jobState(old.breach)) === 'absent' ? true : undefined),
      30_000,
      'timers moved',
    );

    clock.set(new Date(before.sla_deadline.getTime() + 60_000));
    await Promise.all(sweepers().map((s) => s.sweepNow()));
    expect(await events(id, 'slaBreached')).toEqual([]);

    clock.set(new Date(after.sla_deadline.getTime() + 60_000));
    await Promise.all(sweepers().map((s) => s.sweepNow()));
    const breaches = await events(id, 'slaBreached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0].data).toMatchObject({ stage: 'reply', deadline: after.sla_deadline.toISOString(), detectedBy: 'sweep' });
  });

  it('a timer deleted from Redis by hand is caught by the sweep', async () => {
    const { id, deadline } = await dispatchedCase();
    const ids = timerIds(id, 'accept', deadline);
    await waitFor(async () => ((await jobState(ids.breach)) === 'delayed' ? true : undefined), 30_000, 'breach timer');
    expect(await sla.remove(ids.breach)).toBe(1);
    expect(await sla.remove(ids.warning)).toBe(1);

    clock.set(new Date(deadline.getTime() + 1000));
    const [one, other] = await Promise.all(sweepers().map((s) => s.sweepNow()));
    expect((one?.breaches ?? 0) + (other?.breaches ?? 0)).toBeGreaterThanOrEqual(1);
    const breaches = await events(id, 'slaBreached');
    expect(breaches).toHaveLength(1);
    expect(breaches[0].data).toMatchObject({ stage: 'accept', detectedBy: 'sweep' });
  });

  it('a warning marks the case yellow and tells the department, once; the state reads warning until the deadline', async () => {
    const { id, deadline, warnAt } = await dispatchedCase();
    const ids = timerIds(id, 'accept', deadline);
    await waitFor(async () => ((await jobState(ids.warning)) === 'delayed' ? true : undefined), 30_000, 'warning timer');

    clock.set(new Date(warnAt.getTime() + 1000));
    await Promise.all([(await sla.getJob(ids.warning))!.promote(), ...sweepers().map((s) => s.sweepNow())]);
    await waitFor(async () => ((await jobState(ids.warning)) === 'completed' ? true : undefined), 30_000, 'warning timer to run');

    expect(await events(id, 'slaWarned')).toHaveLength(1);
    expect(await events(id, 'slaBreached')).toEqual([]);
    expect((await caseRow(id)).supervision_level).toBe('yellow');
    const told = await notifications(id, 'slaWarned');
    expect(told).toHaveLength(1);
    expect(told[0].recipient_department_id).not.toBeNull();
    const view = await stack.client.as<CaseBody>('staff-heating', 'GET', `/api/v1/cases/${id}`);
    expect(view.body.sla.state).toBe('warning');
    const inbox = await stack.client.as<Wire<InboxPage>>(
      'staff-heating',
      'GET',
      '/api/v1/notifications?unread=true&pageSize=100',
    );
    expect(inbox.body.items.some((n) => n.caseId === id && n.type === 'slaWarned')).toBe(true);
  });
});
