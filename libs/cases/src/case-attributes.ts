/** 诉求类型. Values are part of the API contract. */
export const CASE_KINDS = ['complaint', 'help', 'consultation', 'suggestion', 'report', 'praise', 'enterpriseRequest'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** 来源渠道. Values are part of the API contract. */
export const CASE_CHANNELS = [
  'phone',
  'app',
  'web',
  'wechat',
  'gridPatrol',
  'transfer12345',
  'minxin',
  'enterprisePortal',
  'open311',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** Priority decides the SLA policy (emergencies run on the calendar clock). */
export const CASE_PRIORITIES = ['normal', 'urgent', 'emergency'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];
