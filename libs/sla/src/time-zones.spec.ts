import { addWorkingTime, createWorkingCalendar, workingTimeBetween } from './index';
import { ZoneClock } from './zone-clock';

/*
 * Xigang runs on Asia/Shanghai, which has had no daylight saving time since 1991, so these tests use
 * other zones (and Shanghai's own 1986–1991 summer time) to prove that nothing assumes +08:00.
 */

const iso = (date: Date): string => date.toISOString();
const utc = (text: string): string => new Date(text).toISOString();

describe('any IANA zone, including daylight saving time', () => {
  const newYork = createWorkingCalendar({ timeZone: 'America/New_York' });

  it('working days keep the local time of day across the spring-forward weekend', () => {
    expect(iso(addWorkingTime(new Date('2025-03-07T10:00-05:00'), 1, 'workingDays', newYork))).toBe(
      utc('2025-03-10T10:00-04:00'),
    );
  });

  it('working hours continue at the local opening after the change', () => {
    expect(iso(addWorkingTime(new Date('2025-03-07T16:00-05:00'), 3, 'workingHours', newYork))).toBe(
      utc('2025-03-10T10:00-04:00'),
    );
    expect(
      workingTimeBetween(new Date('2025-03-07T16:00-05:00'), new Date('2025-03-10T10:00-04:00'), newYork).workingMinutes,
    ).toBe(180);
  });

  it('the calendar clock counts real minutes through the skipped hour', () => {
    expect(iso(addWorkingTime(new Date('2025-03-09T01:50-05:00'), 15, 'minutes', newYork))).toBe(utc('2025-03-09T03:05-04:00'));
  });

  it('office hours that straddle the change count the real elapsed time', () => {
    const berlin = createWorkingCalendar({
      timeZone: 'Europe/Berlin',
      officeHours: [{ start: '01:00', end: '04:00' }],
      overrides: [{ date: '2025-03-30', working: true }],
    });
    // 01:00 CET to 04:00 CEST is two hours: 02:00–03:00 does not exist that night.
    expect(
      workingTimeBetween(new Date('2025-03-30T00:00+01:00'), new Date('2025-03-30T23:00+02:00'), berlin).workingMinutes,
    ).toBe(120);
    expect(iso(addWorkingTime(new Date('2025-03-30T01:30+01:00'), 1, 'workingHours', berlin))).toBe(
      utc('2025-03-30T03:30+02:00'),
    );
  });

  it('half-hour offsets work (Asia/Kolkata, +05:30)', () => {
    const kolkata = createWorkingCalendar({ timeZone: 'Asia/Kolkata' });
    expect(iso(addWorkingTime(new Date('2025-03-03T17:00+05:30'), 1, 'workingHours', kolkata))).toBe(
      utc('2025-03-04T09:00+05:30'),
    );
  });

  it("Shanghai's own summer time of 1988 (+09:00) is honoured", () => {
    const shanghai = createWorkingCalendar();
    expect(iso(addWorkingTime(new Date('1988-07-04T08:30+09:00'), 1, 'workingHours', shanghai))).toBe(
      utc('1988-07-04T09:30+09:00'),
    );
  });
});

describe('ZoneClock', () => {
  const clock = new ZoneClock('America/New_York');

  it('reads the offset in force at an instant', () => {
    expect(clock.offsetAt(Date.parse('2025-01-15T12:00:00Z'))).toBe(-5 * 3_600_000);
    expect(clock.offsetAt(Date.parse('2025-07-15T12:00:00Z'))).toBe(-4 * 3_600_000);
    expect(new ZoneClock('Asia/Shanghai').offsetAt(Date.parse('2025-07-15T12:00:00Z'))).toBe(8 * 3_600_000);
  });

  it('maps a repeated wall time to its earlier instant and a skipped one forward by the gap', () => {
    expect(iso(new Date(clock.wallToInstant(Date.UTC(2025, 10, 2, 1, 30))))).toBe(utc('2025-11-02T01:30-04:00'));
    expect(iso(new Date(clock.wallToInstant(Date.UTC(2025, 2, 9, 2, 30))))).toBe(utc('2025-03-09T03:30-04:00'));
    expect(iso(new Date(clock.wallToInstant(Date.UTC(2025, 6, 1, 9, 0))))).toBe(utc('2025-07-01T09:00-04:00'));
  });
});
