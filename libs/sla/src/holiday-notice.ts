import { DomainError } from '@hotline/errors';
import { civilDateOf, formatCivilDate, parseCivilDate } from './zone-clock';

/**
 * Reads the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) into the days off
 * and the adjusted working days (调休上班) it arranges. Pure: the text in, the arrangement out, or an
 * error naming the first line it could not read — a notice read wrongly would move every deadline of a
 * year, so nothing is guessed.
 *
 * The notices have kept one shape since the 2000s, in older and newer wording:
 *   一、元旦：1月1日放假，1月2日（星期一）补休。
 *   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
 *   四、劳动节：5月1日放假，与周末连休。
 *   六、中秋节、国庆节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。
 * A sentence with 上班 lists working days; one with 放假, 补休 or 休息 lists days off, single or as
 * ranges ("4月2日至4日" keeps the month). "与周末连休" adds nothing: the weekend is off anyway. The
 * checks a reader can make are made: every date is a real date, a weekday in brackets is the date's
 * weekday, "共N天" is the number of days off the item names.
 */

export interface NoticeDay {
  /** 'YYYY-MM-DD' */
  date: string;
  /** The item's holiday as the notice names it ('春节', '中秋节、国庆节'). */
  holiday: string;
}

export interface HolidayNotice {
  year: number;
  daysOff: NoticeDay[];
  workingDays: NoticeDay[];
}

/** A notice the reader cannot read; `line` is 1-based in the text as given. */
export class HolidayNoticeUnreadable extends DomainError {
  constructor(
    readonly line: number,
    reason: string,
    text: string,
  ) {
    super('invalid', 'HolidayNoticeUnreadable', `line ${line}: ${reason}: ${text.slice(0, 80)}`, [
      { field: 'text', reason: `line ${line}: ${reason}` },
    ]);
  }
}

const TITLE = /关于\s*(\d{4})\s*年部分节假日安排的通知/;
const ITEM = /^\s*([一二三四五六七八九十]+)\s*[、.．]\s*([^：:]+?)\s*[：:]\s*(.+)$/;
const BRACKETS = /[（(]([^）)]*)[）)]/g;
const DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;
/** A range's end may leave out its month (and year): "4月2日至4日". */
const RANGE = new RegExp(`${DATE.source}\\s*(?:至|-|—|～|~)\\s*(?:${DATE.source}|(\\d{1,2})日)`, 'g');
const SINGLE = new RegExp(DATE.source, 'g');
const TOTAL_DAYS = /共\s*(\d+)\s*天/;
const WEEKDAY_NAMES: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_IN_BRACKETS = /(?:星期|周)([日天一二三四五六])/;
const HOLIDAY_WORDS = ['元旦', '春节', '清明', '劳动', '端午', '中秋', '国庆'];

interface LineContext {
  noticeYear: number;
  holiday: string;
  lineNumber: number;
  line: string;
}

export function parseHolidayNotice(text: string): HolidayNotice {
  const lines = text.split(/\r?\n/);
  const titleLine = lines.findIndex((line) => TITLE.test(line));
  if (titleLine < 0) {
    throw new HolidayNoticeUnreadable(1, 'no title naming the year (关于YYYY年部分节假日安排的通知)', lines[0] ?? '');
  }
  const year = Number(TITLE.exec(lines[titleLine])![1]);
  if (year < 2000 || year > 2200)
    throw new HolidayNoticeUnreadable(titleLine + 1, `${year} is not a year a notice can be for`, lines[titleLine]);
  const daysOff = new Map<string, NoticeDay>();
  const workingDays = new Map<string, NoticeDay>();
  let items = 0;
  const holidaysSeen: string[] = [];

  lines.forEach((line, index) => {
    const item = ITEM.exec(line);
    if (!item) return;
    const holiday = item[2].trim();
    // Numbered lines of other kinds (none in the notices so far) are not holiday items: skip them
    // rather than refuse the notice, but a line naming a holiday must be read whole.
    if (!HOLIDAY_WORDS.some((word) => holiday.includes(word))) return;
    const context: LineContext = { noticeYear: year, holiday, lineNumber: index + 1, line };
    const read = readItem(item[3], holiday, context);
    if (read.off.length === 0) throw new HolidayNoticeUnreadable(context.lineNumber, 'no day off found in this item', line);
    for (const date of read.off) daysOff.set(date, { date, holiday });
    for (const date of read.working) workingDays.set(date, { date, holiday });
    items += 1;
    holidaysSeen.push(holiday);
  });
  if (items === 0)
    throw new HolidayNoticeUnreadable(
      titleLine + 1,
      'no numbered holiday item (一、元旦：…) follows the title',
      lines[titleLine],
    );
  // Every notice arranges all seven holidays; a text cut short (half a notice pasted) must not pass
  // for a year whose other holidays are ordinary days.
  const missing = HOLIDAY_WORDS.filter((word) => !holidaysSeen.some((holiday) => holiday.includes(word)));
  if (missing.length > 0) {
    throw new HolidayNoticeUnreadable(titleLine + 1, `the notice has no item for ${missing.join('、')}`, lines[titleLine]);
  }

  const sorted = (days: Map<string, NoticeDay>) => [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  for (const date of workingDays.keys()) {
    if (daysOff.has(date)) {
      const lineNumber = lines.findIndex((line) => ITEM.test(line)) + 1;
      throw new HolidayNoticeUnreadable(lineNumber, `${date} is both a day off and a working day`, lines[lineNumber - 1]);
    }
  }
  return { year, daysOff: sorted(daysOff), workingDays: sorted(workingDays) };
}

/** One item's text after "元旦：": its days off and working days, checked. */
function readItem(body: string, holiday: string, context: LineContext): { off: string[]; working: string[] } {
  const off: string[] = [];
  const working: string[] = [];
  let declaredTotal: number | undefined;
  for (const sentence of body.split(/[。；;]/)) {
    if (!sentence.trim()) continue;
    checkWeekdays(sentence, context);
    const plain = sentence.replace(BRACKETS, '');
    const total = TOTAL_DAYS.exec(plain);
    if (total) declaredTotal = Number(total[1]);
    const isWorking = plain.includes('上班');
    const isOff = /放假|补休|休息/.test(plain);
    if (!isWorking && !isOff) {
      if (SINGLE.test(plain)) throw new HolidayNoticeUnreadable(context.lineNumber, 'dates without 放假 or 上班', context.line);
      SINGLE.lastIndex = 0;
      continue;
    }
    // A sentence may hold days off then working days ("…放假，1月2日补休"), but never both kinds of
    // sentence at once in the notices: 上班 sentences list working days only.
    const dates = readDates(plain, context);
    if (dates.length === 0) throw new HolidayNoticeUnreadable(context.lineNumber, 'no date found in this sentence', context.line);
    (isWorking ? working : off).push(...dates);
  }
  if (declaredTotal !== undefined && declaredTotal !== new Set(off).size) {
    throw new HolidayNoticeUnreadable(
      context.lineNumber,
      `${holiday} says 共${declaredTotal}天 but names ${new Set(off).size} day(s) off`,
      context.line,
    );
  }
  return { off, working };
}

/** Every date of a sentence, ranges expanded, in the year the item means. */
function readDates(sentence: string, context: LineContext): string[] {
  const spans: Array<{ from: number; to: number }> = [];
  let rest = sentence;
  for (const range of sentence.matchAll(RANGE)) {
    const from = dayOf(range[1], range[2], range[3], context);
    const to =
      range[5] !== undefined ? dayOf(range[4], range[5], range[6], context) : dayOf(range[1], range[2], range[7], context);
    if (from > to || to - from > 31) {
      throw new HolidayNoticeUnreadable(
        context.lineNumber,
        'a range that ends before it starts or lasts over a month',
        context.line,
      );
    }
    spans.push({ from, to });
    rest = rest.replace(range[0], ' ');
  }
  for (const single of rest.matchAll(SINGLE)) {
    const day = dayOf(single[1], single[2], single[3], context);
    spans.push({ from: day, to: day });
  }
  const dates: string[] = [];
  for (const span of spans) for (let day = span.from; day <= span.to; day += 1) dates.push(formatCivilDate(day));
  return dates;
}

/**
 * The date a notice means. Without a year it is the notice's year, except December in the 元旦 item:
 * New Year's Day may begin on the last days of the year before ("12月30日至1月1日").
 */
function dayOf(year: string | undefined, month: string, day: string, context: LineContext): number {
  const impliedYear = Number(month) === 12 && context.holiday.includes('元旦') ? context.noticeYear - 1 : context.noticeYear;
  const date = `${year ?? impliedYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = parseCivilDate(date);
  if (parsed === undefined)
    throw new HolidayNoticeUnreadable(context.lineNumber, `${month}月${day}日 is not a date`, context.line);
  // A notice arranges its own year, and at most the last days of December before it.
  const { year: dateYear, month: dateMonth } = civilDateOf(parsed);
  if (dateYear !== context.noticeYear && !(dateYear === context.noticeYear - 1 && dateMonth === 12)) {
    throw new HolidayNoticeUnreadable(
      context.lineNumber,
      `${date} is outside the notice's year ${context.noticeYear}`,
      context.line,
    );
  }
  return parsed;
}

/** "1月26日（周日）": the weekday the notice gives must be the date's, or the line was misread or mistyped. */
function checkWeekdays(sentence: string, context: LineContext): void {
  const withBrackets = new RegExp(`${DATE.source}\\s*[（(]([^）)]*)[）)]`, 'g');
  for (const match of sentence.matchAll(withBrackets)) {
    const weekday = WEEKDAY_IN_BRACKETS.exec(match[4]);
    if (!weekday) continue;
    const day = dayOf(match[1], match[2], match[3], context);
    if (civilDateOf(day).weekday !== WEEKDAY_NAMES[weekday[1]]) {
      throw new HolidayNoticeUnreadable(
        context.lineNumber,
        `${match[2]}月${match[3]}日 is not a ${weekday[0]} in ${civilDateOf(day).year}`,
        context.line,
      );
    }
  }
}
