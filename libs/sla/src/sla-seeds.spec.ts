import { readFileSync } from 'fs';
import { join } from 'path';
import {
  CASE_KINDS,
  CASE_PRIORITIES,
  computeReturnDeadline,
  computeStageDeadline,
  createWorkingCalendar,
  describeDay,
  parseSlaPolicies,
  selectPolicy,
  type CalendarOverride,
  type SlaCaseFacts,
  type SlaPolicy,
} from './index';

/*
 * The seed files are what every environment loads. Each seeded policy gets a worked example with
 * concrete instants, chosen to cross a weekend, an adjusted working day or a holiday.
 */

const SEEDS = join(__dirname, '..', '..', '..', 'seeds');
const load = (file: string): unknown => JSON.parse(readFileSync(join(SEEDS, file), 'utf8'));

const policies: SlaPolicy[] = parseSlaPolicies(load('sla-policies.json'));
const overrides = load('holiday-overrides.json') as CalendarOverride[];
const cal = createWorkingCalendar({ overrides });

const HOUR_MS = 3_600_000;
function beijing(instant: Date): string {
  const wall = new Date(instant.getTime() + 8 * HOUR_MS).toISOString();
  const trimmed = wall.endsWith(':00.000Z') ? wall.slice(0, 16) : wall.endsWith('.000Z') ? wall.slice(0, 19) : wall.slice(0, 23);
  return `${trimmed}+08:00`;
}

const TOP_CATEGORIES = [
  'city-appearance',
  'property',
  'heating',
  'old-courtyards-sewers',
  'parking-chargers',
  'food-market',
  'social-assistance',
  'employment',
  'education',
  'health',
  'public-safety',
  'utilities',
  'transport',
  'environment',
  'enterprise',
];

interface Example {
  facts: SlaCaseFacts;
  dispatchedAt: string;
  accept: [deadline: string, warnAt: string];
  reply: [deadline: string, warnAt: string];
  returnBy: string;
  repliedAt: string;
  callback: [deadline: string, warnAt: string];
}

const EXAMPLES: Record<string, Example> = {
  // Friday afternoon before National Day 2025: counting starts on the working Sunday Sep 28.
  default: {
    facts: { kind: 'complaint', categoryCode: 'property.elevator-failure', priority: 'normal' },
    dispatchedAt: '2025-09-26T16:00+08:00',
    accept: ['2025-09-29T08:30+08:00', '2025-09-28T15:30+08:00'],
    reply: ['2025-10-11T08:30+08:00', '2025-10-09T15:30+08:00'],
    returnBy: '2025-09-30T08:30+08:00',
    repliedAt: '2025-10-10T11:00+08:00',
    callback: ['2025-10-13T08:30+08:00', '2025-10-11T15:30+08:00'],
  },
  // Year end into the 2026 New Year holiday and its working Sunday Jan 4.
  consultation: {
    facts: { kind: 'consultation', categoryCode: 'employment.social-insurance', priority: 'normal' },
    dispatchedAt: '2025-12-30T14:00+08:00',
    accept: ['2026-01-04T08:30+08:00', '2025-12-31T15:30+08:00'],
    reply: ['2026-01-05T08:30+08:00', '2026-01-04T13:30+08:00'],
    returnBy: '2026-01-05T08:30+08:00',
    repliedAt: '2026-01-05T10:00+08:00',
    callback: ['2026-01-07T08:30+08:00', '2026-01-06T15:30+08:00'],
  },
  // Spring Festival 2026: the working Saturdays Feb 14 and Feb 28 around Feb 15–23; warning at 60%.
  'enterprise-request': {
    facts: { kind: 'enterpriseRequest', categoryCode: 'enterprise.approvals', priority: 'normal' },
    dispatchedAt: '2026-02-13T09:00+08:00',
    accept: ['2026-02-24T08:30+08:00', '2026-02-14T14:18+08:00'],
    reply: ['2026-02-28T08:30+08:00', '2026-02-25T17:30+08:00'],
    returnBy: '2026-02-25T08:30+08:00',
    repliedAt: '2026-02-27T16:00+08:00',
    callback: ['2026-03-02T08:30+08:00', '2026-02-28T14:18+08:00'],
  },
  // Late at night on National Day: the calendar clock does not stop.
  emergency: {
    facts: { kind: 'help', categoryCode: 'public-safety.fire-hazard', priority: 'emergency' },
    dispatchedAt: '2025-10-01T23:50+08:00',
    accept: ['2025-10-02T00:05+08:00', '2025-10-01T23:57:30+08:00'],
    reply: ['2025-10-02T23:50+08:00', '2025-10-02T11:50+08:00'],
    returnBy: '2025-10-11T08:30+08:00',
    repliedAt: '2025-10-02T20:00+08:00',
    callback: ['2025-10-10T08:30+08:00', '2025-10-09T13:30+08:00'],
  },
  'consultation-emergency': {
    facts: { kind: 'consultation', categoryCode: 'health.vaccination', priority: 'emergency' },
    dispatchedAt: '2026-01-01T12:00+08:00',
    accept: ['2026-01-01T12:15+08:00', '2026-01-01T12:07:30+08:00'],
    reply: ['2026-01-02T12:00+08:00', '2026-01-02T00:00+08:00'],
    returnBy: '2026-01-06T08:30+08:00',
    repliedAt: '2026-01-02T09:00+08:00',
    callback: ['2026-01-05T08:30+08:00', '2026-01-04T13:30+08:00'],
  },
  'enterprise-request-emergency': {
    facts: { kind: 'enterpriseRequest', categoryCode: 'enterprise.infrastructure', priority: 'emergency' },
    dispatchedAt: '2026-02-16T03:10+08:00',
    accept: ['2026-02-16T03:25+08:00', '2026-02-16T03:17:30+08:00'],
    reply: ['2026-02-17T03:10+08:00', '2026-02-16T15:10+08:00'],
    returnBy: '2026-02-26T08:30+08:00',
    repliedAt: '2026-02-16T18:00+08:00',
    callback: ['2026-02-25T08:30+08:00', '2026-02-24T13:30+08:00'],
  },
  // New Year's Eve 2025, 23:45: the clock runs into 2026.
  'utilities-urgent': {
    facts: { kind: 'complaint', categoryCode: 'utilities.water-outage', priority: 'urgent' },
    dispatchedAt: '2025-12-31T23:45+08:00',
    accept: ['2026-01-01T00:15+08:00', '2026-01-01T00:00+08:00'],
    reply: ['2026-01-01T23:45+08:00', '2026-01-01T11:45+08:00'],
    returnBy: '2026-01-06T08:30+08:00',
    repliedAt: '2026-01-01T10:00+08:00',
    callback: ['2026-01-05T08:30+08:00', '2026-01-04T13:30+08:00'],
  },
  'utilities-emergency': {
    facts: { kind: 'help', categoryCode: 'utilities.gas-leak', priority: 'emergency' },
    dispatchedAt: '2025-02-01T09:00+08:00',
    accept: ['2025-02-01T09:30+08:00', '2025-02-01T09:15+08:00'],
    reply: ['2025-02-02T09:00+08:00', '2025-02-01T21:00+08:00'],
    returnBy: '2025-02-07T08:30+08:00',
    repliedAt: '2025-02-01T15:00+08:00',
    callback: ['2025-02-06T08:30+08:00', '2025-02-05T13:30+08:00'],
  },
  // A Saturday night in the heating season.
  'heating-urgent': {
    facts: { kind: 'complaint', categoryCode: 'heating.no-heat', priority: 'urgent' },
    dispatchedAt: '2026-11-21T22:00+08:00',
    accept: ['2026-11-21T22:30+08:00', '2026-11-21T22:15+08:00'],
    reply: ['2026-11-22T22:00+08:00', '2026-11-22T10:00+08:00'],
    returnBy: '2026-11-25T08:30+08:00',
    repliedAt: '2026-11-22T14:00+08:00',
    callback: ['2026-11-24T08:30+08:00', '2026-11-23T13:30+08:00'],
  },
  // Ten minutes before closing on the last working day before Spring Festival 2025.
  'heating-emergency': {
    facts: { kind: 'help', categoryCode: 'heating.pipe-leak', priority: 'emergency' },
    dispatchedAt: '2025-01-27T17:20+08:00',
    accept: ['2025-01-27T17:50+08:00', '2025-01-27T17:35+08:00'],
    reply: ['2025-01-28T17:20+08:00', '2025-01-28T05:20+08:00'],
    returnBy: '2025-02-06T17:20+08:00',
    repliedAt: '2025-01-28T09:00+08:00',
    callback: ['2025-02-06T08:30+08:00', '2025-02-05T13:30+08:00'],
  },
};

function deadlines(policy: SlaPolicy, stage: 'accept' | 'reply' | 'callback', start: string): [string, string] {
  const { deadline, warnAt } = computeStageDeadline(policy, stage, new Date(start), cal);
  return [beijing(deadline), beijing(warnAt)];
}

describe('seeds/sla-policies.json', () => {
  it('has a worked example for every seeded policy', () => {
    expect(policies.map((policy) => policy.code).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it.each(Object.entries(EXAMPLES))('%s: selected for its case and computes its deadlines', (code, example) => {
    const policy = selectPolicy(policies, example.facts);
    expect(policy.code).toBe(code);
    expect({
      accept: deadlines(policy, 'accept', example.dispatchedAt),
      reply: deadlines(policy, 'reply', example.dispatchedAt),
      returnBy: beijing(computeReturnDeadline(policy, new Date(example.dispatchedAt), cal)),
      callback: deadlines(policy, 'callback', example.repliedAt),
    }).toEqual({ accept: example.accept, reply: example.reply, returnBy: example.returnBy, callback: example.callback });
  });

  it('names every policy in Chinese and keeps the published limits on returns and extensions', () => {
    for (const policy of policies) {
      expect(policy.name).toMatch(/[\u4e00-\u9fff]/);
      expect(policy.returnWindow).toEqual({ amount: 2, unit: 'workingDays' });
      expect(policy.maxExtensionDays).toBe(10);
      expect(policy.callback).toEqual({ amount: 1, unit: 'workingDays' });
      if (policy.match.categoryCode) expect(TOP_CATEGORIES).toContain(policy.match.categoryCode.split('.')[0]);
    }
  });

  describe('over every kind × top-level category × priority', () => {
    const combinations = CASE_KINDS.flatMap((kind) =>
      TOP_CATEGORIES.flatMap((top) => CASE_PRIORITIES.map((priority) => ({ kind, categoryCode: `${top}.x`, priority }))),
    );

    it('an emergency is always on the calendar clock: 15 minutes, 30 for water/power/gas/heating', () => {
      for (const facts of combinations.filter((facts) => facts.priority === 'emergency')) {
        const { accept } = selectPolicy(policies, facts);
        const utility = /^(utilities|heating)\./.test(facts.categoryCode);
        expect({ facts, accept }).toEqual({ facts, accept: { amount: utility ? 30 : 15, unit: 'minutes' } });
      }
    });

    it('urgent water/power/gas/heating is accepted within 30 calendar minutes', () => {
      for (const facts of combinations.filter((f) => f.priority === 'urgent' && /^(utilities|heating)\./.test(f.categoryCode))) {
        expect({ facts, accept: selectPolicy(policies, facts).accept }).toEqual({
          facts,
          accept: { amount: 30, unit: 'minutes' },
        });
      }
    });

    it('everything else is accepted within 1 working day; consultations replied in 2, others in 5 working days', () => {
      const ordinary = combinations.filter(
        (f) => f.priority === 'normal' || (f.priority === 'urgent' && !/^(utilities|heating)\./.test(f.categoryCode)),
      );
      for (const facts of ordinary) {
        const policy = selectPolicy(policies, facts);
        expect({ facts, accept: policy.accept, reply: policy.reply, countFrom: policy.countFrom }).toEqual({
          facts,
          accept: { amount: 1, unit: 'workingDays' },
          reply: { amount: facts.kind === 'consultation' ? 2 : 5, unit: 'workingDays' },
          countFrom: 'nextDayMidnight',
        });
      }
    });
  });
});

describe('seeds/holiday-overrides.json', () => {
  it('is a list of noted overrides the calendar accepts, and the example agrees with the State Council', () => {
    expect(Array.isArray(overrides)).toBe(true);
    for (const override of overrides) {
      expect(override.note).toMatch(/[\u4e00-\u9fff]/);
      expect(describeDay(override.date, cal)).toMatchObject({ working: override.working, source: 'override' });
    }
    expect(describeDay('2026-10-10', createWorkingCalendar())).toEqual({
      date: '2026-10-10',
      working: true,
      source: 'official',
      note: '国庆节',
    });
  });
});
