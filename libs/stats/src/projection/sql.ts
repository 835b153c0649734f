import { STATS_FIGURE_COLUMNS } from '@hotline/database';
import type { CaseFigure } from '../figures/case-figures';

/** The query function that runs on a TypeORM manager (services) or a pg client (scripts): see @hotline/database. */
export { sqlOfClient, sqlOfManager, type Sql } from '@hotline/database';

/** Columns of `stats_case_facts` (a boolean each) and `stats_daily` (a count each) per figure. */
export const FIGURE_COLUMNS: { readonly [F in CaseFigure]: string } = STATS_FIGURE_COLUMNS;

/** The facts table has no `received` column: every row is a received case. */
export function factsPredicate(figure: CaseFigure, alias: string): string {
  return figure === 'received' ? 'true' : `${alias}.${FIGURE_COLUMNS[figure]}`;
}
