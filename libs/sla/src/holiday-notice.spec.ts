import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HolidayNoticeUnreadable, parseHolidayNotice, type HolidayNotice } from './holiday-notice';
import { statutoryDay } from './statutory-calendar';
import { civilDateOf, formatCivilDate, parseCivilDate } from './zone-clock';

/** The notices as the State Council published them (copied from shared/reference/holiday-notices). */
const noticeText = (year: number): string =>
  readFileSync(join(__dirname, '../../../seeds/holiday-notices', `${year}.txt`), 'utf8');

/** The official arrangement `chinese-days` holds for a year: the days it names, off or worked. */
function packageArrangement(year: number): { daysOff: string[]; workingDays: string[] } {
  const daysOff: string[] = [];
  const workingDays: string[] = [];
  for (let day = parseCivilDate(`${year}-01-01`)! - 7; civilDateOf(day).year <= year; day += 1) {
    const detail = statutoryDay(day, false);
    if (detail.source !== 'official' || detail.note === undefined) continue;
    // December days belong to the next year's New Year holiday only when the notice of that year names them.
    if (civilDateOf(day).year < year) continue;
    (detail.working ? workingDays : daysOff).push(formatCivilDate(day));
  }
  return { daysOff, workingDays };
}

const dates = (notice: HolidayNotice) => ({
  daysOff: notice.daysOff.map((d) => d.date),
  workingDays: notice.workingDays.map((d) => d.date),
});

/** The error a notice is refused with (the test fails if it is read). */
function refusal(text: string): HolidayNoticeUnreadable {
  try {
    parseHolidayNotice(text);
  } catch (error) {
    if (error instanceof HolidayNoticeUnreadable) return error;
    throw error;
  }
  throw new Error('the notice was read');
}

describe('parseHolidayNotice', () => {
  it.each([2017, 2025, 2026])('reads the %i notice into exactly the days chinese-days holds', (year) => {
    const notice = parseHolidayNotice(noticeText(year));
    expect(notice.year).toBe(year);
    expect(dates(notice)).toEqual(packageArrangement(year));
  });

  it('reads 2025 into literal days (the 8-day Spring Festival and its two working weekends)', () => {
    const notice = parseHolidayNotice(noticeText(2025));
    expect(notice.daysOff.filter((d) => d.holiday === '春节').map((d) => d.date)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(notice.workingDays).toEqual([
      { date: '2025-01-26', holiday: '春节' },
      { date: '2025-02-08', holiday: '春节' },
      { date: '2025-04-27', holiday: '劳动节' },
      { date: '2025-09-28', holiday: '国庆节、中秋节' },
      { date: '2025-10-11', holiday: '国庆节、中秋节' },
    ]);
  });

  it('reads the older wording: 补休, 与周末连休 and a range keeping its month', () => {
    const notice = parseHolidayNotice(noticeText(2017));
    const off = notice.daysOff.map((d) => d.date);
    expect(off).toEqual(expect.arrayContaining(['2017-01-01', '2017-01-02', '2017-04-02', '2017-04-03', '2017-04-04']));
    expect(off).toContain('2017-05-01');
    expect(off).not.toContain('2017-04-29'); // "与周末连休": a weekend is off anyway, not named by the notice
  });

  /** The rest of a 2019 notice, so that a test's New Year item is part of a whole notice. */
  const REST_OF_2019 = [
    '二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。',
    '三、清明节：4月5日放假，与周末连休。',
    '四、劳动节：5月1日放假。',
    '五、端午节：6月7日放假，与周末连休。',
    '六、中秋节：9月13日放假，与周末连休。',
    '七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。',
  ];

  it('places December days of the New Year item in the year before', () => {
    const notice = parseHolidayNotice(
      [
        '国务院办公厅关于2019年部分节假日安排的通知',
        '一、元旦：12月30日（星期日）至1月1日放假调休，共3天。12月29日（星期六）上班。',
        ...REST_OF_2019,
      ].join('\n'),
    );
    expect(dates(notice).daysOff.slice(0, 3)).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(dates(notice).workingDays[0]).toBe('2018-12-29');
  });

  it('takes explicit years as written', () => {
    const notice = parseHolidayNotice(
      [
        '国务院办公厅关于2019年部分节假日安排的通知',
        '一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。',
        ...REST_OF_2019,
      ].join('\n'),
    );
    expect(dates(notice).daysOff.slice(0, 3)).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
  });

  describe('a damaged notice is refused with the line named, nothing read', () => {
    const damage = (from: string, to: string): string => {
      const text = noticeText(2025);
      expect(text).toContain(from);
      return text.replace(from, to);
    };
    const lineOf = (text: string, part: string): number => text.split('\n').findIndex((line) => line.includes(part)) + 1;

    it('a date that does not exist', () => {
      const text = damage('4月4日（周五）至6日', '4月31日至6日');
      const error = refusal(text);
      expect(error.line).toBe(lineOf(text, '三、清明节'));
      expect(error.details).toHaveLength(1);
      expect(error.details?.[0]?.reason).toContain('4月31日 is not a date');
    });

    it('a weekday that is not the date’s', () => {
      const text = damage('1月26日（周日）', '1月26日（周一）');
      const error = refusal(text);
      expect(error.line).toBe(lineOf(text, '二、春节'));
      expect(error.message).toContain('is not a 周一');
    });

    it('a total that does not match the days named', () => {
      const text = damage('放假调休，共5天', '放假调休，共6天');
      expect(refusal(text).line).toBe(lineOf(text, '四、劳动节'));
    });

    it('an item whose days cannot be read', () => {
      const text = damage('5月31日（周六）至6月2日（周一）放假', '五月三十一日至六月二日放假');
      const error = refusal(text);
      expect(error.line).toBe(lineOf(text, '五、端午节'));
      expect(error.message).toContain('no date found');
    });

    it('a text that is not a notice', () => {
      expect(refusal('元旦放假三天').line).toBe(1);
      expect(refusal('国务院办公厅关于2027年部分节假日安排的通知\n\n现将安排通知如下。').message).toContain(
        'no numbered holiday item',
      );
    });

    it('a notice cut short: a holiday without its item', () => {
      const text = noticeText(2025)
        .split('\n')
        .filter((line) => !line.startsWith('五、端午节'))
        .join('\n');
      const error = refusal(text);
      expect(error.line).toBe(1);
      expect(error.message).toContain('no item for 端午');
    });

    it('a year no notice can be for, or a day outside the notice’s year', () => {
      expect(refusal('国务院办公厅关于9999年部分节假日安排的通知\n一、元旦：1月1日放假。').message).toContain('9999');
      const text = damage('5月31日（周六）至6月2日', '2026年5月31日至6月2日');
      expect(refusal(text).message).toContain("outside the notice's year 2025");
    });

    it('a range that runs backwards', () => {
      const text = damage('10月1日（周三）至8日（周三）', '10月8日至1日');
      expect(refusal(text).line).toBe(lineOf(text, '六、国庆节'));
    });
  });
});
