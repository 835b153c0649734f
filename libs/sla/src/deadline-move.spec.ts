import { createWorkingCalendar, movedDeadline } from './index';

const plain = createWorkingCalendar();
/** Saturday 20 February 2027 made a working day, Friday 19 February a day off (both by override, for the test). */
const changed = createWorkingCalendar({
  overrides: [
    { date: '2027-02-20', working: true, note: 'test' },
    { date: '2027-02-19', working: false, note: 'test' },
  ],
});
const at = (iso: string) => new Date(iso);

describe('movedDeadline', () => {
  it('keeps a stage of working days at its number of working days, time of day included', () => {
    // Thursday 10:00 + 1 working day: Friday 10:00 before; Friday off and Saturday worked: Saturday 10:00.
    const running = {
      startedAt: at('2027-02-18T10:00:00+08:00'),
      deadline: at('2027-02-19T10:00:00+08:00'),
      warnAt: at('2027-02-19T09:00:00+08:00'),
      unit: 'workingDays' as const,
    };
    expect(movedDeadline(running, plain, changed)).toEqual({
      deadline: at('2027-02-20T10:00:00+08:00'),
      warnAt: at('2027-02-20T09:00:00+08:00'),
      calendar: 'predicted',
    });
  });

  it('keeps the working hours of a stage in hours', () => {
    // Thursday 16:30 + 4 working hours: Friday 11:30 before; with Friday off and Saturday worked, Saturday 11:30.
    const running = {
      startedAt: at('2027-02-18T16:30:00+08:00'),
      deadline: at('2027-02-19T11:30:00+08:00'),
      warnAt: at('2027-02-19T09:30:00+08:00'),
      unit: 'workingHours' as const,
    };
    expect(movedDeadline(running, plain, changed)).toMatchObject({
      deadline: at('2027-02-20T11:30:00+08:00'),
      warnAt: at('2027-02-20T09:30:00+08:00'),
    });
  });

  it('keeps a deadline that stood at an opening at an opening, not at the closing time before it', () => {
    // Dispatched Thursday 10:00, one working day counted from the next midnight: Monday 08:30 before.
    // Friday off and Saturday worked: still Monday 08:30 (counting starts Saturday 08:30).
    const running = {
      startedAt: at('2027-02-18T10:00:00+08:00'),
      deadline: at('2027-02-22T08:30:00+08:00'),
      warnAt: at('2027-02-19T14:30:00+08:00'),
      unit: 'workingDays' as const,
    };
    expect(movedDeadline(running, plain, changed)).toBeNull();
    const friday = createWorkingCalendar({ overrides: [{ date: '2027-02-20', working: true, note: 'test' }] });
    // Saturday worked, Friday too: one working day from Friday 08:30 is Saturday 08:30, not Friday 17:30.
    expect(movedDeadline(running, plain, friday)).toMatchObject({ deadline: at('2027-02-20T08:30:00+08:00') });
  });

  it('moves a deadline at the opening of a day that is no longer worked to the next opening', () => {
    // One working day counted from Friday's midnight: Saturday 08:30 while Saturday was worked; once it
    // is not, Monday 08:30, though the working time before it is the same.
    const running = {
      startedAt: at('2027-02-18T10:00:00+08:00'),
      deadline: at('2027-02-20T08:30:00+08:00'),
      warnAt: at('2027-02-19T14:30:00+08:00'),
      unit: 'workingDays' as const,
    };
    const saturday = createWorkingCalendar({ overrides: [{ date: '2027-02-20', working: true, note: 'test' }] });
    expect(movedDeadline(running, saturday, plain)).toMatchObject({ deadline: at('2027-02-22T08:30:00+08:00') });
  });

  it('leaves a stage whose working time the change does not alter (a day off swapped for a day worked inside it)', () => {
    const running = {
      startedAt: at('2027-02-18T10:00:00+08:00'),
      deadline: at('2027-02-22T10:00:00+08:00'),
      warnAt: at('2027-02-18T14:00:00+08:00'),
      unit: 'workingDays' as const,
    };
    expect(movedDeadline(running, plain, changed)).toBeNull();
  });

  it('leaves a stage the change does not touch, and calendar-minute stages', () => {
    const before = {
      startedAt: at('2027-02-15T10:00:00+08:00'),
      deadline: at('2027-02-16T10:00:00+08:00'),
      warnAt: at('2027-02-16T08:30:00+08:00'),
      unit: 'workingDays' as const,
    };
    expect(movedDeadline(before, plain, changed)).toBeNull();
    const emergency = {
      startedAt: at('2027-02-19T10:00:00+08:00'),
      deadline: at('2027-02-19T10:30:00+08:00'),
      warnAt: at('2027-02-19T10:20:00+08:00'),
      unit: 'minutes' as const,
    };
    expect(movedDeadline(emergency, plain, changed)).toBeNull();
  });
});
