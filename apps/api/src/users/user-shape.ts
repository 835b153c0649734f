import { isDepartmentRole, type Role } from '@hotline/auth';
import type { FieldProblem } from '@hotline/errors';

/** What a user's role asks of the rest of the record. */
export interface UserShape {
  role: Role;
  departmentCode: string | null;
  gridCodes: string[];
}

/**
 * A user record is checked as a whole after every change: department roles belong to exactly one
 * department, grid workers serve at least one grid, and no other role carries either (a centre user
 * with a department would be scoped as if they were a department's).
 */
export function userShapeProblems(user: UserShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (isDepartmentRole(user.role)) {
    if (!user.departmentCode) problems.push({ field: 'departmentCode', reason: `is required for the ${user.role} role` });
  } else if (user.departmentCode) {
    problems.push({ field: 'departmentCode', reason: `must be absent for the ${user.role} role (department roles only)` });
  }
  if (user.role === 'gridWorker') {
    if (user.gridCodes.length === 0) problems.push({ field: 'gridCodes', reason: 'a grid worker needs at least one grid' });
  } else if (user.gridCodes.length > 0) {
    problems.push({ field: 'gridCodes', reason: `must be empty for the ${user.role} role (grid workers only)` });
  }
  return problems;
}

/**
 * The record a PATCH leads to. A role change that does not mention the department or the grids drops
 * those the new role cannot carry, so "make this staff member an operator" needs no second field.
 */
export function patchedShape(
  current: UserShape,
  change: { role?: Role; departmentCode?: string | null; gridCodes?: string[] },
): UserShape {
  const role = change.role ?? current.role;
  const roleChanged = role !== current.role;
  let departmentCode = change.departmentCode === undefined ? current.departmentCode : change.departmentCode;
  if (change.departmentCode === undefined && roleChanged && !isDepartmentRole(role)) departmentCode = null;
  let gridCodes = change.gridCodes ?? current.gridCodes;
  if (change.gridCodes === undefined && roleChanged && role !== 'gridWorker') gridCodes = [];
  return { role, departmentCode, gridCodes: [...new Set(gridCodes)] };
}
