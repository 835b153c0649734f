import { Queue } from 'bullmq';
import { ManualClock } from '@hotline/clock';
import { bullPrefix, jobIdFor, redisOptionsFromUrl } from '@hotline/queues';
import { addWorkingTime, createWorkingCalendar, workingTimeBetween } from '@hotline/sla';
import { heatingComplaint, RunningWorker, startWorker, useStack, waitFor, type CaseBody } from '@hotline/testing';
import { SlaSweepService } from '../../apps/worker/src/sla/sla-sweep.service';

interface SlaColumns {
  status: string;
  sla_stage: string | null;
  sla_deadline: Date | null;
}
interface SuspensionRow {
  id: string;
  status: string;
  stage: string;
  reason: string;
  remaining_ms: string | null;
  resume_by: Date | null;
  resume_cause: string | null;
  suspended_at: Date | null;
  resumed_at: Date | null;
}
interface EventRow {
  type: string;
  actor_role: string;
  actor_name: string;
  note: string | null;
  data: Record<string, unknown>;
}

/**
 * 挂起 on the one clock model: a department asks to stop the running stage's clock with a reason, a
 * supervisor approves (the stage's deadline row ends, its timers are withdrawn, the working time left is
 * kept) or refuses; the clock resumes by hand (deadline = resumption + the working time left, exactly) or
 * by itself once the policy's maximum passes, exactly once with two workers' timers and sweeps racing.
 * The business clock is the test's; periodic sweeps are off.
 */
describe('suspending a stage clock (挂起)', () => {
  const clock = new ManualClock();
  const overrides = { SLA_SWEEP_MS: '0' };
  const stack = useStack({ clock, overrides });
  const calendar = createWorkingCalendar({ timeZone: 'Asia/Shanghai' });
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
    stack.client.as<CaseBody & { error?: string }>(user, 'POST', `/api/v1/cases/${id}/${action}`, body);
  const caseRow = async (id: string) =>
    (await stack.db.query<SlaColumns>(`SELECT status, sla_stage, sla_deadline FROM cases WHERE id = $1`, [id])).rows[0];
  const runningDeadline = async (id: string) =>
    (
      await stack.db.query<{ stage: string; deadline: Date; reason: string }>(
        `SELECT stage, deadline, reason FROM case_deadlines WHERE case_id = $1 AND ended_at IS NULL`,
        [id],
      )
    ).rows;
  const suspensions = async (id: string) =>
    (
      await stack.db.query<SuspensionRow>(
        `SELECT id, status, stage, reason, remaining_ms, resume_by, resume_cause, suspended_at, resumed_at FROM case_suspensions WHERE case_id = $1 ORDER BY requested_at`,
        [id],
      )
    ).rows;
  const events = async (id: string, types: string[]) =>
    (
      await stack.db.query<EventRow>(
        `SELECT type, actor_role, actor_name, note, data FROM case_events WHERE case_id = $1 AND type = ANY($2) ORDER BY id`,
        [id, types],
      )
    ).rows;
  const sweepers = (): SlaSweepService[] => [stack.worker!.get(SlaSweepService), second.get(SlaSweepService)];

  /** A heating case routed to the heating office and accepted there: its reply stage runs. */
  async function replyStageRunning(): Promise<{ id: string; deadline: Date }> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', heatingComplaint());
    expect(created.status).toBe(201);
    const id = created.body.id;
    await waitFor(async () => ((await caseRow(id)).status === 'dispatched' ? true : undefined), 30_000, 'automatic dispatch');
    expect((await act('staff-heating', id, 'accept')).status).toBe(200);
    const row = await caseRow(id);
    expect(row.sla_stage).toBe('reply');
    return { id, deadline: row.sla_deadline! };
  }

  it('suspend, approve, resume: the clock stops and the working minutes left are kept exactly', async () => {
    clock.set(new Date('2026-12-02T10:00:00+08:00')); // Wednesday
    const { id, deadline } = await replyStageRunning();

    clock.set(new Date('2026-12-04T10:00:00+08:00')); // Friday
    const asked = await act('staff-heating', id, 'suspend', { reason: 'beforeCourt', note: '当事双方已诉至法院' });
    expect(asked.status).toBe(200);
    // Asking stops nothing: the deadline runs until a supervisor approves.
    expect(await runningDeadline(id)).toEqual([expect.objectContaining({ stage: 'reply', deadline })]);
    expect((await act('staff-heating', id, 'suspend', { reason: 'beforeCourt', note: '再次' })).status).toBe(409);
    const actions = await stack.client.as<{ actions: string[] }>('supervisor', 'GET', `/api/v1/cases/${id}/actions`);
    expect(actions.body.actions).toContain('decideSuspension');
    // The supervisors' queue lists it, with who asked and why.
    const queue = await stack.client.as<Array<{ caseId: string; reason: string; requestedBy: string }>>(
      'supervisor',
      'GET',
      '/api/v1/suspensions?status=pending',
    );
    expect(queue.body.filter((s) => s.caseId === id)).toEqual([
      expect.objectContaining({ reason: 'beforeCourt', requestedBy: expect.any(String) as unknown }),
    ]);

    clock.set(new Date('2026-12-04T11:00:00+08:00'));
    const approved = await act('supervisor', id, 'suspension-decision', { decision: 'approve', note: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.sla).toMatchObject({ stage: 'reply', deadline: null, suspended: true });
    expect(await runningDeadline(id)).toEqual([]);
    // The business clock runs on from where the test set it: the instants are the ones the server read.
    const [suspension] = await suspensions(id);
    const left = workingTimeBetween(suspension.suspended_at!, deadline, calendar).workingMinutes;
    expect(suspension).toMatchObject({ status: 'active', stage: 'reply', reason: 'beforeCourt' });
    expect(Number(suspension.remaining_ms)).toBe(Math.round(left * 60_000));
    // The stage's timers are withdrawn through the outbox; the maximum's resume timer is scheduled.
    const outbox = await stack.db.query<{ job_name: string; action: string; deadline: string | null }>(
      `SELECT job_name, action, payload->>'deadline' AS deadline FROM outbox WHERE payload->>'caseId' = $1 ORDER BY id`,
      [id],
    );
    expect(outbox.rows).toEqual(
      expect.arrayContaining([
        { job_name: 'sla-breach', action: 'remove', deadline: deadline.toISOString() },
        { job_name: 'sla-resume', action: 'add', deadline: null },
      ]),
    );
    // While suspended, no breach is recorded at the old deadline.
    clock.set(new Date(deadline.getTime() + 60_000));
    await Promise.all(sweepers().map((s) => s.sweepNow()));
    expect(await events(id, ['slaBreached'])).toEqual([]);
    expect((await act('staff-heating', id, 'extension-requests', { days: 1, reason: '延期' })).status).toBe(409);

    clock.set(new Date(deadline.getTime() + 2 * 86_400_000));
    const resumed = await act('staff-heating', id, 'resume', { note: '法院已判决' });
    expect(resumed.status).toBe(200);
    const resumedAt = (await suspensions(id))[0].resumed_at!;
    const [running] = await runningDeadline(id);
    expect(running).toMatchObject({ stage: 'reply', reason: 'resumed' });
    expect(running.deadline).toEqual(addWorkingTime(resumedAt, left / 60, 'workingHours', calendar));
    expect(workingTimeBetween(resumedAt, running.deadline, calendar).workingMinutes * 60_000).toBeCloseTo(left * 60_000, 0);
    expect((await caseRow(id)).sla_deadline).toEqual(running.deadline);
    expect((await suspensions(id))[0]).toMatchObject({ status: 'ended', resume_cause: 'department' });

    const history = await events(id, ['suspensionRequested', 'suspended', 'suspensionRefused', 'resumed']);
    expect(history.map((e) => [e.type, e.actor_role, e.note])).toEqual([
      ['suspensionRequested', 'departmentStaff', '当事双方已诉至法院'],
      ['suspended', 'supervisor', '同意'],
      ['resumed', 'departmentStaff', '法院已判决'],
    ]);
    expect(history[0].data).toMatchObject({ reason: 'beforeCourt', stage: 'reply' });
    expect(history[2].data).toMatchObject({
      cause: 'department',
      remainingMs: Number(suspension.remaining_ms),
      inRates: 'excluded',
    });
  });

  it('a refused suspension leaves the clock running, with who refused and why', async () => {
    clock.set(new Date('2026-12-07T10:00:00+08:00'));
    const { id, deadline } = await replyStageRunning();
    expect((await act('staff-heating', id, 'suspend', { reason: 'citizenUnreachable', note: '电话无人接听' })).status).toBe(200);
    const refused = await act('supervisor', id, 'suspension-decision', { decision: 'refuse', note: '请继续联系' });
    expect(refused.status).toBe(200);
    expect(await runningDeadline(id)).toEqual([expect.objectContaining({ stage: 'reply', deadline })]);
    expect(await suspensions(id)).toEqual([expect.objectContaining({ status: 'refused', remaining_ms: null })]);
    expect((await events(id, ['suspensionRefused'])).map((e) => [e.actor_role, e.note])).toEqual([['supervisor', '请继续联系']]);
    // Nothing to decide or resume any more; a bad reason is a 400 naming the field.
    expect((await act('supervisor', id, 'suspension-decision', { decision: 'approve' })).status).toBe(409);
    expect((await act('staff-heating', id, 'resume')).status).toBe(409);
    const bad = await act('staff-heating', id, 'suspend', { reason: 'bored', note: 'x' });
    expect(bad.status).toBe(400);
    // A department not on the case may not ask.
    expect((await act('supervisor', id, 'suspend', { reason: 'beforeCourt', note: 'x' })).status).toBe(403);
    // A stage past its deadline is overdue, not running: too late to ask.
    clock.set(new Date(deadline.getTime() + 60_000));
    const late = await act('staff-heating', id, 'suspend', { reason: 'beforeCourt', note: '已诉至法院' });
    expect([late.status, late.body.error]).toEqual([409, 'ClockNotRunning']);
  });

  it('at the maximum suspension the clock resumes by itself, exactly once with timers and sweeps racing', async () => {
    clock.set(new Date('2026-12-08T10:00:00+08:00'));
    const { id, deadline } = await replyStageRunning();
    expect((await act('staff-heating', id, 'suspend', { reason: 'awaitingThirdParty', note: '等待燃气公司' })).status).toBe(200);
    clock.set(new Date('2026-12-08T14:00:00+08:00'));
    expect((await act('supervisor', id, 'suspension-decision', { decision: 'approve' })).status).toBe(200);
    const [suspension] = await suspensions(id);
    // The fallback policy's maximum: ten working days.
    expect(suspension.resume_by).toEqual(addWorkingTime(suspension.suspended_at!, 10, 'workingDays', calendar));
    const timerId = jobIdFor('sla-resume', { caseId: id, suspensionId: suspension.id });
    await waitFor(async () => ((await sla.getJob(timerId)) ? true : undefined), 30_000, 'resume timer');

    // Not yet due: a sweep changes nothing.
    await Promise.all(sweepers().map((s) => s.sweepNow()));
    expect((await suspensions(id))[0].status).toBe('active');

    clock.set(new Date(suspension.resume_by!.getTime() + 60_000));
    await Promise.all([(await sla.getJob(timerId))!.promote(), ...sweepers().flatMap((s) => [s.sweepNow(), s.sweepNow()])]);
    await waitFor(
      async () => ((await sla.getJobState(timerId)) === 'completed' ? true : undefined),
      30_000,
      'resume timer to run',
    );
    await Promise.all(sweepers().map((s) => s.sweepNow()));

    const resumed = await events(id, ['resumed']);
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({ actor_role: 'system', data: expect.objectContaining({ cause: 'maximum' }) as unknown });
    expect((await suspensions(id))[0]).toMatchObject({ status: 'ended', resume_cause: 'maximum' });
    const ended = (await suspensions(id))[0];
    const [running] = await runningDeadline(id);
    expect(workingTimeBetween(ended.resumed_at!, running.deadline, calendar).workingMinutes * 60_000).toBeCloseTo(
      workingTimeBetween(ended.suspended_at!, deadline, calendar).workingMinutes * 60_000,
      0,
    );
  });
});
