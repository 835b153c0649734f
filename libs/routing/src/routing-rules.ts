/**
 * Routing: which department a case goes to. Pure: rules in, decision out, with the reason spelled out
 * so that a dispatcher can see why ("matched rule R12: category heating.no-heat, street baiyun").
 */
export interface RoutingRule {
  code: string;
  categoryCode: string | null;
  streetCode: string | null;
  gridCode: string | null;
  kind: string | null;
  keywords: string[];
  leadDepartmentCode: string;
  assistingDepartmentCodes: string[];
}

export interface RoutingInput {
  kind: string;
  /** The case's category and its ancestors, root first, e.g. ['heating', 'heating.no-heat']. */
  categoryPath: string[];
  streetCode: string | null;
  gridCode: string | null;
  /** Title and description, searched for a rule's keywords. */
  text: string;
}

export interface RoutingDecision {
  ruleCode: string;
  leadDepartmentCode: string;
  assistingDepartmentCodes: string[];
  score: number;
  explanation: string;
}

/**
 * How much each named condition makes a rule more specific. A grid beats a street beats no place; a
 * keyword (e.g. 燃气泄漏) outranks a category because it names the concrete danger; a leaf category
 * outranks its top-level category; kind is the weakest refinement.
 */
const WEIGHT = { grid: 16, street: 8, keywords: 6, categoryPerLevel: 2, kind: 1 } as const;

function categoryDepth(rule: RoutingRule, input: RoutingInput): number | null {
  if (rule.categoryCode === null) return 0;
  const index = input.categoryPath.indexOf(rule.categoryCode);
  return index < 0 ? null : index + 1;
}

function matchedKeyword(rule: RoutingRule, text: string): string | null | undefined {
  if (rule.keywords.length === 0) return undefined;
  return rule.keywords.find((word) => word.length > 0 && text.includes(word)) ?? null;
}

/** Scores a rule against a case: null when any named condition fails. */
export function scoreRule(rule: RoutingRule, input: RoutingInput): { score: number; reasons: string[] } | null {
  const reasons: string[] = [];
  let score = 0;
  if (rule.gridCode !== null) {
    if (rule.gridCode !== input.gridCode) return null;
    score += WEIGHT.grid;
    reasons.push(`grid ${rule.gridCode}`);
  }
  if (rule.streetCode !== null) {
    if (rule.streetCode !== input.streetCode) return null;
    score += WEIGHT.street;
    reasons.push(`street ${rule.streetCode}`);
  }
  const depth = categoryDepth(rule, input);
  if (depth === null) return null;
  if (depth > 0) {
    score += WEIGHT.categoryPerLevel * depth;
    reasons.push(`category ${rule.categoryCode}`);
  }
  if (rule.kind !== null) {
    if (rule.kind !== input.kind) return null;
    score += WEIGHT.kind;
    reasons.push(`kind ${rule.kind}`);
  }
  const keyword = matchedKeyword(rule, input.text);
  if (keyword === null) return null;
  if (keyword !== undefined) {
    score += WEIGHT.keywords;
    reasons.push(`keyword "${keyword}"`);
  }
  return { score, reasons };
}

/** The most specific matching rule (ties: the lower rule code), or null when the case must wait for a dispatcher. */
export function chooseRoute(rules: readonly RoutingRule[], input: RoutingInput): RoutingDecision | null {
  let best: { rule: RoutingRule; score: number; reasons: string[] } | null = null;
  for (const rule of rules) {
    const scored = scoreRule(rule, input);
    if (!scored) continue;
    if (!best || scored.score > best.score || (scored.score === best.score && rule.code < best.rule.code)) {
      best = { rule, ...scored };
    }
  }
  if (!best) return null;
  const conditions = best.reasons.length > 0 ? best.reasons.join(', ') : 'catch-all';
  return {
    ruleCode: best.rule.code,
    leadDepartmentCode: best.rule.leadDepartmentCode,
    assistingDepartmentCodes: best.rule.assistingDepartmentCodes,
    score: best.score,
    explanation: `matched rule ${best.rule.code} (${conditions})`,
  };
}
