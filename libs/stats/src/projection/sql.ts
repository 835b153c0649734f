import type { EntityManager } from 'typeorm';
import type { ClientBase } from 'pg';
import { STATS_FIGURE_COLUMNS } from '@hotline/database';
import type { CaseFigure } from '../figures/case-figures';

/** A query function: lets the same code run on a TypeORM manager (services) or a pg client (scripts). */
export type Sql = <T = Record<string, any>>(text: string, params?: unknown[]) => Promise<T[]>;

export const sqlOfManager = (manager: EntityManager): Sql => (text, params) => manager.query(text, params);
export const sqlOfClient = (client: ClientBase): Sql => async (text, params) => (await client.query(text, params as unknown[])).rows;

/** Columns of `stats_case_facts` (a boolean each) and `stats_daily` (a count each) per figure. */
export const FIGURE_COLUMNS: { readonly [F in CaseFigure]: string } = STATS_FIGURE_COLUMNS;

/** The facts table has no `received` column: every row is a received case. */
export function factsPredicate(figure: CaseFigure, alias: string): string {
  return figure === 'received' ? 'true' : `${alias}.${FIGURE_COLUMNS[figure]}`;
}
