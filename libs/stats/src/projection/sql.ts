import type { EntityManager } from 'typeorm';
import type { ClientBase } from 'pg';
import { STATS_FIGURE_COLUMNS } from '@hotline/database';
import type { CaseFigure } from '../figures/case-figures';

/** A query function: lets the same code run on a TypeORM manager (services) or a pg client (scripts). */
export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export const sqlOfManager =
  (manager: EntityManager): Sql =>
  <T>(text: string, params?: unknown[]) =>
    manager.query<T[]>(text, params);
// pg types no row (any); the caller's T says what the statement selects.
export const sqlOfClient =
  (client: ClientBase): Sql =>
  async <T>(text: string, params?: unknown[]) =>
    (await client.query(text, params)).rows as T[];

/** Columns of `stats_case_facts` (a boolean each) and `stats_daily` (a count each) per figure. */
export const FIGURE_COLUMNS: { readonly [F in CaseFigure]: string } = STATS_FIGURE_COLUMNS;

/** The facts table has no `received` column: every row is a received case. */
export function factsPredicate(figure: CaseFigure, alias: string): string {
  return figure === 'received' ? 'true' : `${alias}.${FIGURE_COLUMNS[figure]}`;
}
