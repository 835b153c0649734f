import { execFileSync } from 'node:child_process';
import {
  DEFAULT_OFFICE_HOURS,
  SlaArgumentInvalid,
  SlaCalendarInvalid,
  createWorkingCalendar,
  describeDay,
  isWorkingDay,
  statutoryHolidayCoverage,
} from './index';

const cal = createWorkingCalendar();

function problemFields(attempt: () => unknown): string[] {
  try {
    attempt();
  } catch (error) {
    return (error as SlaCalendarInvalid).details.map((problem) => problem.field);
  }
  return [];
}

function workingDays(dates: string[]): Record<string, boolean> {
  return Object.fromEntries(dates.map((date) => [date, isWorkingDay(date, cal)]));
}

describe('createWorkingCalendar', () => {
  it('defaults to Asia/Shanghai, 08:30–12:00 and 13:00–17:30, no overrides', () => {
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.officeHours).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    expect(cal.officeHours).toEqual(DEFAULT_OFFICE_HOURS);
    expect(cal.overrides).toEqual([]);
    expect(Object.isFrozen(cal)).toBe(true);
  });

  it('sorts office hours and canonicalises the zone name', () => {
    const custom = createWorkingCalendar({
      timeZone: 'asia/shanghai',
      officeHours: [
        { start: '14:00', end: '18:00' },
        { start: '09:00', end: '12:00' },
      ],
    });
    expect(custom.timeZone).toBe('Asia/Shanghai');
    expect(custom.officeHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
  });

  it('refuses an unknown zone, bad or overlapping office hours and bad overrides, naming each problem', () => {
    const attempt = (): unknown =>
      createWorkingCalendar({
        timeZone: 'Asia/Dalian',
        officeHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
          { start: '9:00', end: '10:00' },
        ],
        overrides: [
          { date: '2025-02-30', working: true },
          { date: '2025-10-08', working: true },
          { date: '2025-10-08', working: false },
        ],
      });
    expect(attempt).toThrow(SlaCalendarInvalid);
    expect(problemFields(attempt)).toEqual(['timeZone', 'officeHours[2]', 'officeHours', 'overrides[0].date', 'overrides[2]']);
    expect(() => createWorkingCalendar({ officeHours: [] })).toThrow(SlaCalendarInvalid);
    expect(() => createWorkingCalendar({ officeHours: [{ start: '12:00', end: '12:00' }] })).toThrow(SlaCalendarInvalid);
  });
});

describe('isWorkingDay: PRC statutory calendar from chinese-days', () => {
  it('Spring Festival 2025: Jan 28–Feb 4 off, Sunday Jan 26 and Saturday Feb 8 worked', () => {
    expect(
      workingDays([
        '2025-01-24',
        '2025-01-25',
        '2025-01-26',
        '2025-01-27',
        '2025-01-28',
        '2025-02-04',
        '2025-02-05',
        '2025-02-08',
        '2025-02-09',
      ]),
    ).toEqual({
      '2025-01-24': true,
      '2025-01-25': false,
      '2025-01-26': true,
      '2025-01-27': true,
      '2025-01-28': false,
      '2025-02-04': false,
      '2025-02-05': true,
      '2025-02-08': true,
      '2025-02-09': false,
    });
  });

  it('Spring Festival 2026: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked', () => {
    expect(
      workingDays([
        '2026-02-13',
        '2026-02-14',
        '2026-02-15',
        '2026-02-20',
        '2026-02-23',
        '2026-02-24',
        '2026-02-28',
        '2026-03-01',
      ]),
    ).toEqual({
      '2026-02-13': true,
      '2026-02-14': true,
      '2026-02-15': false,
      '2026-02-20': false,
      '2026-02-23': false,
      '2026-02-24': true,
      '2026-02-28': true,
      '2026-03-01': false,
    });
  });

  it('National Day and Mid-Autumn 2025 merged: Oct 1–8 off, Sunday Sep 28 and Saturday Oct 11 worked', () => {
    expect(
      workingDays([
        '2025-09-27',
        '2025-09-28',
        '2025-09-30',
        '2025-10-01',
        '2025-10-06',
        '2025-10-08',
        '2025-10-09',
        '2025-10-11',
        '2025-10-12',
      ]),
    ).toEqual({
      '2025-09-27': false,
      '2025-09-28': true,
      '2025-09-30': true,
      '2025-10-01': false,
      '2025-10-06': false,
      '2025-10-08': false,
      '2025-10-09': true,
      '2025-10-11': true,
      '2025-10-12': false,
    });
  });

  it('2026 as chinese-days has it: Mid-Autumn Sep 25–27 and National Day Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked', () => {
    expect(
      workingDays([
        '2026-09-19',
        '2026-09-20',
        '2026-09-24',
        '2026-09-25',
        '2026-09-28',
        '2026-09-30',
        '2026-10-01',
        '2026-10-07',
        '2026-10-08',
        '2026-10-10',
        '2026-10-11',
      ]),
    ).toEqual({
      '2026-09-19': false,
      '2026-09-20': true,
      '2026-09-24': true,
      '2026-09-25': false,
      '2026-09-28': true,
      '2026-09-30': true,
      '2026-10-01': false,
      '2026-10-07': false,
      '2026-10-08': true,
      '2026-10-10': true,
      '2026-10-11': false,
    });
  });

  it('New Year 2026: Jan 1–3 off, Sunday Jan 4 worked; New Year 2025: only Jan 1 off', () => {
    expect(workingDays(['2025-12-31', '2026-01-01', '2026-01-03', '2026-01-04', '2025-01-01', '2025-01-02'])).toEqual({
      '2025-12-31': true,
      '2026-01-01': false,
      '2026-01-03': false,
      '2026-01-04': true,
      '2025-01-01': false,
      '2025-01-02': true,
    });
  });

  it('predicts the years chinese-days has no arrangement for, never falling back to plain Monday–Friday', () => {
    const coverage = statutoryHolidayCoverage();
    const beyond = coverage.lastYear + 1;
    expect(describeDay(`${beyond}-01-01`, cal)).toMatchObject({ working: false, source: 'predicted', note: '元旦' });
    expect(workingDays(['2030-10-01', '2030-10-07', '2030-10-08'])).toEqual({
      '2030-10-01': false, // Tuesday, National Day by law
      '2030-10-07': false, // Monday, the 7th predicted day
      '2030-10-08': true,
    });
    // Without prediction, only the days fixed by law are off.
    const lawOnly = createWorkingCalendar({ prediction: false });
    expect(describeDay('2030-10-01', lawOnly)).toEqual({ date: '2030-10-01', working: false, source: 'law', note: '国庆节' });
    expect(describeDay('2030-10-07', lawOnly)).toEqual({ date: '2030-10-07', working: true, source: 'weekday' });
  });

  it('refuses a date that is not YYYY-MM-DD or not real', () => {
    expect(() => isWorkingDay('2025-2-3', cal)).toThrow(SlaArgumentInvalid);
    expect(() => isWorkingDay('2025-02-29', cal)).toThrow(SlaArgumentInvalid);
  });
});

describe('overrides win over chinese-days', () => {
  const district = createWorkingCalendar({
    overrides: [
      { date: '2025-10-08', working: true, note: '区政务服务中心节后提前复岗' },
      { date: '2025-09-28', working: false, note: '停电检修，全区机关停止办公' },
      { date: '2025-03-15', working: true },
    ],
  });

  it('a declared working day inside a statutory holiday, a cancelled adjusted working Sunday, a worked Saturday', () => {
    expect(isWorkingDay('2025-10-08', district)).toBe(true);
    expect(isWorkingDay('2025-09-28', district)).toBe(false);
    expect(isWorkingDay('2025-03-15', district)).toBe(true);
    expect(isWorkingDay('2025-10-07', district)).toBe(false);
    // the package's own answer stands on other calendars
    expect(isWorkingDay('2025-10-08', cal)).toBe(false);
  });

  it('describeDay says where each answer comes from', () => {
    expect(describeDay('2025-10-08', district)).toEqual({
      date: '2025-10-08',
      working: true,
      source: 'override',
      note: '区政务服务中心节后提前复岗',
    });
    expect(describeDay('2025-10-07', district)).toEqual({
      date: '2025-10-07',
      working: false,
      source: 'official',
      note: '国庆节',
    });
    expect(describeDay('2025-10-06', district)).toEqual({ date: '2025-10-06', working: false, source: 'official', note: '中秋' });
    expect(describeDay('2026-02-14', district)).toEqual({ date: '2026-02-14', working: true, source: 'official', note: '春节' });
    expect(describeDay('2025-03-14', district)).toEqual({ date: '2025-03-14', working: true, source: 'official' });
  });

  it('a copied calendar value (e.g. spread or deserialised) keeps its overrides', () => {
    const copy = JSON.parse(JSON.stringify(district)) as typeof district;
    expect(isWorkingDay('2025-10-08', copy)).toBe(true);
    expect(isWorkingDay('2025-09-28', { ...district })).toBe(false);
  });
});

describe('statutory data', () => {
  // chinese-days' own isWorkday is only right when the process's zone is east of UTC (see
  // statutory-calendar.ts), so the package is asked in a child process that runs in Beijing time;
  // our calendar, which must not depend on the zone, is asked here in whatever zone the run has.
  function packagedWorkdays(): Record<string, boolean> {
    const script = `
      const { isWorkday } = require('chinese-days');
      const out = {};
      for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86400000) {
        const d = new Date(t).toISOString().slice(0, 10);
        out[d] = isWorkday(d);
      }
      process.stdout.write(JSON.stringify(out));`;
    const output = execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      cwd: process.cwd(),
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(output.toString('utf8')) as Record<string, boolean>;
  }

  it("agrees with chinese-days' isWorkday (asked in Beijing time) on every day from 2004 to 2026", () => {
    const packaged = packagedWorkdays();
    const disagreements = Object.entries(packaged)
      .filter(([date, working]) => isWorkingDay(date, cal) !== working)
      .map(([date]) => date);
    expect(Object.keys(packaged)).toHaveLength(8401);
    expect(disagreements).toEqual([]);
  });

  it('covers 2004 to 2026', () => {
    expect(statutoryHolidayCoverage()).toEqual({ firstYear: 2004, lastYear: 2026 });
  });
});
