import {
  SlaPolicyInvalid,
  SlaPolicyMissing,
  parseSlaPolicies,
  selectPolicy,
  type SlaCaseFacts,
  type SlaPolicy,
  type SlaPolicyMatch,
} from './index';
import { slaPolicyFixture } from '../../../test/support/sla-policy';

function policy(code: string, match: SlaPolicyMatch): SlaPolicy {
  return slaPolicyFixture({ code, name: code, match });
}

const complaint: SlaCaseFacts = { kind: 'complaint', categoryCode: 'heating.no-heat', priority: 'normal' };
const chosen = (policies: SlaPolicy[], facts: SlaCaseFacts): string => selectPolicy(policies, facts).code;

describe('selectPolicy', () => {
  const fallback = policy('default', {});

  it('falls back to the catch-all when nothing else matches', () => {
    expect(chosen([fallback, policy('consultation', { kind: 'consultation' })], complaint)).toBe('default');
  });

  it('a named field that matches beats the catch-all', () => {
    expect(chosen([fallback, policy('complaints', { kind: 'complaint' })], complaint)).toBe('complaints');
  });

  it('more named fields win: kind + priority over priority alone, whatever the list order', () => {
    const policies = [
      policy('urgent', { priority: 'urgent' }),
      policy('urgent-complaint', { kind: 'complaint', priority: 'urgent' }),
      fallback,
    ];
    const facts: SlaCaseFacts = { ...complaint, priority: 'urgent' };
    expect(chosen(policies, facts)).toBe('urgent-complaint');
    expect(chosen([...policies].reverse(), facts)).toBe('urgent-complaint');
  });

  it('a leaf category beats its top-level code; the top-level code covers the whole subtree', () => {
    const policies = [
      fallback,
      policy('heating', { categoryCode: 'heating' }),
      policy('no-heat', { categoryCode: 'heating.no-heat' }),
    ];
    expect(chosen(policies, complaint)).toBe('no-heat');
    expect(chosen(policies, { ...complaint, categoryCode: 'heating.pipe-leak' })).toBe('heating');
    expect(chosen(policies, { ...complaint, categoryCode: 'heating' })).toBe('heating');
  });

  it('a top-level code matches only on a dot boundary, and a leaf never matches its sibling', () => {
    const policies = [fallback, policy('heat', { categoryCode: 'heat' }), policy('no-heat', { categoryCode: 'heating.no-heat' })];
    expect(chosen(policies, { ...complaint, categoryCode: 'heating.pipe-leak' })).toBe('default');
  });

  it('a case without a category matches no category policy', () => {
    const policies = [fallback, policy('heating', { categoryCode: 'heating' })];
    expect(chosen(policies, { ...complaint, categoryCode: undefined })).toBe('default');
    expect(chosen(policies, { ...complaint, categoryCode: null })).toBe('default');
  });

  it('the number of named fields counts before category depth', () => {
    const policies = [
      policy('no-heat', { categoryCode: 'heating.no-heat' }),
      policy('heating-complaints', { kind: 'complaint', categoryCode: 'heating' }),
    ];
    expect(chosen(policies, complaint)).toBe('heating-complaints');
  });

  it('ties are broken by the smaller policy code', () => {
    const policies = [policy('b-complaints', { kind: 'complaint' }), policy('a-normal', { priority: 'normal' })];
    expect(chosen(policies, complaint)).toBe('a-normal');
    expect(chosen([...policies].reverse(), complaint)).toBe('a-normal');
  });

  it('every named field must match', () => {
    expect(chosen([fallback, policy('urgent-heating', { categoryCode: 'heating', priority: 'urgent' })], complaint)).toBe(
      'default',
    );
  });

  it('throws SlaPolicyMissing without a catch-all', () => {
    expect(() => selectPolicy([policy('consultation', { kind: 'consultation' })], complaint)).toThrow(SlaPolicyMissing);
  });
});

describe('parseSlaPolicies', () => {
  it('accepts a valid set', () => {
    const policies = [policy('default', {}), policy('consultation', { kind: 'consultation' })];
    expect(parseSlaPolicies(JSON.parse(JSON.stringify(policies)))).toEqual(policies);
  });

  it('lists every problem: typos, bad limits, duplicate codes and matches, missing catch-all', () => {
    const input = [
      { ...policy('consultation', { kind: 'consultation' }), warnRatio: 0.5 },
      { ...policy('consultation', { kind: 'consultation' }) },
      {
        ...policy('Bad Code', { kind: 'question' as never, categoryCode: 'Heating' }),
        accept: { amount: 1.5, unit: 'workingDays' },
      },
      {
        ...policy('hours', { priority: 'urgent' }),
        reply: { amount: 0, unit: 'hours' },
        countFrom: 'tomorrow',
        warningRatio: 1.2,
      },
    ];
    let problems: string[] = [];
    try {
      parseSlaPolicies(input);
    } catch (error) {
      expect(error).toBeInstanceOf(SlaPolicyInvalid);
      problems = (error as SlaPolicyInvalid).details.map((problem) => problem.field);
    }
    expect(problems).toEqual([
      'policies[0].warnRatio',
      'policies[1].code',
      'policies[1].match',
      'policies[2].code',
      'policies[2].match.kind',
      'policies[2].match.categoryCode',
      'policies[2].accept.amount',
      'policies[3].reply.unit',
      'policies[3].reply.amount',
      'policies[3].countFrom',
      'policies[3].warningRatio',
      'policies',
    ]);
  });

  it('refuses a non-array', () => {
    expect(() => parseSlaPolicies({ default: {} })).toThrow(SlaPolicyInvalid);
  });
});
