import type { FieldProblem } from '@hotline/errors';
import { SlaPolicyInvalid } from './sla-errors';
import {
  CASE_KINDS,
  CASE_PRIORITIES,
  SLA_COUNT_FROM,
  SUSPENDED_TIME_IN_RATES,
  type SlaLimit,
  type SlaPolicy,
  type SlaPolicyMatch,
} from './sla-policy';
import { SLA_UNITS } from './working-time';

const POLICY_FIELDS = new Set([
  'code',
  'name',
  'notes',
  'match',
  'accept',
  'reply',
  'callback',
  'leadReview',
  'centreReview',
  'countFrom',
  'warningRatio',
  'returnWindow',
  'maxExtensionDays',
  'maxExtensions',
  'suspension',
]);
const SUSPENSION_FIELDS = new Set(['maxDuration', 'inRates']);
const MATCH_FIELDS = new Set(['kind', 'categoryCode', 'priority']);
const CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CATEGORY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function checkLimit(value: unknown, field: string, problems: FieldProblem[]): void {
  if (!isObject(value)) {
    problems.push({ field, reason: 'must be {amount, unit}' });
    return;
  }
  const { amount, unit } = value as Partial<SlaLimit>;
  if (!includes(SLA_UNITS, unit)) problems.push({ field: `${field}.unit`, reason: `must be one of ${SLA_UNITS.join(', ')}` });
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
    problems.push({ field: `${field}.amount`, reason: 'must be a number > 0' });
  } else if (unit === 'workingDays' && !Number.isInteger(amount)) {
    problems.push({ field: `${field}.amount`, reason: 'working days must be a whole number' });
  }
}

function checkMatch(value: unknown, field: string, problems: FieldProblem[]): void {
  if (!isObject(value)) {
    problems.push({ field, reason: 'must be an object ({} for the catch-all)' });
    return;
  }
  for (const key of Object.keys(value)) {
    if (!MATCH_FIELDS.has(key)) problems.push({ field: `${field}.${key}`, reason: 'is not a match field' });
  }
  const { kind, categoryCode, priority } = value as SlaPolicyMatch;
  if (kind !== undefined && !includes(CASE_KINDS, kind)) {
    problems.push({ field: `${field}.kind`, reason: `must be one of ${CASE_KINDS.join(', ')}` });
  }
  if (priority !== undefined && !includes(CASE_PRIORITIES, priority)) {
    problems.push({ field: `${field}.priority`, reason: `must be one of ${CASE_PRIORITIES.join(', ')}` });
  }
  if (categoryCode !== undefined && (typeof categoryCode !== 'string' || !CATEGORY_PATTERN.test(categoryCode))) {
    problems.push({ field: `${field}.categoryCode`, reason: "must be a category code like 'heating' or 'heating.no-heat'" });
  }
}

/** Optional: a policy without it suspends under SUSPENSION_FALLBACK. */
function checkSuspension(value: unknown, field: string, problems: FieldProblem[]): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.push({ field, reason: 'must be {maxDuration, inRates}' });
    return;
  }
  for (const key of Object.keys(value)) {
    if (!SUSPENSION_FIELDS.has(key)) problems.push({ field: `${field}.${key}`, reason: 'is not a suspension field' });
  }
  checkLimit(value.maxDuration, `${field}.maxDuration`, problems);
  if (!includes(SUSPENDED_TIME_IN_RATES, value.inRates)) {
    problems.push({ field: `${field}.inRates`, reason: `must be one of ${SUSPENDED_TIME_IN_RATES.join(', ')}` });
  }
}

function isNonNegativeInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function matchKey(match: unknown): string {
  const { kind, categoryCode, priority } = (isObject(match) ? match : {}) as SlaPolicyMatch;
  return JSON.stringify([kind ?? null, categoryCode ?? null, priority ?? null]);
}

/**
 * Checks a policy set (the seed file, or an admin's edit) and returns it typed. Refuses, listing every
 * problem: unknown fields (a typo like "warnRatio" must not pass silently), bad limits, duplicate
 * codes, two policies with the same match (the tie-break would hide one), and a set without exactly
 * one catch-all, since every case must get a policy.
 */
export function parseSlaPolicies(input: unknown): SlaPolicy[] {
  const problems: FieldProblem[] = [];
  if (!Array.isArray(input)) throw new SlaPolicyInvalid([{ field: 'policies', reason: 'must be an array' }]);

  const codes = new Map<string, number>();
  const matches = new Map<string, string>();
  let catchAlls = 0;
  input.forEach((policy: unknown, index: number) => {
    const at = `policies[${index}]`;
    if (!isObject(policy)) {
      problems.push({ field: at, reason: 'must be an object' });
      return;
    }
    for (const key of Object.keys(policy)) {
      if (!POLICY_FIELDS.has(key)) problems.push({ field: `${at}.${key}`, reason: 'is not a policy field' });
    }
    const { code, name, notes, match } = policy;
    if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
      problems.push({ field: `${at}.code`, reason: 'must be lower-case words joined by hyphens' });
    } else if (codes.has(code)) {
      problems.push({ field: `${at}.code`, reason: `repeats policies[${codes.get(code)}].code '${code}'` });
    } else {
      codes.set(code, index);
    }
    if (typeof name !== 'string' || name.trim() === '') problems.push({ field: `${at}.name`, reason: 'is required' });
    if (notes !== undefined && typeof notes !== 'string') problems.push({ field: `${at}.notes`, reason: 'must be a string' });
    checkMatch(match, `${at}.match`, problems);
    if (isObject(match)) {
      const key = matchKey(match);
      const earlier = matches.get(key);
      if (earlier !== undefined) problems.push({ field: `${at}.match`, reason: `is the same as policy '${earlier}'` });
      else matches.set(key, String(code));
      if (Object.keys(match).length === 0) catchAlls += 1;
    }
    for (const stage of ['accept', 'reply', 'callback', 'returnWindow'] as const) {
      checkLimit(policy[stage], `${at}.${stage}`, problems);
    }
    // The review steps (办结审核) are optional: a policy without them gives each one working day.
    for (const stage of ['leadReview', 'centreReview'] as const) {
      if (policy[stage] !== undefined) checkLimit(policy[stage], `${at}.${stage}`, problems);
    }
    if (!includes(SLA_COUNT_FROM, policy.countFrom)) {
      problems.push({ field: `${at}.countFrom`, reason: `must be one of ${SLA_COUNT_FROM.join(', ')}` });
    }
    const ratio = policy.warningRatio;
    if (typeof ratio !== 'number' || !(ratio > 0 && ratio < 1)) {
      problems.push({ field: `${at}.warningRatio`, reason: 'must be a number between 0 and 1 (exclusive)' });
    }
    if (!isNonNegativeInteger(policy.maxExtensionDays)) {
      problems.push({ field: `${at}.maxExtensionDays`, reason: 'must be a whole number ≥ 0' });
    }
    if (!isNonNegativeInteger(policy.maxExtensions)) {
      problems.push({ field: `${at}.maxExtensions`, reason: 'must be a whole number ≥ 0' });
    }
    checkSuspension(policy.suspension, `${at}.suspension`, problems);
  });
  if (catchAlls !== 1) {
    problems.push({ field: 'policies', reason: `needs exactly one catch-all policy (match {}), found ${catchAlls}` });
  }
  if (problems.length > 0) throw new SlaPolicyInvalid(problems);
  return input as SlaPolicy[];
}
