/**
 * 企业诉求 request types. Each is a sub-category of `enterprise` in seeds/categories.json, so routing
 * rules, SLA policies and statistics treat them like any other category; this list is the contract
 * clients see (`requestType`) and the mapping to those categories.
 */
export const ENTERPRISE_REQUEST_TYPES = [
  'financing',
  'approvals',
  'project-support',
  'employment',
  'policy-consultation',
  'infrastructure',
] as const;
export type EnterpriseRequestType = (typeof ENTERPRISE_REQUEST_TYPES)[number];

export const ENTERPRISE_CATEGORY_ROOT = 'enterprise';

export function categoryCodeOfRequestType(type: EnterpriseRequestType): string {
  return `${ENTERPRISE_CATEGORY_ROOT}.${type}`;
}

/** The request type a category stands for, or null when the category is not an enterprise request type. */
export function requestTypeOfCategory(categoryCode: string): EnterpriseRequestType | null {
  const prefix = `${ENTERPRISE_CATEGORY_ROOT}.`;
  if (!categoryCode.startsWith(prefix)) return null;
  const type = categoryCode.slice(prefix.length);
  return (ENTERPRISE_REQUEST_TYPES as readonly string[]).includes(type) ? (type as EnterpriseRequestType) : null;
}

export { ENTERPRISE_INDUSTRIES, type EnterpriseIndustry } from './values';
