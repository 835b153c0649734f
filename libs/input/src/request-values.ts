/**
 * Rules for any value or key a client sends, applied once at the edge (path segments, query values,
 * form fields, JSON bodies) rather than field by field.
 */

// Matching control characters is these patterns' whole purpose.
/* eslint-disable no-control-regex */
/** C0 controls and DEL: NUL above all, which PostgreSQL text refuses, and none of which a URL needs. */
const ANY_CONTROL = /[\u0000-\u001F\u007F]/;
/** The same, except tab and line breaks, which multi-line text in a form or JSON body may carry. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/* eslint-enable no-control-regex */

export function hasControlCharacter(value: string, allowLineBreaks: boolean): boolean {
  return (allowLineBreaks ? CONTROL_IN_TEXT : ANY_CONTROL).test(value);
}

/**
 * Names that reach or replace an object's prototype when used as a key (`obj[key] = …`), also as
 * a bracketed part of a form key like `attribute[__proto__]`. No field of the API is called that.
 */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string): boolean {
  if (PROTOTYPE_NAMES.has(key)) return true;
  for (const match of key.matchAll(/\[([^\]]*)\]/g)) if (PROTOTYPE_NAMES.has(match[1])) return true;
  return false;
}

/** A dictionary for user-chosen keys: no prototype, so `constructor` or `toString` are just absent. */
export function emptyDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export interface ValueLimits {
  /** Deepest nesting of arrays and objects (the top-level value is depth 1). */
  maxDepth: number;
  allowLineBreaks: boolean;
}

export interface ValueProblem {
  field: string;
  reason: string;
}

/**
 * Walks a parsed body or query without recursion (a deep value must not overflow the stack here, as
 * it did in validation) and returns the first problem: too deep, a prototype key, a control character.
 */
export function inspectValue(root: unknown, limits: ValueLimits, rootName: string): ValueProblem | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (hasControlCharacter(value, limits.allowLineBreaks))
        return { field: path || rootName, reason: 'must not contain control characters' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > limits.maxDepth) return { field: rootName, reason: `is nested deeper than ${limits.maxDepth} levels` };
    for (const key of Object.keys(value)) {
      const childPath = Array.isArray(value) ? `${path || rootName}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value)) {
        if (isPrototypeKey(key)) return { field: childPath, reason: 'is not an accepted name' };
        if (hasControlCharacter(key, false)) return { field: path || rootName, reason: 'has a name with control characters' };
      }
      pending.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
