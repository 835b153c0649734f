/**
 * @hotline/enterprises/values — plain constants with no imports, so that the browser console can offer
 * the register's industries from the one definition (@hotline/enterprises exports the same bindings).
 */
/** 行业 of the register, after the sections of GB/T 4754-2017 that a district's enterprises fall in. */
export const ENTERPRISE_INDUSTRIES = [
  'agriculture',
  'manufacturing',
  'utilities',
  'construction',
  'wholesaleRetail',
  'transportLogistics',
  'hospitality',
  'informationTechnology',
  'finance',
  'realEstate',
  'leasingBusinessServices',
  'scienceTechnology',
  'residentServices',
  'education',
  'health',
  'cultureSports',
  'other',
] as const;
export type EnterpriseIndustry = (typeof ENTERPRISE_INDUSTRIES)[number];
