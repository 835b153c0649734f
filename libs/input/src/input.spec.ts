import { inspectValue, isPrototypeKey, parseBoundedNumber, parseCalendarDate, parseIsoDateTime } from './index';

const ZONE = 'Asia/Shanghai';

describe('parseIsoDateTime: only the documented forms, only real dates', () => {
  it.each([
    ['2026-11-29', '2026-11-28T16:00:00.000Z'], // the district's midnight
    ['2026-11-29T10:05Z', '2026-11-29T10:05:00.000Z'],
    ['2026-11-29T10:05:30+08:00', '2026-11-29T02:05:30.000Z'],
    ['2026-11-29T10:05:30.5-05:30', '2026-11-29T15:35:30.500Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-28T16:00:00.000Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseIsoDateTime(value, ZONE)?.toISOString()).toBe(iso);
  });

  it.each([
    '20261129', // basic format
    '2026-W48', // week date
    '2026-W48-7',
    '2026-333', // ordinal date
    '2026-02-30', // no such day
    '2026-02-29T00:00:00Z', // 2026 is not a leap year
    '1900-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-11-29T10:05:00', // no offset: which zone?
    '2026-11-29T24:00:00Z',
    '2026-11-29T10:60Z',
    '2026-11-29T10:05:61Z',
    '2026-11-29T10:05:00+15:00',
    '2026-11-29T10:05:00.1234Z',
    '2026-11-29 10:05:00Z',
    '0001-01-01',
    '9999-12-31',
    '+002026-11-29',
    '2026-11-29\u0000',
    ' 2026-11-29',
    '',
    'yesterday',
  ])('refuses %j', (value) => {
    expect(parseIsoDateTime(value, ZONE)).toBeNull();
  });

  it('reads calendar days and refuses the impossible ones', () => {
    expect(parseCalendarDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('2026-1-5')).toBeNull();
  });
});

describe('parseBoundedNumber: plain decimals within bounds', () => {
  const page = { min: 1, max: 100_000, integer: true };
  it.each([
    ['1', 1],
    ['100000', 100_000],
    ['+7', 7],
    ['0042', 42],
  ])('reads %s', (value, n) => {
    expect(parseBoundedNumber(value, page)).toBe(n);
  });
  it.each(['1e18', '0', '-1', '100001', '1.5', '0x10', 'Infinity', 'NaN', '', ' 1', '1 ', '9'.repeat(30), '1\u0000'])(
    'refuses page=%j',
    (value) => {
      expect(parseBoundedNumber(value, page)).toBeNull();
    },
  );
  it('takes fractions where they are allowed', () => {
    expect(parseBoundedNumber('2.5', { min: 0, max: 10 })).toBe(2.5);
    expect(parseBoundedNumber('2.5e0', { min: 0, max: 10 })).toBeNull();
  });
});

describe('inspectValue: depth, prototype keys and control characters, without recursion', () => {
  const limits = { maxDepth: 32, allowLineBreaks: true };
  it('accepts ordinary bodies, line breaks included', () => {
    expect(inspectValue({ a: [1, { b: 'two\nlines\tand a tab' }], c: null }, limits, 'body')).toBeNull();
  });
  it('refuses nesting past the limit, however deep, without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(inspectValue(deep, limits, 'body')).toEqual({ field: 'body', reason: 'is nested deeper than 32 levels' });
    let ok: unknown = 1;
    for (let i = 0; i < 32; i++) ok = { a: ok };
    expect(inspectValue(ok, limits, 'body')).toBeNull();
  });
  it('refuses prototype keys, also inside brackets', () => {
    expect(inspectValue(JSON.parse('{"a":{"__proto__":{"admin":true}}}'), limits, 'body')).toEqual({
      field: 'a.__proto__',
      reason: 'is not an accepted name',
    });
    expect(isPrototypeKey('attribute[constructor]')).toBe(true);
    expect(isPrototypeKey('attribute[__proto__][]')).toBe(true);
    expect(isPrototypeKey('attribute[size]')).toBe(false);
  });
  it('refuses NUL and other control characters in values and keys', () => {
    expect(inspectValue({ note: 'a\u0000b' }, limits, 'body')).toEqual({
      field: 'note',
      reason: 'must not contain control characters',
    });
    expect(inspectValue({ note: 'bell\u0007' }, limits, 'body')).not.toBeNull();
    expect(inspectValue({ 'k\u0000': 1 }, limits, 'body')).not.toBeNull();
    expect(inspectValue({ q: 'a\nb' }, { maxDepth: 2, allowLineBreaks: false }, 'query')).toEqual({
      field: 'q',
      reason: 'must not contain control characters',
    });
  });
});
