/**
 * Turns the statements an API process sent while it took one case in (captured by pg-capture-hook.js)
 * into a pgbench script that sends the same statements in the same transaction, so that the bench's
 * baseline is what the API does, not what someone remembered it does.
 *
 * What must differ per transaction is taken from the answers of earlier statements, as the API does:
 * the case id `RETURNING id` gives, the time and sequence number of `SELECT nextval(…), now()`. Ids of
 * seeded rows (the operator, the category, the grid…) differ between databases, so they become
 * variables resolved by natural key (username, code) in the database the bench runs against.
 */

/** One statement as pg-capture-hook.js wrote it. */
export interface CapturedStatement {
  connection: number;
  text: string;
  values: Array<string | null | { bytea: string }>;
  firstRow: Record<string, string | null | { bytea: string }> | null;
}

/** A seeded row a parameter referred to, by the table's natural key. */
export interface RowReference {
  table: string;
  column: string;
  value: string;
}

/** The tables whose ids an intake may name, and the column that names their rows in every database. */
export const REFERENCE_KEYS: Record<string, string> = {
  users: 'username',
  categories: 'code',
  streets: 'code',
  communities: 'code',
  grids: 'code',
  departments: 'code',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEGIN = /^\s*(START TRANSACTION|BEGIN)\b/i;
const COMMIT = /^\s*COMMIT\b/i;
/** The statement that inserts the case: alone, or as a CTE of a larger statement (`WITH created AS (INSERT …`). */
const INSERTS_CASE = /^\s*(WITH\b[\s\S]*?\bAS\s*\(\s*)?INSERT INTO cases\b/i;
/** A case number: the prefix, the date (8 digits) and a sequence of at least 6 digits. */
const CASE_NO = /^[A-Z]*\d{14,}$/;

/** The statements of the last transaction that inserted a case, BEGIN and COMMIT included. */
export function lastIntakeTransaction(records: CapturedStatement[]): CapturedStatement[] {
  const insertAt = records.map((r) => INSERTS_CASE.test(r.text)).lastIndexOf(true);
  if (insertAt < 0) throw new Error('no INSERT INTO cases was captured');
  const connection = records[insertAt].connection;
  const own = records.map((r, i) => ({ r, i })).filter(({ r }) => r.connection === connection);
  const at = own.findIndex(({ i }) => i === insertAt);
  let start = at;
  while (start >= 0 && !BEGIN.test(own[start].r.text)) start--;
  let end = at;
  while (end < own.length && !COMMIT.test(own[end].r.text)) end++;
  if (start < 0 || end >= own.length) throw new Error('the case was not inserted inside a captured transaction');
  return own.slice(start, end + 1).map(({ r }) => r);
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const variableName = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');

export interface PgbenchScript {
  /** The script: statements separated by a blank line, so that one can be left out (the NOTIFY). */
  sql: string;
  /** pgbench variable → the seeded row it stands for. */
  references: Record<string, RowReference>;
}

/**
 * The pgbench script for a captured transaction. `lookUp` names the seeded row an id refers to (or
 * undefined for an id that is not a seeded row's). The case number is the prefix and date the API
 * formatted followed by the sequence number unpadded (pgbench cannot pad text): unique, as the API's.
 */
export async function pgbenchScriptFor(
  transaction: CapturedStatement[],
  lookUp: (id: string) => Promise<RowReference | undefined>,
): Promise<PgbenchScript> {
  // Values from earlier answers that later statements carry, replaced by the variable \gset gives them.
  const carried: Array<{ captured: string; replacement: string; statement: number }> = [];
  const references: Record<string, RowReference> = {};
  const referenceFor = new Map<string, string>();
  const used = new Set<number>();

  const caseInsert = transaction.find((s) => INSERTS_CASE.test(s.text));
  const caseNo = caseInsert?.values.find((v): v is string => typeof v === 'string' && CASE_NO.test(v));

  transaction.forEach((statement, index) => {
    for (const [column, value] of Object.entries(statement.firstRow ?? {})) {
      if (typeof value !== 'string') continue;
      const variable = `:s${index}_${variableName(column)}`;
      if (UUID.test(value) || value.length >= 16) carried.push({ captured: value, replacement: variable, statement: index });
      else if (/^\d+$/.test(value) && caseNo?.endsWith(value.padStart(6, '0'))) {
        carried.push({ captured: caseNo, replacement: `${caseNo.slice(0, -6)}${variable}`, statement: index });
      }
    }
  });

  const blocks: string[] = [];
  for (const [index, statement] of transaction.entries()) {
    const parameters: string[] = [];
    for (const value of statement.values) {
      if (value === null) {
        parameters.push('NULL');
        continue;
      }
      if (typeof value !== 'string') {
        parameters.push(`'\\x${value.bytea}'`);
        continue;
      }
      let text = value;
      for (const c of carried) {
        if (c.statement < index && text.includes(c.captured)) {
          text = text.split(c.captured).join(c.replacement);
          used.add(c.statement);
        }
      }
      if (text === value && UUID.test(value)) {
        let variable = referenceFor.get(value);
        if (!variable) {
          const row = await lookUp(value);
          if (row) {
            variable = variableName(`ref_${row.table}_${row.value}`);
            references[variable] = row;
            referenceFor.set(value, variable);
          }
        }
        if (variable) text = `:${variable}`;
      }
      parameters.push(literal(text));
    }
    const sql = statement.text
      .trim()
      .replace(/;$/, '')
      .replace(/\$(\d+)/g, (_, n: string) => parameters[Number(n) - 1]);
    blocks.push(sql);
  }
  const sql = blocks.map((block, index) => (used.has(index) ? `${block} \\gset s${index}_` : `${block};`)).join('\n\n');
  return { sql: `${sql}\n`, references };
}

/**
 * The script without its NOTIFY: the same writes, without waking anyone. A statement that only notifies
 * is left out; a NOTIFY inside a statement that also writes (`wake AS (SELECT pg_notify(…))`) becomes NULL.
 */
export function withoutNotify(sql: string): string {
  return sql
    .split('\n\n')
    .filter((block) => !/^\s*(SELECT\s+pg_notify\s*\([^)]*\)|NOTIFY\b[^;]*);?\s*$/i.test(block))
    .map((block) => block.replace(/\bpg_notify\s*\('[^']*',\s*'[^']*'\)/gi, 'NULL'))
    .join('\n\n');
}
