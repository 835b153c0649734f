import type { SqlParam } from './typed-sql';

/**
 * Builds the parameterised conditions of a WHERE clause: every value goes through a `$n` placeholder,
 * never into the SQL text. The one condition builder of the code (the case list, the statistics and
 * every other query that filters by what a caller asked).
 */
export class SqlConditions {
  readonly clauses: string[] = [];

  /** `params` may already hold values bound earlier in the same statement. */
  constructor(readonly params: SqlParam[] = []) {}

  /** Binds a value and returns its placeholder. */
  p(value: SqlParam): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds one condition; a function receives `p` to bind the values it uses. */
  add(clause: string | ((p: (value: SqlParam) => string) => string)): void {
    this.clauses.push(typeof clause === 'string' ? clause : clause((value) => this.p(value)));
  }

  /** The conditions joined with AND, or `true` when there are none. */
  sql(): string {
    return this.clauses.length ? this.clauses.join(' AND ') : 'true';
  }

  /** `WHERE …`, or nothing when there are no conditions. */
  where(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
