import type { Role } from '@hotline/auth/values';
import type { SessionUser } from './api';

/** Which screens each role works in; the API enforces the same scopes, the menu only avoids dead ends. */
export const SCREENS: Record<string, Role[]> = {
  intake: ['operator', 'dispatcher', 'supervisor', 'admin', 'gridWorker'],
  cases: ['operator', 'dispatcher', 'supervisor', 'admin', 'gridWorker', 'departmentStaff', 'departmentLead'],
  supervisor: ['supervisor', 'admin', 'dispatcher'],
  dashboard: ['supervisor', 'admin', 'departmentLead'],
  admin: ['admin'],
};

/**
 * Who gets the queue board's button (the API's POST /queue-board/session admits admins, supervisors
 * read-only): like SCREENS, only to avoid a dead end; the API decides.
 */
export const QUEUE_BOARD_ROLES: Role[] = ['admin', 'supervisor'];

/** Who gets the city orders' tab (GET …/upstream/12345/dead-letters and …/orders admit supervisors and admins). */
export const CITY_ORDER_ROLES: Role[] = ['admin', 'supervisor'];

export function mayOpen(screen: keyof typeof SCREENS, user: SessionUser | null): boolean {
  return !!user && SCREENS[screen].includes(user.role);
}

export function homeOf(user: SessionUser): string {
  switch (user.role) {
    case 'operator':
    case 'gridWorker':
      return '/intake';
    case 'supervisor':
      return '/supervisor';
    case 'admin':
      return '/admin';
    default:
      return '/cases';
  }
}
