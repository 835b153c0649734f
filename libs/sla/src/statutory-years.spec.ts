import chineseDays from 'chinese-days/dist/chinese-days.json';
import {
  addWorkingTime,
  calendarStatus,
  createWorkingCalendar,
  deadlineCalendar,
  describeDay,
  festivalDays,
  lawDaysOff,
  minutesLeft,
  SlaCalendarInvalid,
  type SlaUnit,
} from './index';
import { comparePredictionWithOfficial } from './prediction-check';
import { formatCivilDate } from './zone-clock';

/*
 * Every expected date here is written out by hand (checked against published lunar calendars), never
 * computed by the code under test. The suite is run under TZ=UTC, TZ=Asia/Shanghai and
 * TZ=America/New_York (see README "Testing"): chinese-days' lunar functions read the process's zone.
 */

const cal = createWorkingCalendar();
const lawOnly = createWorkingCalendar({ prediction: false });
const dates = (days: Iterable<number>): string[] => [...days].map(formatCivilDate).sort();
const at = (text: string): Date => new Date(text);
const iso = (date: Date): string => date.toISOString();

describe('festival days from the lunar calendar and the solar terms', () => {
  it.each([
    [
      2025,
      {
        newYearsEve: '2025-01-28',
        springFestival: '2025-01-29',
        qingming: '2025-04-04',
        dragonBoat: '2025-05-31',
        midAutumn: '2025-10-06',
      },
    ],
    [
      2026,
      {
        newYearsEve: '2026-02-16',
        springFestival: '2026-02-17',
        qingming: '2026-04-05',
        dragonBoat: '2026-06-19',
        midAutumn: '2026-09-25',
      },
    ],
    [
      2027,
      {
        newYearsEve: '2027-02-05',
        springFestival: '2027-02-06',
        qingming: '2027-04-05',
        dragonBoat: '2027-06-09',
        midAutumn: '2027-09-15',
      },
    ],
    // 2028 has a leap fifth month (闰五月): 端午 is in the first fifth month.
    [
      2028,
      {
        newYearsEve: '2028-01-25',
        springFestival: '2028-01-26',
        qingming: '2028-04-04',
        dragonBoat: '2028-05-28',
        midAutumn: '2028-10-03',
      },
    ],
    [
      2029,
      {
        newYearsEve: '2029-02-12',
        springFestival: '2029-02-13',
        qingming: '2029-04-04',
        dragonBoat: '2029-06-16',
        midAutumn: '2029-09-22',
      },
    ],
    [
      2030,
      {
        newYearsEve: '2030-02-02',
        springFestival: '2030-02-03',
        qingming: '2030-04-05',
        dragonBoat: '2030-06-05',
        midAutumn: '2030-09-12',
      },
    ],
  ])('%i', (year, expected) => {
    const days = festivalDays(year);
    expect(Object.fromEntries(Object.entries(days).map(([name, day]: [string, number]) => [name, formatCivilDate(day)]))).toEqual(
      expected,
    );
  });

  it("agree with chinese-days' official holidays for every year it holds (2004–2026)", () => {
    const holidays: Record<string, string> = chineseDays.holidays;
    const nameOf = (day: number): string | undefined => holidays[formatCivilDate(day)]?.split(',')[1];
    const named = (day: number, names: string[]): boolean =>
      [0, -1, 1, -2, 2, -3, 3].some((shift) => names.includes(nameOf(day + shift) ?? ''));
    const problems: string[] = [];
    const years = Object.keys(holidays).map((date) => Number(date.slice(0, 4)));
    for (let year = Math.min(...years); year <= Math.max(...years); year += 1) {
      const days = festivalDays(year);
      // The festival day itself is off, and that holiday is named on it or next to it (a weekend day
      // inside a holiday is not always listed).
      const check = (label: string, day: number, names: string[]) => {
        if (!nameOf(day) && new Date(day * 86_400_000).getUTCDay() % 6 !== 0)
          problems.push(`${year} ${label} ${formatCivilDate(day)} is not off`);
        if (!named(day, names)) problems.push(`${year} ${label} ${formatCivilDate(day)} is not in ${names.join('/')}`);
      };
      check('春节', days.springFestival, ['春节']);
      // Qingming, Dragon Boat and Mid-Autumn have been public holidays since 2008.
      if (year >= 2008) {
        check('清明', days.qingming, ['清明']);
        check('端午', days.dragonBoat, ['端午']);
        check('中秋', days.midAutumn, ['中秋', '国庆节']);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('days off by law (2024 revision, from 2025)', () => {
  it.each([
    [
      2027,
      [
        '2027-01-01',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-04-05',
        '2027-05-01',
        '2027-05-02',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
        '2027-10-02',
        '2027-10-03',
      ],
    ],
    [
      2028,
      [
        '2028-01-01',
        '2028-01-25',
        '2028-01-26',
        '2028-01-27',
        '2028-01-28',
        '2028-04-04',
        '2028-05-01',
        '2028-05-02',
        '2028-05-28',
        '2028-10-01',
        '2028-10-02',
        '2028-10-03',
      ],
    ],
    [
      2029,
      [
        '2029-01-01',
        '2029-02-12',
        '2029-02-13',
        '2029-02-14',
        '2029-02-15',
        '2029-04-04',
        '2029-05-01',
        '2029-05-02',
        '2029-06-16',
        '2029-09-22',
        '2029-10-01',
        '2029-10-02',
        '2029-10-03',
      ],
    ],
    [
      2030,
      [
        '2030-01-01',
        '2030-02-02',
        '2030-02-03',
        '2030-02-04',
        '2030-02-05',
        '2030-04-05',
        '2030-05-01',
        '2030-05-02',
        '2030-06-05',
        '2030-09-12',
        '2030-10-01',
        '2030-10-02',
        '2030-10-03',
      ],
    ],
  ])('%i', (year, expected) => {
    // 2028: Mid-Autumn falls on 3 October, inside National Day, so the law gives 12 distinct days.
    expect(dates(lawDaysOff(year).keys())).toEqual(expected);
  });

  it('names each day', () => {
    const names = Object.fromEntries([...lawDaysOff(2027)].map(([day, name]) => [formatCivilDate(day), name]));
    expect(names).toMatchObject({
      '2027-02-05': '春节',
      '2027-04-05': '清明',
      '2027-06-09': '端午',
      '2027-09-15': '中秋',
      '2027-10-03': '国庆节',
    });
  });

  it('are all off in the official arrangements of 2025 and 2026', () => {
    for (const year of [2025, 2026]) {
      const worked = dates(lawDaysOff(year).keys()).filter((date) => describeDay(date, cal).working);
      expect(worked).toEqual([]);
    }
  });

  it('are nothing before the revision was in force', () => {
    expect(lawDaysOff(2024).size).toBe(0);
  });
});

describe('a day the law gives off is worked only by an override with a reason', () => {
  it('refuses a working-day override without a note on a statutory day', () => {
    let error: unknown;
    try {
      createWorkingCalendar({ overrides: [{ date: '2027-10-01', working: true }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SlaCalendarInvalid);
    expect((error as SlaCalendarInvalid).details).toEqual([
      { field: 'overrides[0].note', reason: '2027-10-01 is 国庆节 by law: a working day needs a reason' },
    ]);
    expect(() => createWorkingCalendar({ overrides: [{ date: '2027-10-01', working: true, note: '  ' }] })).toThrow(
      SlaCalendarInvalid,
    );
  });

  it('accepts it with a reason, and any override on other days without one', () => {
    const district = createWorkingCalendar({
      overrides: [
        { date: '2027-10-01', working: true, note: '区防汛应急值守，全员上班' },
        { date: '2027-10-04', working: true },
      ],
    });
    expect(describeDay('2027-10-01', district)).toEqual({
      date: '2027-10-01',
      working: true,
      source: 'override',
      note: '区防汛应急值守，全员上班',
    });
    expect(describeDay('2027-10-04', district)).toMatchObject({ working: true, source: 'override' });
  });
});

describe('one order of sources: override, official, predicted, law, Monday–Friday', () => {
  it('says which source answered', () => {
    expect(describeDay('2026-10-10', cal)).toEqual({ date: '2026-10-10', working: true, source: 'official', note: '国庆节' });
    expect(describeDay('2027-02-10', cal)).toEqual({ date: '2027-02-10', working: false, source: 'predicted', note: '春节' });
    expect(describeDay('2027-02-10', lawOnly)).toEqual({ date: '2027-02-10', working: true, source: 'weekday' });
    expect(describeDay('2027-02-08', lawOnly)).toEqual({ date: '2027-02-08', working: false, source: 'law', note: '春节' });
    expect(describeDay('2027-03-10', cal)).toEqual({ date: '2027-03-10', working: true, source: 'weekday' });
    // A New Year holiday starting on a Sunday reaches back into December (2030: Sun 29 Dec 2029 – Tue 1 Jan).
    expect(describeDay('2029-12-31', cal)).toEqual({ date: '2029-12-31', working: false, source: 'predicted', note: '元旦' });
  });

  it('never predicts an adjusted working weekend', () => {
    // Saturday 2027-02-13 and Sunday 2027-02-14 follow the predicted Spring Festival; both stay off.
    expect(describeDay('2027-02-13', cal).working).toBe(false);
    expect(describeDay('2027-02-14', cal).working).toBe(false);
  });
});

describe('the prediction against the official arrangements of 2025 and 2026', () => {
  it('differs only in the adjusted working weekends, which it never predicts', () => {
    const differences = (year: number) =>
      comparePredictionWithOfficial(year).differences.map((d) => [d.date, d.official, d.predicted]);
    expect(differences(2025)).toEqual([
      ['2025-01-26', 'working', 'off'],
      ['2025-02-08', 'working', 'off'],
      ['2025-04-27', 'working', 'off'],
      ['2025-09-28', 'working', 'off'],
      ['2025-10-11', 'working', 'off'],
    ]);
    expect(differences(2026)).toEqual([
      ['2026-01-04', 'working', 'off'],
      ['2026-02-14', 'working', 'off'],
      ['2026-02-28', 'working', 'off'],
      ['2026-05-09', 'working', 'off'],
      ['2026-09-20', 'working', 'off'],
      ['2026-10-10', 'working', 'off'],
    ]);
  });

  it("shows 2026's Spring Festival exception (from 腊月二十八, a Sunday) as a named day off either way", () => {
    expect(comparePredictionWithOfficial(2026).namedOnly.map((d) => [d.date, d.holiday])).toEqual([['2026-02-15', '春节']]);
  });
});

describe('deadlines across the holidays of 2027–2030 (one working day from 10:00 the working day before)', () => {
  it.each<[string, string]>([
    // 2027: 元旦 Fri 1 Jan – Sun 3; 春节 Fri 5 Feb – Fri 12; 清明 Sat 3 Apr – Mon 5; 劳动节 Sat 1 May – Wed 5;
    // 端午 Wed 9 Jun alone; 中秋 Wed 15 Sep alone; 国庆节 Fri 1 Oct – Thu 7.
    ['2026-12-31T10:00:00+08:00', '2027-01-04T10:00:00+08:00'],
    ['2027-02-04T10:00:00+08:00', '2027-02-15T10:00:00+08:00'],
    ['2027-04-02T10:00:00+08:00', '2027-04-06T10:00:00+08:00'],
    ['2027-04-30T10:00:00+08:00', '2027-05-06T10:00:00+08:00'],
    ['2027-06-08T10:00:00+08:00', '2027-06-10T10:00:00+08:00'],
    ['2027-09-14T10:00:00+08:00', '2027-09-16T10:00:00+08:00'],
    ['2027-09-30T10:00:00+08:00', '2027-10-08T10:00:00+08:00'],
    // 2028: 元旦 Sat 1 Jan – Mon 3; 春节 Tue 25 Jan – Tue 1 Feb; 清明 Sun 2 Apr – Tue 4; 劳动节 Sat 29 Apr – Wed 3 May;
    // 端午 Sat 27 May – Mon 29; 国庆节 with 中秋 (3 Oct) Sun 1 Oct – Sun 8.
    ['2027-12-31T10:00:00+08:00', '2028-01-04T10:00:00+08:00'],
    ['2028-01-24T10:00:00+08:00', '2028-02-02T10:00:00+08:00'],
    ['2028-03-31T10:00:00+08:00', '2028-04-05T10:00:00+08:00'],
    ['2028-04-28T10:00:00+08:00', '2028-05-04T10:00:00+08:00'],
    ['2028-05-26T10:00:00+08:00', '2028-05-30T10:00:00+08:00'],
    ['2028-09-29T10:00:00+08:00', '2028-10-09T10:00:00+08:00'],
    // 2029: 元旦 Sat 30 Dec 2028 – Mon 1 Jan; 春节 Mon 12 Feb – Mon 19; 清明 Wed 4 Apr alone; 劳动节 Sat 28 Apr – Wed 2 May;
    // 端午 Sat 16 Jun – Mon 18; 中秋 Sat 22 Sep – Mon 24; 国庆节 Mon 1 Oct – Sun 7.
    ['2028-12-29T10:00:00+08:00', '2029-01-02T10:00:00+08:00'],
    ['2029-02-09T10:00:00+08:00', '2029-02-20T10:00:00+08:00'],
    ['2029-04-03T10:00:00+08:00', '2029-04-05T10:00:00+08:00'],
    ['2029-04-27T10:00:00+08:00', '2029-05-03T10:00:00+08:00'],
    ['2029-06-15T10:00:00+08:00', '2029-06-19T10:00:00+08:00'],
    ['2029-09-21T10:00:00+08:00', '2029-09-25T10:00:00+08:00'],
    ['2029-09-28T10:00:00+08:00', '2029-10-08T10:00:00+08:00'],
    // 2030: 元旦 Sun 29 Dec 2029 – Tue 1 Jan (Mon 31 Dec bridged); 春节 Sat 2 Feb – Sat 9; 清明 Fri 5 Apr – Sun 7;
    // 劳动节 Wed 1 May – Sun 5; 端午 Wed 5 Jun alone; 中秋 Thu 12 Sep – Sat 14; 国庆节 Tue 1 Oct – Mon 7.
    ['2029-12-28T10:00:00+08:00', '2030-01-02T10:00:00+08:00'],
    ['2030-02-01T10:00:00+08:00', '2030-02-11T10:00:00+08:00'],
    ['2030-04-04T10:00:00+08:00', '2030-04-08T10:00:00+08:00'],
    ['2030-04-30T10:00:00+08:00', '2030-05-06T10:00:00+08:00'],
    ['2030-06-04T10:00:00+08:00', '2030-06-06T10:00:00+08:00'],
    ['2030-09-11T10:00:00+08:00', '2030-09-16T10:00:00+08:00'],
    ['2030-09-30T10:00:00+08:00', '2030-10-08T10:00:00+08:00'],
  ])('%s + 1 working day = %s, on predicted days', (start, expected) => {
    const deadline = addWorkingTime(at(start), 1, 'workingDays', cal);
    expect(iso(deadline)).toBe(iso(at(expected)));
    expect(deadlineCalendar(at(start), deadline, cal)).toBe('predicted');
  });

  it.each<[string, number, SlaUnit, string]>([
    // The case: 2026-12-31 10:00 + 1 working day was New Year's Day 2027.
    ['2026-12-31T17:00:00+08:00', 1, 'workingHours', '2027-01-04T09:00:00+08:00'],
    ['2027-02-04T10:00:00+08:00', 5, 'workingDays', '2027-02-19T10:00:00+08:00'],
    ['2027-09-30T16:00:00+08:00', 4, 'workingHours', '2027-10-08T11:00:00+08:00'],
    ['2030-02-01T23:50:00+08:00', 30, 'minutes', '2030-02-02T00:20:00+08:00'],
  ])('%s + %d %s = %s', (start, amount, unit, expected) => {
    expect(iso(addWorkingTime(at(start), amount, unit, cal))).toBe(iso(at(expected)));
  });

  it('by law alone (prediction off) only the 13 statutory days are skipped, and the deadline says so', () => {
    // 春节 2027 by law: Fri 5 – Mon 8 Feb.
    const deadline = addWorkingTime(at('2027-02-04T10:00:00+08:00'), 1, 'workingDays', lawOnly);
    expect(iso(deadline)).toBe(iso(at('2027-02-09T10:00:00+08:00')));
    expect(deadlineCalendar(at('2027-02-04T10:00:00+08:00'), deadline, lawOnly)).toBe('law');
  });

  it('a deadline inside an officially arranged year is official, one reaching into 2027 is predicted', () => {
    expect(deadlineCalendar(at('2026-09-30T10:00:00+08:00'), at('2026-10-08T10:00:00+08:00'), cal)).toBe('official');
    // 2026-12-31T16:30Z is already 2027 in Shanghai.
    expect(deadlineCalendar(at('2026-12-31T10:00:00+08:00'), at('2026-12-31T16:30:00Z'), cal)).toBe('predicted');
    expect(deadlineCalendar(at('2026-12-31T10:00:00+08:00'), at('2026-12-31T15:30:00Z'), cal)).toBe('official');
  });
});

describe('calendarStatus', () => {
  it('is ok until 31 October when this year is official, degraded from 1 November (district time) with next year predicted', () => {
    expect(calendarStatus(at('2026-10-31T23:59:00+08:00'), cal)).toMatchObject({
      status: 'ok',
      today: '2026-10-31',
      predictedYears: [],
      reason: null,
    });
    const november = calendarStatus(at('2026-10-31T16:00:00Z'), cal);
    expect(november).toMatchObject({
      status: 'degraded',
      today: '2026-11-01',
      timeZone: 'Asia/Shanghai',
      officialThrough: 2026,
      years: [
        { year: 2026, source: 'official' },
        { year: 2027, source: 'predicted' },
      ],
      predictedYears: [2027],
      lawYears: [],
    });
    expect(november.reason).toContain('2027');
    expect(calendarStatus(at('2026-12-31T23:00:00+08:00'), cal)).toMatchObject({ status: 'degraded', predictedYears: [2027] });
  });

  it('is degraded all through a year that is only predicted', () => {
    expect(calendarStatus(at('2027-03-01T10:00:00+08:00'), cal)).toMatchObject({ status: 'degraded', predictedYears: [2027] });
    expect(calendarStatus(at('2027-11-02T10:00:00+08:00'), cal)).toMatchObject({
      status: 'degraded',
      predictedYears: [2027, 2028],
    });
    expect(calendarStatus(at('2027-11-02T10:00:00+08:00'), lawOnly)).toMatchObject({
      status: 'degraded',
      predictedYears: [],
      lawYears: [2027, 2028],
    });
  });

  it('is ok in a year and November whose next year is official', () => {
    expect(calendarStatus(at('2025-11-15T10:00:00+08:00'), cal)).toMatchObject({ status: 'ok', predictedYears: [] });
  });
});

describe('minutesLeft: time left in the stage unit', () => {
  it('counts calendar minutes for a minutes stage, through a Sunday, negative once overdue', () => {
    const deadline = at('2027-02-07T10:15:00+08:00'); // a Sunday inside Spring Festival
    expect(minutesLeft(at('2027-02-07T10:00:00+08:00'), deadline, 'minutes', cal)).toBe(15);
    expect(minutesLeft(at('2027-02-07T10:15:00+08:00'), deadline, 'minutes', cal)).toBe(0);
    expect(minutesLeft(at('2027-02-07T10:20:00+08:00'), deadline, 'minutes', cal)).toBe(-5);
  });

  it('counts office minutes for working units', () => {
    const deadline = at('2027-01-04T10:00:00+08:00');
    expect(minutesLeft(at('2026-12-31T17:00:00+08:00'), deadline, 'workingDays', cal)).toBe(120);
    expect(minutesLeft(at('2027-01-04T11:00:00+08:00'), deadline, 'workingHours', cal)).toBe(-60);
  });
});
