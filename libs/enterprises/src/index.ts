/** @hotline/enterprises — the enterprise register's pure rules: USCC (GB 32100-2015) and request types. */
export { USCC_ALPHABET, isValidUscc, normalizeUscc, usccCheckCharacter, usccProblem } from './uscc';
export {
  ENTERPRISE_CATEGORY_ROOT,
  ENTERPRISE_INDUSTRIES,
  ENTERPRISE_REQUEST_TYPES,
  categoryCodeOfRequestType,
  requestTypeOfCategory,
  type EnterpriseIndustry,
  type EnterpriseRequestType,
} from './enterprise-request-types';
export { enterpriseAuditView, type EnterpriseAuditFields, type EnterpriseContactField } from './enterprise-audit';
