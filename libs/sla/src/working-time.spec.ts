import {
  SlaArgumentInvalid,
  addWorkingTime,
  createWorkingCalendar,
  isWorkingDay,
  nextWorkingInstant,
  workingTimeBetween,
  type SlaUnit,
} from './index';

const cal = createWorkingCalendar();
const HOUR_MS = 3_600_000;

const at = (iso: string): Date => new Date(iso);

/** An instant as Beijing time, '2025-03-03T15:00+08:00' (seconds only when present). */
function beijing(instant: Date): string {
  const wall = new Date(instant.getTime() + 8 * HOUR_MS).toISOString();
  const trimmed = wall.endsWith(':00.000Z') ? wall.slice(0, 16) : wall.endsWith('.000Z') ? wall.slice(0, 19) : wall.slice(0, 23);
  return `${trimmed}+08:00`;
}

const add = (start: string, amount: number, unit: SlaUnit): string => beijing(addWorkingTime(at(start), amount, unit, cal));
const between = (a: string, b: string): number => workingTimeBetween(at(a), at(b), cal).workingMinutes;

describe("addWorkingTime 'workingHours': office hours only", () => {
  it('counts inside office hours and skips the lunch break', () => {
    expect(add('2025-03-03T10:00+08:00', 4, 'workingHours')).toBe('2025-03-03T15:00+08:00');
    expect(add('2025-03-03T10:00+08:00', 1.5, 'workingHours')).toBe('2025-03-03T11:30+08:00');
  });

  it('ends at a closing time rather than the next opening when the amount runs out there', () => {
    expect(add('2025-03-03T08:30+08:00', 8, 'workingHours')).toBe('2025-03-03T17:30+08:00');
    expect(add('2025-03-03T08:30+08:00', 3.5, 'workingHours')).toBe('2025-03-03T12:00+08:00');
  });

  it('a start before opening, over lunch, in the evening, on a weekend or holiday begins at the next opening', () => {
    expect(add('2025-03-03T07:00+08:00', 1, 'workingHours')).toBe('2025-03-03T09:30+08:00');
    expect(add('2025-03-03T12:15+08:00', 1, 'workingHours')).toBe('2025-03-03T14:00+08:00');
    expect(add('2025-03-03T12:00+08:00', 1, 'workingHours')).toBe('2025-03-03T14:00+08:00');
    expect(add('2025-03-03T19:00+08:00', 2, 'workingHours')).toBe('2025-03-04T10:30+08:00');
    expect(add('2025-03-08T10:00+08:00', 1, 'workingHours')).toBe('2025-03-10T09:30+08:00');
    expect(add('2025-10-01T09:00+08:00', 1, 'workingHours')).toBe('2025-10-09T09:30+08:00');
  });

  it('runs across Spring Festival 2025 and National Day 2025', () => {
    expect(add('2025-01-27T16:00+08:00', 4, 'workingHours')).toBe('2025-02-05T11:00+08:00');
    expect(add('2025-09-30T15:00+08:00', 8, 'workingHours')).toBe('2025-10-09T15:00+08:00');
  });

  it('runs across a month end and keeps sub-minute precision', () => {
    expect(add('2025-02-28T16:00+08:00', 2, 'workingHours')).toBe('2025-03-03T09:00+08:00');
    expect(add('2025-03-03T10:00:30+08:00', 0.5, 'workingHours')).toBe('2025-03-03T10:30:30+08:00');
  });

  it('an amount of 0 is the start rolled into working time', () => {
    expect(add('2025-03-03T10:00+08:00', 0, 'workingHours')).toBe('2025-03-03T10:00+08:00');
    expect(add('2025-03-07T18:00+08:00', 0, 'workingHours')).toBe('2025-03-10T08:30+08:00');
  });
});

describe("addWorkingTime 'workingDays': same time of day on the Nth following working day", () => {
  it('from a moment in working time', () => {
    expect(add('2025-03-03T10:00+08:00', 1, 'workingDays')).toBe('2025-03-04T10:00+08:00');
    expect(add('2025-03-07T10:00+08:00', 1, 'workingDays')).toBe('2025-03-10T10:00+08:00');
    expect(add('2025-03-03T10:00+08:00', 5, 'workingDays')).toBe('2025-03-10T10:00+08:00');
    expect(add('2025-03-03T08:30+08:00', 1, 'workingDays')).toBe('2025-03-04T08:30+08:00');
  });

  it('Spring Festival 2025: the adjusted working Sunday Jan 26 and Saturday Feb 8 count', () => {
    expect(add('2025-01-24T10:00+08:00', 1, 'workingDays')).toBe('2025-01-26T10:00+08:00');
    expect(add('2025-01-24T10:00+08:00', 2, 'workingDays')).toBe('2025-01-27T10:00+08:00');
    expect(add('2025-01-24T10:00+08:00', 3, 'workingDays')).toBe('2025-02-05T10:00+08:00');
    expect(add('2025-02-07T10:00+08:00', 1, 'workingDays')).toBe('2025-02-08T10:00+08:00');
    expect(add('2025-02-07T10:00+08:00', 2, 'workingDays')).toBe('2025-02-10T10:00+08:00');
  });

  it('Spring Festival 2026: Saturday Feb 14, then nothing until Feb 24, then Saturday Feb 28', () => {
    expect(add('2026-02-13T10:00+08:00', 1, 'workingDays')).toBe('2026-02-14T10:00+08:00');
    expect(add('2026-02-13T10:00+08:00', 2, 'workingDays')).toBe('2026-02-24T10:00+08:00');
    expect(add('2026-02-27T15:00+08:00', 1, 'workingDays')).toBe('2026-02-28T15:00+08:00');
    expect(add('2026-02-18T11:00+08:00', 1, 'workingDays')).toBe('2026-02-25T08:30+08:00');
  });

  it('National Day 2025: Sunday Sep 28 and Saturday Oct 11 count, Oct 1–8 do not', () => {
    expect(add('2025-09-26T10:00+08:00', 1, 'workingDays')).toBe('2025-09-28T10:00+08:00');
    expect(add('2025-09-26T10:00+08:00', 2, 'workingDays')).toBe('2025-09-29T10:00+08:00');
    expect(add('2025-09-30T10:00+08:00', 1, 'workingDays')).toBe('2025-10-09T10:00+08:00');
    expect(add('2025-10-10T10:00+08:00', 1, 'workingDays')).toBe('2025-10-11T10:00+08:00');
  });

  it('National Day 2026: Sunday Sep 20 counts, Mid-Autumn Sep 25–27 and Oct 1–7 do not, Saturday Oct 10 counts', () => {
    expect(add('2026-09-18T10:00+08:00', 1, 'workingDays')).toBe('2026-09-20T10:00+08:00');
    expect(add('2026-09-24T10:00+08:00', 1, 'workingDays')).toBe('2026-09-28T10:00+08:00');
    expect(add('2026-09-30T10:00+08:00', 1, 'workingDays')).toBe('2026-10-08T10:00+08:00');
    expect(add('2026-10-09T10:00+08:00', 1, 'workingDays')).toBe('2026-10-10T10:00+08:00');
  });

  it('year ends: 2025-12-31 runs into the 2026 New Year holiday and its working Sunday', () => {
    expect(add('2025-12-31T10:00+08:00', 1, 'workingDays')).toBe('2026-01-04T10:00+08:00');
    expect(add('2025-12-31T10:00+08:00', 2, 'workingDays')).toBe('2026-01-05T10:00+08:00');
    expect(add('2024-12-31T10:00+08:00', 1, 'workingDays')).toBe('2025-01-02T10:00+08:00');
    expect(add('2025-12-31T17:00+08:00', 1, 'workingHours')).toBe('2026-01-04T09:00+08:00');
  });

  it('a start outside working time first rolls to the next opening, then counts', () => {
    expect(add('2025-03-07T18:00+08:00', 1, 'workingDays')).toBe('2025-03-11T08:30+08:00'); // evening
    expect(add('2025-03-10T07:00+08:00', 1, 'workingDays')).toBe('2025-03-11T08:30+08:00'); // before opening
    expect(add('2025-03-10T12:30+08:00', 1, 'workingDays')).toBe('2025-03-11T13:00+08:00'); // lunch break
    expect(add('2025-03-10T17:30+08:00', 1, 'workingDays')).toBe('2025-03-12T08:30+08:00'); // closing time
    expect(add('2025-03-08T10:00+08:00', 1, 'workingDays')).toBe('2025-03-11T08:30+08:00'); // Saturday
    expect(add('2025-10-03T10:00+08:00', 1, 'workingDays')).toBe('2025-10-10T08:30+08:00'); // holiday
  });

  it('refuses fractional working days', () => {
    expect(() => addWorkingTime(at('2025-03-03T10:00+08:00'), 1.5, 'workingDays', cal)).toThrow(SlaArgumentInvalid);
  });
});

describe("addWorkingTime 'minutes': the calendar clock for emergencies", () => {
  it('runs through midnight, weekends, holidays and the year end', () => {
    expect(add('2025-03-03T23:50+08:00', 15, 'minutes')).toBe('2025-03-04T00:05+08:00');
    expect(add('2025-10-01T12:00+08:00', 30, 'minutes')).toBe('2025-10-01T12:30+08:00');
    expect(add('2025-01-28T23:55+08:00', 15, 'minutes')).toBe('2025-01-29T00:10+08:00');
    expect(add('2025-12-31T23:45+08:00', 30, 'minutes')).toBe('2026-01-01T00:15+08:00');
    expect(add('2025-03-08T03:00+08:00', 1440, 'minutes')).toBe('2025-03-09T03:00+08:00');
    expect(add('2025-03-08T03:00+08:00', 0, 'minutes')).toBe('2025-03-08T03:00+08:00');
  });
});

describe('addWorkingTime input checks', () => {
  it('refuses negative or non-finite amounts, invalid dates and unknown units', () => {
    const start = at('2025-03-03T10:00+08:00');
    expect(() => addWorkingTime(start, -1, 'workingHours', cal)).toThrow(SlaArgumentInvalid);
    expect(() => addWorkingTime(start, Number.NaN, 'minutes', cal)).toThrow(SlaArgumentInvalid);
    expect(() => addWorkingTime(new Date('nonsense'), 1, 'minutes', cal)).toThrow(SlaArgumentInvalid);
    expect(() => addWorkingTime(start, 1, 'hours' as SlaUnit, cal)).toThrow(SlaArgumentInvalid);
  });
});

describe('workingTimeBetween', () => {
  it('counts office-hour minutes within a day, without the lunch break', () => {
    expect(between('2025-03-03T10:00+08:00', '2025-03-03T11:15+08:00')).toBe(75);
    expect(between('2025-03-03T11:00+08:00', '2025-03-03T14:00+08:00')).toBe(120);
    expect(between('2025-03-03T00:00+08:00', '2025-03-04T00:00+08:00')).toBe(480);
    expect(between('2025-03-03T12:10+08:00', '2025-03-03T12:50+08:00')).toBe(0);
  });

  it('across a weekend', () => {
    expect(between('2025-03-07T16:00+08:00', '2025-03-10T10:00+08:00')).toBe(180);
  });

  it('across National Day 2025 and its adjusted working Sunday', () => {
    expect(between('2025-09-30T16:00+08:00', '2025-10-09T09:00+08:00')).toBe(120);
    expect(between('2025-09-27T10:00+08:00', '2025-09-29T09:00+08:00')).toBe(510);
  });

  it('across Spring Festival 2026 (Feb 14 worked, Feb 15–23 off)', () => {
    expect(between('2026-02-13T17:00+08:00', '2026-02-24T09:00+08:00')).toBe(30 + 480 + 30);
  });

  it('is 0 when b is not after a, and fractional below a minute', () => {
    expect(between('2025-03-03T11:00+08:00', '2025-03-03T10:00+08:00')).toBe(0);
    expect(between('2025-03-03T11:00+08:00', '2025-03-03T11:00+08:00')).toBe(0);
    expect(between('2025-03-03T11:00:00+08:00', '2025-03-03T11:00:30+08:00')).toBe(0.5);
  });

  it('uses the overrides of the calendar it is given', () => {
    const district = createWorkingCalendar({ overrides: [{ date: '2025-10-08', working: true }] });
    expect(workingTimeBetween(at('2025-09-30T16:00+08:00'), at('2025-10-09T09:00+08:00'), district).workingMinutes).toBe(600);
    expect(beijing(addWorkingTime(at('2025-09-30T10:00+08:00'), 1, 'workingDays', district))).toBe('2025-10-08T10:00+08:00');
    const closed = createWorkingCalendar({ overrides: [{ date: '2025-03-10', working: false }] });
    expect(beijing(addWorkingTime(at('2025-03-07T10:00+08:00'), 1, 'workingDays', closed))).toBe('2025-03-11T10:00+08:00');
  });
});

describe('nextWorkingInstant', () => {
  it('is the instant itself inside office hours, else the next opening', () => {
    expect(beijing(nextWorkingInstant(at('2025-03-03T10:00+08:00'), cal))).toBe('2025-03-03T10:00+08:00');
    expect(beijing(nextWorkingInstant(at('2025-03-03T12:00+08:00'), cal))).toBe('2025-03-03T13:00+08:00');
    expect(beijing(nextWorkingInstant(at('2025-09-30T17:30+08:00'), cal))).toBe('2025-10-09T08:30+08:00');
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A random instant inside office hours of a working day in 2025–2026. */
function randomWorkingStart(next: () => number): Date {
  for (;;) {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 730) * 86_400_000).toISOString().slice(0, 10);
    if (!isWorkingDay(day, cal)) continue;
    const [from, to] = next() < 0.5 ? ['08:30', '12:00'] : ['13:00', '17:30'];
    const open = new Date(`${day}T${from}:00+08:00`).getTime();
    const close = new Date(`${day}T${to}:00+08:00`).getTime();
    return new Date(open + Math.floor(next() * (close - open)));
  }
}

/** Independent oracle: walks minute by minute (Beijing time is UTC+8 throughout 2025–2026). */
function bruteForceAddHours(start: Date, hours: number): Date {
  let t = start.getTime();
  let remaining = hours * 60;
  while (remaining > 0) {
    const wall = new Date(t + 8 * HOUR_MS);
    const minute = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    const open = (minute >= 510 && minute < 720) || (minute >= 780 && minute < 1050);
    if (open && isWorkingDay(wall.toISOString().slice(0, 10), cal)) remaining -= 1;
    t += 60_000;
  }
  return new Date(t);
}

describe('properties over random starts in 2025–2026', () => {
  it('workingTimeBetween(start, start + n working hours) is n × 60 minutes', () => {
    const next = random(365);
    for (let sample = 0; sample < 2000; sample += 1) {
      const start = randomWorkingStart(next);
      const hours = 1 + Math.floor(next() * 200);
      const end = addWorkingTime(start, hours, 'workingHours', cal);
      expect({ start: start.toISOString(), hours, minutes: workingTimeBetween(start, end, cal).workingMinutes }).toEqual({
        start: start.toISOString(),
        hours,
        minutes: hours * 60,
      });
    }
  });

  it('workingTimeBetween(start, start + n working days) is n × 480 minutes', () => {
    const next = random(12345);
    for (let sample = 0; sample < 1000; sample += 1) {
      const start = randomWorkingStart(next);
      const days = 1 + Math.floor(next() * 15);
      const end = addWorkingTime(start, days, 'workingDays', cal);
      expect(workingTimeBetween(start, end, cal).workingMinutes).toBe(days * 480);
    }
  });

  it('agrees with a minute-by-minute walk for whole-minute starts, inside or outside working time', () => {
    const next = random(83658365);
    for (let sample = 0; sample < 150; sample += 1) {
      const start = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 730 * 1440) * 60_000);
      const hours = 1 + Math.floor(next() * 24);
      expect(addWorkingTime(start, hours, 'workingHours', cal).toISOString()).toBe(
        bruteForceAddHours(start, hours).toISOString(),
      );
    }
  });
});
