import { AuthUser, isCentreRole } from '@hotline/auth';

/**
 * Who sees which cases and how much of the caller. Pure, so the rules read in one place and are
 * tested alone; the query service turns a scope into SQL.
 */
export type CaseScope =
  | { kind: 'all' }
  | { kind: 'department'; departmentId: string }
  /** A grid worker: cases in their grids, and the cases they logged themselves wherever those lie. */
  | { kind: 'grids'; gridCodes: string[]; userId: string }
  | { kind: 'none' };

export function caseScopeFor(viewer: AuthUser): CaseScope {
  if (isCentreRole(viewer.role)) return { kind: 'all' };
  if (viewer.role === 'departmentStaff' || viewer.role === 'departmentLead') {
    return viewer.departmentId ? { kind: 'department', departmentId: viewer.departmentId } : { kind: 'none' };
  }
  if (viewer.role === 'gridWorker') return { kind: 'grids', gridCodes: viewer.gridCodes, userId: viewer.id };
  return { kind: 'none' };
}

export type CallerVisibility = 'full' | 'masked' | 'hidden';

/**
 * The centre (operators call back, supervisors audit) sees callers in full; departments and grid
 * workers see them masked; on a confidential case (e.g. 举报, a report) they see nothing of the caller.
 */
export function callerVisibilityFor(viewer: AuthUser, confidential: boolean): CallerVisibility {
  if (isCentreRole(viewer.role)) return 'full';
  return confidential ? 'hidden' : 'masked';
}

/**
 * Hiding the caller of a confidential case is not enough if an answer ties the case to others of the
 * same caller: a list of one caller's cases, an enterprise's requests, repeat callers or addresses. For
 * viewers who do not see callers in full, such answers leave confidential cases out (and the case rules
 * refuse merging a confidential case with an ordinary one). The SQL condition on the case row `alias`,
 * for every query that selects or groups cases by who called.
 */
export function callerLinkedCasesSql(viewer: AuthUser, alias = 'c'): string {
  return callerVisibilityFor(viewer, true) === 'full' ? 'true' : `NOT ${alias}.confidential`;
}
