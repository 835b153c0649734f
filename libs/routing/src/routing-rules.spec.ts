import { chooseRoute, RoutingInput, RoutingRule } from './routing-rules';

function rule(code: string, fields: Partial<RoutingRule>): RoutingRule {
  return {
    code,
    categoryCode: null,
    streetCode: null,
    gridCode: null,
    kind: null,
    keywords: [],
    leadDepartmentCode: `dept-${code}`,
    assistingDepartmentCodes: [],
    ...fields,
  };
}

const heatingInBaiyun: RoutingInput = {
  kind: 'complaint',
  categoryPath: ['heating', 'heating.no-heat'],
  streetCode: 'baiyun',
  gridCode: 'baiyun-01-g1',
  text: '家里暖气不热，室温只有12度',
};

describe('chooseRoute', () => {
  it('returns null when no rule matches, so the case waits for a dispatcher', () => {
    expect(chooseRoute([rule('R1', { categoryCode: 'property' })], heatingInBaiyun)).toBeNull();
  });

  it('prefers a leaf category over its top-level category', () => {
    const decision = chooseRoute(
      [rule('R1', { categoryCode: 'heating' }), rule('R2', { categoryCode: 'heating.no-heat' })],
      heatingInBaiyun,
    );
    expect(decision?.ruleCode).toBe('R2');
    expect(decision?.explanation).toBe('matched rule R2 (category heating.no-heat)');
  });

  it('prefers a street rule over a category-only rule, and a grid rule over a street rule', () => {
    const rules = [
      rule('R1', { categoryCode: 'heating.no-heat' }),
      rule('R2', { categoryCode: 'heating', streetCode: 'baiyun' }),
      rule('R3', { categoryCode: 'heating', gridCode: 'baiyun-01-g1' }),
    ];
    expect(chooseRoute(rules, heatingInBaiyun)?.ruleCode).toBe('R3');
    expect(chooseRoute(rules.slice(0, 2), heatingInBaiyun)?.ruleCode).toBe('R2');
  });

  it('never matches a rule whose named condition fails', () => {
    const rules = [
      rule('R1', { categoryCode: 'heating', streetCode: 'rixin' }),
      rule('R2', { categoryCode: 'heating', kind: 'consultation' }),
      rule('R3', { categoryCode: 'heating', keywords: ['燃气'] }),
    ];
    expect(chooseRoute(rules, heatingInBaiyun)).toBeNull();
  });

  it('lets a keyword rule outrank a leaf category rule and explains the keyword', () => {
    const decision = chooseRoute(
      [rule('R1', { categoryCode: 'heating.no-heat' }), rule('R9', { keywords: ['煤气', '室温'] })],
      heatingInBaiyun,
    );
    expect(decision?.ruleCode).toBe('R9');
    expect(decision?.explanation).toContain('keyword "室温"');
  });

  it('breaks ties by the lower rule code, whatever the order of the list', () => {
    const a = rule('R07', { categoryCode: 'heating' });
    const b = rule('R03', { categoryCode: 'heating' });
    expect(chooseRoute([a, b], heatingInBaiyun)?.ruleCode).toBe('R03');
    expect(chooseRoute([b, a], heatingInBaiyun)?.ruleCode).toBe('R03');
  });

  it('matches a case without a place only by rules that name no place', () => {
    const input = { ...heatingInBaiyun, streetCode: null, gridCode: null };
    const rules = [rule('R1', { streetCode: 'baiyun' }), rule('R2', { categoryCode: 'heating' })];
    expect(chooseRoute(rules, input)?.ruleCode).toBe('R2');
  });

  it('carries assisting departments through', () => {
    const decision = chooseRoute(
      [rule('R1', { categoryCode: 'heating', assistingDepartmentCodes: ['housing', 'street-baiyun'] })],
      heatingInBaiyun,
    );
    expect(decision?.assistingDepartmentCodes).toEqual(['housing', 'street-baiyun']);
  });
});
