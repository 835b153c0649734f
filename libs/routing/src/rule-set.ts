/**
 * A routing rule set as a whole (pure): the rules and the categories deliberately left to the
 * dispatchers. An admin saves a whole set; it is checked as one before it is stored, so a set that
 * names what does not exist, repeats a rule, or leaves a category without a route unannounced is refused.
 */
import { chooseRoute, type RoutingDecision, type RoutingInput, type RoutingRule } from './routing-rules';

export interface RuleSet {
  rules: RoutingRule[];
  /**
   * Categories (any level: a group covers its sub-categories) whose cases go to a dispatcher on purpose
   * when no rule fits: the explicit acknowledgement that they have no route of their own.
   */
  dispatcherCategories: string[];
}

/** What the set is checked against: the reference data in force (active departments, categories in use). */
export interface RuleSetReference {
  /** Active departments' codes. */
  departments: ReadonlySet<string>;
  /** Categories in use (not retired), with their path (root first, own code last) and whether they are leaves. */
  categories: ReadonlyMap<string, { path: string[]; leaf: boolean }>;
  /** Every category ever created, retired ones too (an acknowledgement naming a retired category is harmless). */
  knownCategories: ReadonlySet<string>;
  streets: ReadonlySet<string>;
  grids: ReadonlySet<string>;
  kinds: readonly string[];
}

export interface RuleSetProblem {
  field: string;
  reason: string;
}

/** Conditions two rules may not share: the tie would be broken by rule code, which nobody means. */
function conditionKey(rule: RoutingRule): string {
  return JSON.stringify([rule.categoryCode, rule.streetCode, rule.gridCode, rule.kind, [...rule.keywords].sort()]);
}

/** A rule that routes every case of the categories under its own, whatever the place, kind or text. */
function routesWholeCategory(rule: RoutingRule): boolean {
  return rule.streetCode === null && rule.gridCode === null && rule.kind === null && rule.keywords.length === 0;
}

/**
 * Leaf categories in use where some case would reach no rule (no rule covers the whole category) and
 * that are not left to the dispatchers on purpose, in category order.
 */
export function unroutedCategories(set: RuleSet, reference: RuleSetReference): string[] {
  const whole = set.rules.filter(routesWholeCategory).map((r) => r.categoryCode);
  const toDispatcher = new Set(set.dispatcherCategories);
  const unrouted: string[] = [];
  for (const [code, category] of reference.categories) {
    if (!category.leaf) continue;
    if (whole.some((c) => c === null || category.path.includes(c))) continue;
    if (category.path.some((c) => toDispatcher.has(c))) continue;
    unrouted.push(code);
  }
  return unrouted.sort();
}

/** Every problem of the set at once (empty when it may be stored), each naming the field as the admin sent it. */
export function checkRuleSet(set: RuleSet, reference: RuleSetReference): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const codes = new Map<string, number>();
  const conditions = new Map<string, string>();
  set.rules.forEach((rule, i) => {
    const at = `rules.${i}`;
    const seen = codes.get(rule.code);
    if (seen !== undefined) problems.push({ field: `${at}.code`, reason: `"${rule.code}" is also rule ${seen}` });
    codes.set(rule.code, i);
    if (rule.categoryCode !== null && !reference.categories.has(rule.categoryCode)) {
      problems.push({ field: `${at}.categoryCode`, reason: `unknown or retired category "${rule.categoryCode}"` });
    }
    if (rule.streetCode !== null && !reference.streets.has(rule.streetCode)) {
      problems.push({ field: `${at}.streetCode`, reason: `unknown street "${rule.streetCode}"` });
    }
    if (rule.gridCode !== null && !reference.grids.has(rule.gridCode)) {
      problems.push({ field: `${at}.gridCode`, reason: `unknown grid "${rule.gridCode}"` });
    }
    if (rule.kind !== null && !reference.kinds.includes(rule.kind)) {
      problems.push({ field: `${at}.kind`, reason: `unknown kind "${rule.kind}"` });
    }
    if (!reference.departments.has(rule.leadDepartmentCode)) {
      problems.push({ field: `${at}.leadDepartmentCode`, reason: `unknown or retired department "${rule.leadDepartmentCode}"` });
    }
    rule.assistingDepartmentCodes.forEach((code, j) => {
      if (!reference.departments.has(code)) {
        problems.push({ field: `${at}.assistingDepartmentCodes.${j}`, reason: `unknown or retired department "${code}"` });
      } else if (code === rule.leadDepartmentCode) {
        problems.push({ field: `${at}.assistingDepartmentCodes.${j}`, reason: 'the lead department cannot also assist' });
      }
    });
    const key = conditionKey(rule);
    const twin = conditions.get(key);
    if (twin !== undefined) problems.push({ field: at, reason: `has the same conditions as rule ${twin}` });
    else conditions.set(key, rule.code);
  });
  set.dispatcherCategories.forEach((code, i) => {
    if (!reference.knownCategories.has(code)) {
      problems.push({ field: `dispatcherCategories.${i}`, reason: `unknown category "${code}"` });
    }
  });
  const unrouted = unroutedCategories(set, reference);
  if (unrouted.length > 0) {
    problems.push({
      field: 'dispatcherCategories',
      reason:
        `no rule routes every case of ${unrouted.join(', ')}: add a rule for them, or list them here ` +
        `to leave them to the dispatchers on purpose`,
    });
  }
  return problems;
}

/** One case as the preview replays it: where the rules in force and the proposed rules would send it. */
export interface PreviewCase<Ref> {
  ref: Ref;
  input: RoutingInput;
}

export interface RouteChange<Ref> {
  ref: Ref;
  current: RoutingDecision | null;
  proposed: RoutingDecision | null;
}

/** The cases the proposed rules send elsewhere (another lead, another assisting set, or to/from a dispatcher). */
export function routeChanges<Ref>(
  current: readonly RoutingRule[],
  proposed: readonly RoutingRule[],
  cases: ReadonlyArray<PreviewCase<Ref>>,
): Array<RouteChange<Ref>> {
  const target = (d: RoutingDecision | null) =>
    d ? `${d.leadDepartmentCode}|${[...d.assistingDepartmentCodes].sort().join(',')}` : 'dispatcher';
  const changes: Array<RouteChange<Ref>> = [];
  for (const c of cases) {
    const before = chooseRoute(current, c.input);
    const after = chooseRoute(proposed, c.input);
    if (target(before) !== target(after)) changes.push({ ref: c.ref, current: before, proposed: after });
  }
  return changes;
}
