import { addWorkingTime, createWorkingCalendar, type SlaUnit } from '@hotline/sla';
import { useStack, type ErrorBody } from '@hotline/testing';

/** The preview's answer: the deadline in the district's offset and where its days came from. */
interface DeadlinePreview {
  deadline: string;
  calendar: string;
}

describe('GET /api/v1/calendar/deadline (deadline preview)', () => {
  const stack = useStack({ worker: false });
  const preview = <T = DeadlinePreview>(query: string) =>
    stack.client.as<T>('operator', 'GET', `/api/v1/calendar/deadline?${query}`);
  const q = (start: string, amount: number | string, unit: string) =>
    `start=${encodeURIComponent(start)}&amount=${amount}&unit=${unit}`;

  it('skips National Day 2026: one working day from Sep 30 10:00 ends Oct 8 10:00, in the district offset', async () => {
    const r = await preview(q('2026-09-30T10:00:00+08:00', 1, 'workingDays'));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ deadline: '2026-10-08T10:00:00.000+08:00', calendar: 'official' });
  });

  it('counts the adjusted working Saturday Oct 10 2026 and skips Spring Festival 2026', async () => {
    expect((await preview(q('2026-10-09T10:00:00+08:00', 1, 'workingDays'))).body.deadline).toBe('2026-10-10T10:00:00.000+08:00');
    // Spring Festival 2026: Saturday Feb 14 is a working day, Feb 15–23 are off.
    const spring = await preview(q('2026-02-14T10:00:00+08:00', 1, 'workingDays'));
    expect(spring.status).toBe(200);
    expect(spring.body.deadline).toBe('2026-02-24T10:00:00.000+08:00');
    // The same answer the library gives with the statutory calendar (the seeded override changes nothing).
    const expected = addWorkingTime(new Date('2026-02-14T10:00:00+08:00'), 1, 'workingDays', createWorkingCalendar());
    expect(new Date(spring.body.deadline).getTime()).toBe(expected.getTime());
  });

  it.each<[string, number, SlaUnit]>([
    ['2025-12-31T17:00:00+08:00', 1, 'workingHours'],
    ['2026-04-30T09:00:00+08:00', 3, 'workingDays'],
    ['2026-10-01T23:50:00+08:00', 30, 'minutes'],
    ['2026-06-05T07:00:00Z', 2.5, 'workingHours'],
  ])('agrees with libs/sla for %s + %s %s', async (start, amount, unit) => {
    const r = await preview(q(start, amount, unit));
    expect(r.status).toBe(200);
    expect(r.body.deadline).toMatch(/\+08:00$/);
    expect(new Date(r.body.deadline).toISOString()).toBe(
      addWorkingTime(new Date(start), amount, unit, createWorkingCalendar()).toISOString(),
    );
  });

  it('names every bad field with 400', async () => {
    const r = await preview<ErrorBody>('start=yesterday&amount=-1&unit=fortnights');
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['amount', 'start', 'unit']);
    const missing = await preview<ErrorBody>('');
    expect(missing.status).toBe(400);
    expect(new Set(missing.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['start', 'amount', 'unit']));
  });

  it('refuses fractional working days as a named field', async () => {
    const r = await preview<ErrorBody>(q('2026-09-30T10:00:00+08:00', 1.5, 'workingDays'));
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([expect.objectContaining({ field: 'amount' })]);
  });

  it('needs a signed-in user', async () => {
    const r = await stack.client.request('GET', `/api/v1/calendar/deadline?${q('2026-09-30T10:00:00+08:00', 1, 'workingDays')}`);
    expect(r.status).toBe(401);
  });
});
