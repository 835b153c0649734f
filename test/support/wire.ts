import type { FieldProblem } from '@hotline/errors';

/**
 * A server type as a client receives it after JSON: times become ISO strings, everything else keeps its
 * shape. Tests type response bodies with the server's own views through this (`Wire<CaseView>`), so a
 * renamed field fails to compile instead of comparing undefined.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The one error shape every API refusal has (apps/api's error filter). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: FieldProblem[];
}

/** A page of a list endpoint (`/api/v1/cases`, inboxes). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
