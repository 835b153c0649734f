import { ManualClock } from '@hotline/clock';
import type { CalendarStatus } from '@hotline/sla';
import { heatingComplaint, useStack, waitFor, type CaseBody, type ErrorBody, type Wire } from '@hotline/testing';

/** /health/details, the parts these tests read. */
interface HealthDetailsBody {
  status: string;
  components: Record<string, unknown>;
}
import { SlaSweepService } from '../../apps/worker/src/sla/sla-sweep.service';

/**
 * Deadlines in a year without an official arrangement (2027, as chinese-days 1.5.7 stops at 2026), the
 * calendar's state, and time left in the stage's own unit, with the business clock set by the test.
 * Expected dates are written out by hand.
 */
describe('deadlines reaching into 2027, the calendar state and time left in the stage unit', () => {
  const clock = new ManualClock();
  const stack = useStack({ clock, overrides: { SLA_SWEEP_MS: '0' } });

  const caseRow = async (id: string) =>
    (
      await stack.db.query<{ status: string; sla_stage: string | null; sla_deadline: Date }>(
        `SELECT status, sla_stage, sla_deadline FROM cases WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const view = async (id: string) => (await stack.client.as<CaseBody>('supervisor', 'GET', `/api/v1/cases/${id}`)).body;

  async function dispatched(body: Record<string, unknown>): Promise<{ id: string; deadline: Date }> {
    const created = await stack.client.as<CaseBody>('operator', 'POST', '/api/v1/cases', body);
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const row = await waitFor(
      async () => {
        const r = await caseRow(id);
        return r.status === 'dispatched' ? r : undefined;
      },
      10_000,
      'automatic dispatch',
    );
    return { id, deadline: row.sla_deadline };
  }

  it('a case taken in on 2026-12-31 gets its deadline after the New Year holiday, on predicted days', async () => {
    clock.set(new Date('2026-12-31T10:00:00+08:00'));
    const { id, deadline } = await dispatched(heatingComplaint());
    // Default policy: accept within 1 working day counted from the next midnight. 1–3 January 2027
    // (Friday to Sunday) are off, so counting starts Monday 08:30 and ends Tuesday 08:30.
    expect(deadline.toISOString()).toBe(new Date('2027-01-05T08:30:00+08:00').toISOString());
    const sla = (await view(id)).sla;
    expect(sla).toMatchObject({
      stage: 'accept',
      deadline: '2027-01-05T08:30:00.000+08:00',
      unit: 'workingDays',
      calendar: 'predicted',
    });
    expect(sla.deadlines).toEqual([expect.objectContaining({ stage: 'accept', unit: 'workingDays', calendar: 'predicted' })]);
    const [row] = (
      await stack.db.query<{ unit: string | null; calendar: string | null }>(
        `SELECT unit, calendar FROM case_deadlines WHERE case_id = $1`,
        [id],
      )
    ).rows;
    expect(row).toEqual({ unit: 'workingDays', calendar: 'predicted' });
  });

  it('the deadline preview answers the day after New Year 2027 and says the days are predicted', async () => {
    const r = await stack.client.as(
      'operator',
      'GET',
      `/api/v1/calendar/deadline?start=${encodeURIComponent('2026-12-31T10:00:00+08:00')}&amount=1&unit=workingDays`,
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ deadline: '2027-01-04T10:00:00.000+08:00', calendar: 'predicted' });
    // A day before National Day 2027 (Fri 1 – Thu 7 October predicted) ends on Friday 8 October.
    const national = await stack.client.as(
      'operator',
      'GET',
      `/api/v1/calendar/deadline?start=${encodeURIComponent('2027-09-30T10:00:00+08:00')}&amount=1&unit=workingDays`,
    );
    expect(national.body).toEqual({ deadline: '2027-10-08T10:00:00.000+08:00', calendar: 'predicted' });
  });

  it('the calendar is degraded in November and December 2026, naming 2027; ok in October', async () => {
    clock.set(new Date('2026-10-31T12:00:00+08:00'));
    const october = await stack.client.as<Wire<CalendarStatus>>('admin', 'GET', '/api/v1/calendar/status');
    expect(october.status).toBe(200);
    expect(october.body).toMatchObject({ status: 'ok', today: '2026-10-31', predictedYears: [], reason: null });
    const octoberHealth = await stack.client.as<HealthDetailsBody>('admin', 'GET', '/health/details');
    expect(octoberHealth.body.components.calendar).toMatchObject({ status: 'up', officialThrough: 2026, predictedYears: [] });

    for (const at of ['2026-11-01T00:05:00+08:00', '2026-12-31T23:00:00+08:00']) {
      clock.set(new Date(at));
      const r = await stack.client.as<Wire<CalendarStatus>>('admin', 'GET', '/api/v1/calendar/status');
      expect(r.body).toMatchObject({
        status: 'degraded',
        officialThrough: 2026,
        predictedYears: [2027],
        years: [
          { year: 2026, source: 'official' },
          { year: 2027, source: 'predicted' },
        ],
      });
      expect(r.body.reason).toContain('2027');
      // The health contract (issue 10) says the same: degraded, still serving.
      const health = await stack.client.as<HealthDetailsBody>('admin', 'GET', '/health/details');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('degraded');
      expect(health.body.components.calendar).toMatchObject({
        status: 'degraded',
        officialThrough: 2026,
        predictedYears: [2027],
      });
      expect((await stack.client.request('GET', '/health')).body).toEqual({ status: 'ok' });
    }
    expect((await stack.client.as('supervisor', 'GET', '/api/v1/calendar/status')).status).toBe(403);
  });

  it("an emergency case's time left counts down in calendar minutes on a Sunday and goes negative when overdue", async () => {
    clock.set(new Date('2026-12-06T10:00:00+08:00')); // a Sunday
    const { id, deadline } = await dispatched(heatingComplaint({ priority: 'emergency' }));
    // heating-emergency: accept within 30 minutes of calendar time.
    const first = (await view(id)).sla;
    expect(first).toMatchObject({ stage: 'accept', unit: 'minutes', calendar: 'official' });
    expect(first.minutesLeft).toBeGreaterThanOrEqual(29);
    expect(first.minutesLeft).toBeLessThanOrEqual(30);
    // Office-hour minutes are none on a Sunday: what the console used to show.
    expect(first.workingMinutesLeft).toBe(0);

    clock.set(new Date(deadline.getTime() - 10 * 60_000));
    expect((await view(id)).sla).toMatchObject({ minutesLeft: 10, state: 'warning' });

    clock.set(new Date(deadline.getTime() + 5 * 60_000));
    expect((await view(id)).sla).toMatchObject({ minutesLeft: -5, state: 'overdue' });

    // The breach's note names the deadline in the district's time.
    await stack.worker!.get(SlaSweepService).sweepNow();
    const { rows } = await stack.db.query<{ note: string | null }>(
      `SELECT note FROM case_events WHERE case_id = $1 AND type = 'slaBreached'`,
      [id],
    );
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(deadline);
    expect(rows).toEqual([
      {
        note: expect.stringMatching(
          new RegExp(`^accept deadline 2026-12-06T${local}:\\d{2}\\.\\d{3}\\+08:00 passed$`),
        ) as unknown,
      },
    ]);
  });

  it('a day off by law becomes a working day only by an override with a reason', async () => {
    const refused = await stack.client.as<ErrorBody>('admin', 'PUT', '/api/v1/calendar/overrides/2027-10-01', {
      working: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'note', reason: expect.stringContaining('国庆节') as unknown }]);
    expect(
      (await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM holiday_overrides WHERE date = '2027-10-01'`)).rows[0]
        .n,
    ).toBe(0);

    const saved = await stack.client.as('admin', 'PUT', '/api/v1/calendar/overrides/2027-10-01', {
      working: true,
      note: '防汛应急，全区机关上班',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ date: '2027-10-01', working: true, note: '防汛应急，全区机关上班' });
    const preview = await stack.client.as(
      'operator',
      'GET',
      `/api/v1/calendar/deadline?start=${encodeURIComponent('2027-09-30T10:00:00+08:00')}&amount=1&unit=workingDays`,
    );
    expect(preview.body).toEqual({ deadline: '2027-10-01T10:00:00.000+08:00', calendar: 'predicted' });
    expect((await stack.client.as('admin', 'DELETE', '/api/v1/calendar/overrides/2027-10-01')).status).toBe(204);
  });
});
