/**
 * @hotline/auth/values — the lib's second public entry: plain constants and types with no imports, so
 * that the browser console and the pure domain rules can use them without Nest or Node. The one
 * definition of the roles; @hotline/auth (index.ts) exports the same bindings.
 */
export { ROLES, DEPARTMENT_ROLES, CENTRE_ROLES, type Role, type DepartmentRole, type AuthUser } from './roles';
