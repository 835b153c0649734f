import { statutoryDrift, statutorySnapshot } from './statutory-snapshot';
import { createWorkingCalendar, isWorkingDay } from './working-calendar';

describe('statutory snapshot and drift', () => {
  const calendar = createWorkingCalendar({ timeZone: 'Asia/Shanghai' });

  it('records the days off on weekdays and the worked weekends of the window, stably', () => {
    const snapshot = statutorySnapshot(calendar, '2026-11-29');
    expect(snapshot.from).toBe('2025-11-28');
    expect(snapshot.exceptions).toContain('2026-10-01'); // 国庆节, a Thursday
    expect(snapshot.exceptions).toContain('2026-01-04'); // a worked Sunday (元旦调休)
    expect(snapshot.exceptions).not.toContain('2026-11-30'); // an ordinary Monday
    expect(statutorySnapshot(calendar, '2026-11-29').fingerprint).toBe(snapshot.fingerprint);
  });

  it('a day the package changed is found, with the calendar as it was before', () => {
    const current = statutorySnapshot(calendar, '2026-11-29');
    // The package the deadlines were computed with had 1 October 2026 as a working day.
    const stored = { ...current, exceptions: current.exceptions.filter((d) => d !== '2026-10-01'), fingerprint: 'older' };
    const change = statutoryDrift(stored, current, calendar);
    expect(change.changedDays).toEqual(['2026-10-01']);
    expect(isWorkingDay('2026-10-01', change.before)).toBe(true);
    expect(isWorkingDay('2026-10-01', change.after)).toBe(false);
    expect(change.why).toContain('2026-10-01');
  });

  it("a day the district overrides is the district's, whatever the package says", () => {
    const withOverride = createWorkingCalendar({
      timeZone: 'Asia/Shanghai',
      overrides: [{ date: '2026-10-01', working: false }],
    });
    const current = statutorySnapshot(withOverride, '2026-11-29');
    const stored = { ...current, exceptions: current.exceptions.filter((d) => d !== '2026-10-01') };
    expect(statutoryDrift(stored, current, withOverride).changedDays).toEqual([]);
  });

  it('only the days both windows cover are compared', () => {
    const later = statutorySnapshot(calendar, '2027-06-01');
    const earlier = statutorySnapshot(calendar, '2026-11-29');
    expect(statutoryDrift(earlier, later, calendar).changedDays).toEqual([]);
  });
});
