import {
  SlaArgumentInvalid,
  computeReturnDeadline,
  computeStageDeadline,
  createWorkingCalendar,
  type SlaPolicy,
  type SlaStage,
} from './index';
import { slaPolicyFixture } from '../../../test/support/sla-policy';

const cal = createWorkingCalendar();
const HOUR_MS = 3_600_000;

function beijing(instant: Date): string {
  const wall = new Date(instant.getTime() + 8 * HOUR_MS).toISOString();
  const trimmed = wall.endsWith(':00.000Z') ? wall.slice(0, 16) : wall.endsWith('.000Z') ? wall.slice(0, 19) : wall.slice(0, 23);
  return `${trimmed}+08:00`;
}

function stage(policy: SlaPolicy, which: SlaStage, start: string): { deadline: string; warnAt: string } {
  const { deadline, warnAt } = computeStageDeadline(policy, which, new Date(start), cal);
  return { deadline: beijing(deadline), warnAt: beijing(warnAt) };
}

const base: SlaPolicy = slaPolicyFixture({ code: 'test', name: '测试', callback: { amount: 4, unit: 'workingHours' } });
const dalian: SlaPolicy = { ...base, countFrom: 'nextDayMidnight' };
const emergency: SlaPolicy = { ...base, accept: { amount: 15, unit: 'minutes' }, warningRatio: 0.75 };

describe("computeStageDeadline, countFrom 'stageStart'", () => {
  it('1 working day from Monday 10:00; the warning at 75% of its 8 working hours', () => {
    expect(stage(base, 'accept', '2025-03-03T10:00+08:00')).toEqual({
      deadline: '2025-03-04T10:00+08:00',
      warnAt: '2025-03-03T17:00+08:00',
    });
  });

  it('working hours: 4 from Monday 16:00 end Tuesday 11:00, warning after 3 (Tuesday 10:00)', () => {
    expect(stage(base, 'callback', '2025-03-03T16:00+08:00')).toEqual({
      deadline: '2025-03-04T11:00+08:00',
      warnAt: '2025-03-04T10:00+08:00',
    });
  });

  it('calendar minutes: 15 minutes across midnight of a holiday, the warning after 11¼ minutes', () => {
    expect(stage(emergency, 'accept', '2025-10-01T23:55+08:00')).toEqual({
      deadline: '2025-10-02T00:10+08:00',
      warnAt: '2025-10-02T00:06:15+08:00',
    });
  });

  it('the warning of a working-day limit counted from Friday evening falls in Monday office hours', () => {
    expect(stage(base, 'accept', '2025-03-07T18:00+08:00')).toEqual({
      deadline: '2025-03-11T08:30+08:00',
      warnAt: '2025-03-10T15:30+08:00',
    });
  });

  it('warningRatio 1 warns at the deadline; a ratio that lands on a closing time warns at it', () => {
    expect(stage({ ...base, warningRatio: 1 }, 'accept', '2025-03-03T10:00+08:00')).toEqual({
      deadline: '2025-03-04T10:00+08:00',
      warnAt: '2025-03-04T10:00+08:00',
    });
    // 3.5 of 8 working hours from 08:30 run out exactly at the 12:00 lunch closing
    expect(stage({ ...base, warningRatio: 3.5 / 8 }, 'accept', '2025-03-03T08:30+08:00').warnAt).toBe('2025-03-03T12:00+08:00');
  });
});

describe("computeStageDeadline, countFrom 'nextDayMidnight' (Dalian)", () => {
  it('Monday 10:00: counting starts Tuesday 00:00, rolls to 08:30, 1 working day ends Wednesday 08:30', () => {
    expect(stage(dalian, 'accept', '2025-03-03T10:00+08:00')).toEqual({
      deadline: '2025-03-05T08:30+08:00',
      warnAt: '2025-03-04T15:30+08:00',
    });
  });

  it('Friday 15:00: counting starts on Monday; 5 working days end the next Monday, warning Thursday 15:30', () => {
    expect(stage(dalian, 'reply', '2025-03-07T15:00+08:00')).toEqual({
      deadline: '2025-03-17T08:30+08:00',
      warnAt: '2025-03-13T15:30+08:00',
    });
  });

  it('the eve of National Day 2025: counting starts on Oct 9', () => {
    expect(stage(dalian, 'accept', '2025-09-30T11:00+08:00')).toEqual({
      deadline: '2025-10-10T08:30+08:00',
      warnAt: '2025-10-09T15:30+08:00',
    });
  });

  it('a stage starting at 00:00 still counts from the following midnight', () => {
    expect(stage(dalian, 'accept', '2025-03-04T00:00+08:00').deadline).toBe('2025-03-06T08:30+08:00');
  });

  it('calendar minutes start at that midnight without rolling to office hours', () => {
    expect(stage({ ...emergency, countFrom: 'nextDayMidnight' }, 'accept', '2025-03-07T15:00+08:00')).toEqual({
      deadline: '2025-03-08T00:15+08:00',
      warnAt: '2025-03-08T00:11:15+08:00',
    });
  });

  it('midnight is the district zone’s, not the server’s or UTC', () => {
    const newYork = createWorkingCalendar({ timeZone: 'America/New_York' });
    // Saturday 10:00 EDT → Sunday 00:00 EDT → the next opening is Monday 08:30 EST (clocks went back on Sunday)
    const { deadline } = computeStageDeadline(dalian, 'accept', new Date('2025-11-01T10:00-04:00'), newYork);
    expect(deadline.toISOString()).toBe(new Date('2025-11-04T08:30-05:00').toISOString());
  });
});

describe('computeReturnDeadline', () => {
  it('is the return window counted like the stage deadlines', () => {
    expect(beijing(computeReturnDeadline(base, new Date('2025-03-07T10:00+08:00'), cal))).toBe('2025-03-11T10:00+08:00');
    expect(beijing(computeReturnDeadline(dalian, new Date('2025-03-07T10:00+08:00'), cal))).toBe('2025-03-12T08:30+08:00');
  });
});

describe('computeStageDeadline input checks', () => {
  it('refuses an unknown stage, an invalid date and a warning ratio outside 0..1', () => {
    expect(() => computeStageDeadline(base, 'close' as SlaStage, new Date(), cal)).toThrow(SlaArgumentInvalid);
    expect(() => computeStageDeadline(base, 'accept', new Date(Number.NaN), cal)).toThrow(SlaArgumentInvalid);
    expect(() => computeStageDeadline({ ...base, warningRatio: 1.5 }, 'accept', new Date(), cal)).toThrow(SlaArgumentInvalid);
  });
});
