import type { RoutingRule } from './routing-rules';
import { checkRuleSet, routeChanges, unroutedCategories, type RuleSetReference } from './rule-set';

const rule = (code: string, over: Partial<RoutingRule> = {}): RoutingRule => ({
  code,
  categoryCode: null,
  streetCode: null,
  gridCode: null,
  kind: null,
  keywords: [],
  leadDepartmentCode: 'heating',
  assistingDepartmentCodes: [],
  ...over,
});

const reference: RuleSetReference = {
  departments: new Set(['heating', 'housing']),
  categories: new Map([
    ['heating', { path: ['heating'], leaf: false }],
    ['heating.no-heat', { path: ['heating', 'heating.no-heat'], leaf: true }],
    ['heating.pipe-leak', { path: ['heating', 'heating.pipe-leak'], leaf: true }],
    ['dispute', { path: ['dispute'], leaf: true }],
  ]),
  knownCategories: new Set(['heating', 'heating.no-heat', 'heating.pipe-leak', 'dispute', 'retired-one']),
  streets: new Set(['baiyun']),
  grids: new Set(['baiyun-01-g1']),
  kinds: ['complaint', 'report'],
};

describe('a routing rule set checked as a whole', () => {
  it('finds the leaf categories some case of which would reach no rule', () => {
    const rules = [
      rule('R1', { categoryCode: 'heating', streetCode: 'baiyun' }),
      rule('R2', { categoryCode: 'heating.no-heat' }),
    ];
    // R1 names a street, so it does not route every pipe-leak case; nothing routes disputes.
    expect(unroutedCategories({ rules, dispatcherCategories: [] }, reference)).toEqual(['dispute', 'heating.pipe-leak']);
    // A group left to the dispatchers covers its leaves; a catch-all rule covers everything.
    expect(unroutedCategories({ rules, dispatcherCategories: ['heating', 'dispute'] }, reference)).toEqual([]);
    expect(unroutedCategories({ rules: [rule('R9')], dispatcherCategories: [] }, reference)).toEqual([]);
  });

  it('names every problem with the field the admin sent', () => {
    const problems = checkRuleSet(
      {
        rules: [
          rule('R1', { categoryCode: 'heating' }),
          rule('R1', { categoryCode: 'nope', streetCode: 'x', gridCode: 'y', kind: 'z', leadDepartmentCode: 'gone' }),
          rule('R3', { categoryCode: 'heating', assistingDepartmentCodes: ['heating', 'gone'] }),
        ],
        dispatcherCategories: ['retired-one', 'never'],
      },
      reference,
    );
    expect(problems).toEqual([
      { field: 'rules.1.code', reason: '"R1" is also rule 0' },
      { field: 'rules.1.categoryCode', reason: 'unknown or retired category "nope"' },
      { field: 'rules.1.streetCode', reason: 'unknown street "x"' },
      { field: 'rules.1.gridCode', reason: 'unknown grid "y"' },
      { field: 'rules.1.kind', reason: 'unknown kind "z"' },
      { field: 'rules.1.leadDepartmentCode', reason: 'unknown or retired department "gone"' },
      { field: 'rules.2.assistingDepartmentCodes.0', reason: 'the lead department cannot also assist' },
      { field: 'rules.2.assistingDepartmentCodes.1', reason: 'unknown or retired department "gone"' },
      { field: 'rules.2', reason: 'has the same conditions as rule R1' },
      { field: 'dispatcherCategories.1', reason: 'unknown category "never"' },
      {
        field: 'dispatcherCategories',
        reason:
          'no rule routes every case of dispute: add a rule for them, or list them here to leave them to the dispatchers on purpose',
      },
    ]);
  });

  it('lists the cases the proposed rules send elsewhere, and only those', () => {
    const current = [rule('R1', { categoryCode: 'heating' })];
    const proposed = [
      rule('R1', { categoryCode: 'heating' }),
      rule('R2', { categoryCode: 'heating.pipe-leak', leadDepartmentCode: 'housing' }),
    ];
    const input = (leafCode: string) => ({
      kind: 'complaint',
      categoryPath: ['heating', leafCode],
      streetCode: null,
      gridCode: null,
      text: '',
    });
    const changes = routeChanges(current, proposed, [
      { ref: 'a', input: input('heating.no-heat') },
      { ref: 'b', input: input('heating.pipe-leak') },
      { ref: 'c', input: { ...input('x'), categoryPath: ['dispute'] } },
    ]);
    expect(changes.map((c) => [c.ref, c.current?.leadDepartmentCode, c.proposed?.leadDepartmentCode])).toEqual([
      ['b', 'heating', 'housing'],
    ]);
  });
});
