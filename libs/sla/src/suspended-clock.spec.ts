import { pauseClock, resumeClock, suspensionEnd } from './suspended-clock';
import { createWorkingCalendar } from './working-calendar';
import { workingTimeBetween } from './working-time';

const calendar = createWorkingCalendar();
const at = (iso: string) => new Date(iso);

describe('a suspended clock', () => {
  it('keeps the working time left exactly, laid out again from the resumption', () => {
    const running = { deadline: at('2027-03-05T16:00:00+08:00'), warnAt: at('2027-03-04T15:00:00+08:00') };
    const paused = pauseClock(at('2027-03-03T10:00:00+08:00'), running, 'workingDays', calendar);
    // Wednesday 10:00–17:30 (6.5 h), Thursday (8 h), Friday 08:30–16:00 (6.5 h).
    expect(paused.remainingMs).toBe(21 * 3_600_000);
    const resumedAt = at('2027-03-09T14:00:00+08:00');
    const resumed = resumeClock(resumedAt, paused, 'workingDays', calendar);
    // Tuesday 14:00–17:30, Wednesday, Thursday: 19.5 h; the last 1.5 h on Friday morning.
    expect(resumed.deadline).toEqual(at('2027-03-12T10:00:00+08:00'));
    expect(workingTimeBetween(resumedAt, resumed.deadline, calendar).workingMinutes * 60_000).toBe(paused.remainingMs);
    expect(workingTimeBetween(resumedAt, resumed.warnAt, calendar).workingMinutes * 60_000).toBe(paused.warnRemainingMs);
  });

  it('a warning already given is not given again: it stands at the new deadline', () => {
    const running = { deadline: at('2027-03-05T16:00:00+08:00'), warnAt: at('2027-03-03T09:00:00+08:00') };
    const paused = pauseClock(at('2027-03-03T10:00:00+08:00'), running, 'workingDays', calendar);
    expect(paused.warnRemainingMs).toBeNull();
    const resumed = resumeClock(at('2027-03-09T14:00:00+08:00'), paused, 'workingDays', calendar);
    expect(resumed.warnAt).toEqual(resumed.deadline);
  });

  it('an emergency stage keeps calendar time', () => {
    const paused = pauseClock(
      at('2027-03-06T23:50:00+08:00'),
      { deadline: at('2027-03-07T00:20:00+08:00'), warnAt: null },
      'minutes',
      calendar,
    );
    expect(paused.remainingMs).toBe(30 * 60_000);
    expect(resumeClock(at('2027-03-07T03:00:00+08:00'), paused, 'minutes', calendar).deadline).toEqual(
      at('2027-03-07T03:30:00+08:00'),
    );
  });

  it('resumes by itself after the maximum, counted on the calendar', () => {
    expect(suspensionEnd(at('2027-03-05T16:00:00+08:00'), { amount: 2, unit: 'workingDays' }, calendar)).toEqual(
      at('2027-03-09T16:00:00+08:00'),
    );
  });
});
