// Plain values and types, no imports: the console compiles this file too (through @hotline/auth/values).

/** The roles of DESIGN.md "Users and what they do". Values are part of the API contract. */
export const ROLES = [
  'admin',
  'operator',
  'dispatcher',
  'departmentStaff',
  'departmentLead',
  'supervisor',
  'gridWorker',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to a department: they see their department's cases only. */
export const DEPARTMENT_ROLES = ['departmentStaff', 'departmentLead'] as const satisfies readonly Role[];
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

/** Roles of the hotline centre itself: they see every case and the callers' contact details. */
export const CENTRE_ROLES: readonly Role[] = ['admin', 'operator', 'dispatcher', 'supervisor'];

/** Who is signed in, as carried by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentCode: string | null;
  gridCodes: string[];
}

export function isDepartmentRole(role: Role): boolean {
  return (DEPARTMENT_ROLES as readonly Role[]).includes(role);
}

export function isCentreRole(role: Role): boolean {
  return CENTRE_ROLES.includes(role);
}
