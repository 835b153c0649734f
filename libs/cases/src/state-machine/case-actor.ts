import { DEPARTMENT_ROLES, ROLES, type DepartmentRole, type Role } from '@hotline/auth/values';

/** People who sign in (the roles of @hotline/auth). The machine also knows `system`: the worker's automatic routing and timers. */
export const USER_ROLES = ROLES;
export type UserRole = Role;

export const SYSTEM_ROLE = 'system';
export const CASE_ACTOR_ROLES = [...USER_ROLES, SYSTEM_ROLE] as const;
export type CaseActorRole = (typeof CASE_ACTOR_ROLES)[number];

/** Roles that belong to a department; what they may do depends on their department's place on the case. */
export { DEPARTMENT_ROLES, type DepartmentRole };
/** Roles of the hotline centre (and the system), which act on every case. */
export type CentreRole = Exclude<CaseActorRole, DepartmentRole>;

/**
 * How the actor's department stands on this case: the lead department (主办), an assisting one (协办),
 * or not on it at all. The service computes it from the user's department and the case's departments.
 */
export const CASE_RELATIONS = ['lead', 'assisting', 'none'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

export interface CaseActor {
  readonly role: CaseActorRole;
  /** Read only for department roles; missing means 'none'. */
  readonly relation?: CaseRelation;
}

export function isDepartmentRole(role: CaseActorRole): role is DepartmentRole {
  return (DEPARTMENT_ROLES as readonly CaseActorRole[]).includes(role);
}
