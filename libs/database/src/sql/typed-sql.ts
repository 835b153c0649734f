import type { ClientBase, Pool } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The one way the code runs SQL text (lint refuses `.query(` anywhere else): every statement names the
 * row type it reads, so a renamed column is a compile error at the one interface that describes it,
 * never an `any` that travels. Runs on whatever TypeORM gives the caller — the pool (DataSource), a
 * transaction's EntityManager or a QueryRunner — so a statement inside `transaction(...)` stays in it.
 */
export type SqlRunner = DataSource | EntityManager | QueryRunner;

/**
 * A value bound to a `$n` placeholder, never spliced into the text. node-postgres serialises whatever it
 * gets (dates, buffers, arrays for `= ANY($n)`, objects as JSON), so any value is accepted; it is the
 * row type that the helpers make explicit.
 */
export type SqlParam = unknown;

async function run(db: SqlRunner, text: string, params?: readonly SqlParam[]): Promise<unknown> {
  // The three runners share this signature; TypeORM types its result `any`, which stops here.
  const runner: { query(text: string, params?: unknown[]): Promise<unknown> } = db;
  return runner.query(text, params ? [...params] : undefined);
}

/**
 * The rows a statement returns: a SELECT's rows, or the RETURNING rows of an INSERT, UPDATE or DELETE.
 * (TypeORM's postgres driver answers UPDATE and DELETE with `[rows, affectedCount]`, everything else
 * with the rows alone; a row is always an object, so the two shapes never mix up.)
 */
export async function sqlRows<Row extends object>(db: SqlRunner, text: string, params?: readonly SqlParam[]): Promise<Row[]> {
  return returnedRows<Row>(await run(db, text, params));
}

/** The first row a statement returns, or undefined when it returns none. */
export async function sqlRow<Row extends object>(
  db: SqlRunner,
  text: string,
  params?: readonly SqlParam[],
): Promise<Row | undefined> {
  const [row] = await sqlRows<Row>(db, text, params);
  return row;
}

/** How many rows an UPDATE or DELETE changed (node-postgres' rowCount). */
export async function sqlAffected(db: SqlRunner, text: string, params?: readonly SqlParam[]): Promise<number> {
  const result = await run(db, text, params);
  if (!Array.isArray(result) || typeof result[1] !== 'number') {
    throw new Error('sqlAffected runs UPDATE or DELETE statements only');
  }
  return result[1];
}

/** A statement whose result nobody reads (DDL, locks, inserts without RETURNING, set_config …). */
export async function sqlExec(db: SqlRunner, text: string, params?: readonly SqlParam[]): Promise<void> {
  await run(db, text, params);
}

/** A plain node-postgres connection or pool: the offline tools and the LISTEN connection, outside TypeORM. */
export type PgRunner = ClientBase | Pool;

/** The rows of a statement run on a node-postgres client or pool. */
export async function pgRows<Row extends object>(db: PgRunner, text: string, params?: readonly SqlParam[]): Promise<Row[]> {
  const client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> } = db;
  const { rows } = await client.query(text, params ? [...params] : undefined);
  return rows as Row[];
}

/** A statement on a node-postgres client or pool whose result nobody reads. */
export async function pgExec(db: PgRunner, text: string, params?: readonly SqlParam[]): Promise<void> {
  await pgRows<object>(db, text, params);
}

/** The rows of a result TypeORM's `query()` returned (see sqlRows): `[rows, count]` or the rows alone. */
function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}

/**
 * A statement runner as a function, for code that runs both in services (on a TypeORM manager) and in
 * offline tools (on a node-postgres client): the caller's Row says what the statement returns.
 */
export type Sql = <Row extends object = Record<string, unknown>>(text: string, params?: readonly SqlParam[]) => Promise<Row[]>;

export const sqlOfManager =
  (db: SqlRunner): Sql =>
  <Row extends object>(text: string, params?: readonly SqlParam[]) =>
    sqlRows<Row>(db, text, params);

export const sqlOfClient =
  (client: PgRunner): Sql =>
  <Row extends object>(text: string, params?: readonly SqlParam[]) =>
    pgRows<Row>(client, text, params);
