import { CASE_KINDS, CASE_PRIORITIES, type CaseKind, type CasePriority } from '@hotline/cases/values';
import { SlaPolicyMissing } from './sla-errors';
import type { SlaUnit } from './working-time';

/** A policy is chosen by the case's kind and priority: their one definition is the case's own. */
export { CASE_KINDS, CASE_PRIORITIES, type CaseKind, type CasePriority };

/**
 * accept (签收), reply with the result (办结答复), the reply's review by the department lead and by the
 * centre (办结审核, only for departments that have them), call the citizen back (回访).
 */
export const SLA_STAGES = ['accept', 'reply', 'leadReview', 'centreReview', 'callback'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

/**
 * stageStart: counting starts at the moment the stage starts.
 * nextDayMidnight: Dalian's rule — counting starts at 00:00 of the following calendar day in the
 * district's zone (and, for working units, then rolls to the next opening of working time).
 */
export const SLA_COUNT_FROM = ['stageStart', 'nextDayMidnight'] as const;
export type SlaCountFrom = (typeof SLA_COUNT_FROM)[number];

export interface SlaLimit {
  amount: number;
  unit: SlaUnit;
}

/**
 * Which cases a policy is for. Every field named must match; an empty match is the catch-all.
 * categoryCode is a leaf ('heating.no-heat') or a top-level code ('heating') covering its subtree.
 */
export interface SlaPolicyMatch {
  kind?: CaseKind;
  categoryCode?: string;
  priority?: CasePriority;
}

export interface SlaPolicy {
  code: string;
  /** Chinese name shown to staff. */
  name: string;
  /** Where the figures come from and why. */
  notes?: string;
  match: SlaPolicyMatch;
  accept: SlaLimit;
  reply: SlaLimit;
  callback: SlaLimit;
  /** 办结审核 by the department lead; a policy without it gives the step REVIEW_STAGE_FALLBACK. */
  leadReview?: SlaLimit;
  /** 办结审核 by the centre; a policy without it gives the step REVIEW_STAGE_FALLBACK. */
  centreReview?: SlaLimit;
  countFrom: SlaCountFrom;
  /** Share of the allowed time after which the warning fires (0.75 → at three quarters). */
  warningRatio: number;
  /** How long after dispatch a department may still return (退单) a case. */
  returnWindow: SlaLimit;
  /** Most working days one extension (延期) may add. */
  maxExtensionDays: number;
  /** Most extensions a case may get. */
  maxExtensions: number;
  /** 挂起: how long a stage's clock may stay stopped, and how suspended time counts in the rates. */
  suspension?: SuspensionRules;
}

/**
 * How suspended time counts in the on-time rates (libs/stats):
 * - 'excluded': the clock stopped, so a stage is judged against its deadline as the suspension moved it;
 * - 'counted': suspended time counts as handling time, so it is judged against the deadline that stood
 *   when the clock stopped (the suspension protects from breaches, not from the rates).
 */
export const SUSPENDED_TIME_IN_RATES = ['excluded', 'counted'] as const;
export type SuspendedTimeInRates = (typeof SUSPENDED_TIME_IN_RATES)[number];

export interface SuspensionRules {
  /** After this long suspended, the clock resumes by itself (counted like a stage limit, from the approval). */
  maxDuration: SlaLimit;
  inRates: SuspendedTimeInRates;
}

/** A policy written before suspension existed: ten working days at most, suspended time not counted. */
export const SUSPENSION_FALLBACK: SuspensionRules = { maxDuration: { amount: 10, unit: 'workingDays' }, inRates: 'excluded' };

export function suspensionRules(policy: SlaPolicy): SuspensionRules {
  return policy.suspension ?? SUSPENSION_FALLBACK;
}

/** The review steps' limit in a policy written before they existed: one working day, like the callback. */
export const REVIEW_STAGE_FALLBACK: SlaLimit = { amount: 1, unit: 'workingDays' };

/** A stage's limit under a policy (the review steps fall back to REVIEW_STAGE_FALLBACK). */
export function stageLimit(policy: SlaPolicy, stage: SlaStage): SlaLimit {
  if (stage === 'leadReview' || stage === 'centreReview') return policy[stage] ?? REVIEW_STAGE_FALLBACK;
  return policy[stage];
}

export interface SlaCaseFacts {
  kind: CaseKind;
  categoryCode?: string | null;
  priority: CasePriority;
}

function categoryMatches(policyCode: string, caseCode: string | null | undefined): boolean {
  if (!caseCode) return false;
  return caseCode === policyCode || caseCode.startsWith(`${policyCode}.`);
}

export function policyMatches(match: SlaPolicyMatch, facts: SlaCaseFacts): boolean {
  if (match.kind !== undefined && match.kind !== facts.kind) return false;
  if (match.priority !== undefined && match.priority !== facts.priority) return false;
  if (match.categoryCode !== undefined && !categoryMatches(match.categoryCode, facts.categoryCode)) return false;
  return true;
}

/** [named fields, category depth]: compared in that order, larger is more specific. */
function specificity(match: SlaPolicyMatch): [number, number] {
  const named = [match.kind, match.categoryCode, match.priority].filter((value) => value !== undefined).length;
  const depth = match.categoryCode === undefined ? 0 : match.categoryCode.split('.').length;
  return [named, depth];
}

/** Negative when a is the better choice. */
export function comparePolicies(a: SlaPolicy, b: SlaPolicy): number {
  const [namedA, depthA] = specificity(a.match);
  const [namedB, depthB] = specificity(b.match);
  if (namedA !== namedB) return namedB - namedA;
  if (depthA !== depthB) return depthB - depthA;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * The most specific policy matching a case:
 * 1. more named match fields win (kind + priority beats priority alone);
 * 2. then a leaf category beats its top-level code ('heating.no-heat' over 'heating');
 * 3. then the smaller policy code, so the choice never depends on list order.
 * The catch-all (empty match) is chosen only when nothing else matches; without one, SlaPolicyMissing.
 */
export function selectPolicy(policies: readonly SlaPolicy[], facts: SlaCaseFacts): SlaPolicy {
  let best: SlaPolicy | undefined;
  for (const policy of policies) {
    if (!policyMatches(policy.match, facts)) continue;
    if (!best || comparePolicies(policy, best) < 0) best = policy;
  }
  if (!best) throw new SlaPolicyMissing(facts);
  return best;
}
