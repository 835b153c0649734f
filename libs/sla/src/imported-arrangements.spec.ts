import {
  addWorkingTime,
  calendarStatus,
  createWorkingCalendar,
  deadlineCalendar,
  describeDay,
  parseHolidayNotice,
} from './index';

/**
 * A notice for 2027 written for this test in the State Council's wording, by the 2025 principles (the
 * real one is not out yet), with one adjusted working Saturday (20 February) to show that it counts.
 */
const NOTICE_2027 = [
  '国务院办公厅关于2027年部分节假日安排的通知',
  '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
  '二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。',
  '三、清明节：4月3日（周六）至5日（周一）放假，共3天。',
  '四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。',
  '五、端午节：6月9日（周三）放假1天。',
  '六、中秋节：9月15日（周三）放假1天。',
  '七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。',
].join('\n');

const plain = createWorkingCalendar();
const imported = createWorkingCalendar({ notices: [parseHolidayNotice(NOTICE_2027)] });

describe('an imported notice in the working calendar', () => {
  it('makes its year official: named days as the notice says, the others Monday to Friday', () => {
    expect(describeDay('2027-02-20', plain)).toMatchObject({ working: false });
    expect(describeDay('2027-02-20', imported)).toEqual({ date: '2027-02-20', working: true, source: 'official', note: '春节' });
    expect(describeDay('2027-02-12', imported)).toEqual({ date: '2027-02-12', working: false, source: 'official', note: '春节' });
    expect(describeDay('2027-03-10', imported)).toEqual({ date: '2027-03-10', working: true, source: 'official' });
    expect(describeDay('2027-03-13', imported)).toEqual({ date: '2027-03-13', working: false, source: 'official' });
    expect(describeDay('2027-10-07', imported)).toEqual({
      date: '2027-10-07',
      working: false,
      source: 'official',
      note: '国庆节',
    });
    expect(describeDay('2027-10-08', imported)).toEqual({ date: '2027-10-08', working: true, source: 'official' });
  });

  it('keeps a day the law gives off off, even when a notice leaves it out', () => {
    // A notice that names every holiday but puts 中秋 on the wrong day: the law's day stays off.
    const odd = createWorkingCalendar({
      notices: [parseHolidayNotice(NOTICE_2027.replace('9月15日（周三）', '9月16日（周四）'))],
    });
    expect(describeDay('2027-09-15', odd)).toEqual({ date: '2027-09-15', working: false, source: 'law', note: '中秋' });
  });

  it('a district override still wins', () => {
    const withOverride = createWorkingCalendar({
      notices: [parseHolidayNotice(NOTICE_2027)],
      overrides: [{ date: '2027-02-20', working: false, note: '区里统一休息' }],
    });
    expect(describeDay('2027-02-20', withOverride)).toEqual({
      date: '2027-02-20',
      working: false,
      source: 'override',
      note: '区里统一休息',
    });
  });

  it('counts a worked Saturday in deadlines', () => {
    const friday = new Date('2027-02-19T10:00:00+08:00');
    expect(addWorkingTime(friday, 1, 'workingDays', plain).toISOString()).toBe('2027-02-22T02:00:00.000Z');
    expect(addWorkingTime(friday, 1, 'workingDays', imported).toISOString()).toBe('2027-02-20T02:00:00.000Z');
  });

  it('leaves the calendar ok in November 2026 and calls deadlines into 2027 official', () => {
    const november = new Date('2026-11-29T10:00:00+08:00');
    expect(calendarStatus(november, plain)).toMatchObject({ status: 'degraded', predictedYears: [2027] });
    expect(calendarStatus(november, imported)).toMatchObject({
      status: 'ok',
      officialThrough: 2027,
      predictedYears: [],
      reason: null,
    });
    const start = new Date('2026-12-31T10:00:00+08:00');
    const deadline = addWorkingTime(start, 1, 'workingDays', imported);
    expect(deadline.toISOString()).toBe('2027-01-04T02:00:00.000Z');
    expect(deadlineCalendar(start, deadline, imported)).toBe('official');
    expect(deadlineCalendar(start, deadline, plain)).toBe('predicted');
  });

  it('survives being copied as a plain value (the engine is rebuilt from it)', () => {
    const copy = JSON.parse(JSON.stringify(imported)) as typeof imported;
    expect(describeDay('2027-02-20', copy)).toMatchObject({ working: true, source: 'official' });
  });

  it('refuses a notice value that is not one', () => {
    expect(() =>
      createWorkingCalendar({ notices: [{ year: 2027, daysOff: [{ date: '2027-02-30', holiday: 'x' }], workingDays: [] }] }),
    ).toThrow('The working calendar has 1 problem(s)');
  });
});
