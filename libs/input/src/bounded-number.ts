/**
 * The one reader of numbers that arrive as text (query parameters, form fields). Plain decimal
 * notation only: `1e18`, `0x10`, `Infinity`, `' 7'` and `''` are not numbers a person types into a
 * page or amount field, and `Number()` would take every one of them.
 */

export interface NumberBounds {
  min: number;
  max: number;
  /** Whole numbers only (pages, counts, levels). */
  integer?: boolean;
}

const INTEGER = /^[-+]?\d{1,16}$/;
const DECIMAL = /^[-+]?\d{1,16}(\.\d{1,12})?$/;

/** The number `value` spells, if it is within `bounds`; null otherwise. */
export function parseBoundedNumber(value: string, bounds: NumberBounds): number | null {
  if (typeof value !== 'string' || !(bounds.integer ? INTEGER : DECIMAL).test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= bounds.min && n <= bounds.max ? n : null;
}

/** The refusal's wording, the same for every parameter. */
export function boundsDescription(bounds: NumberBounds): string {
  return `${bounds.integer ? 'a whole number' : 'a number'} from ${bounds.min} to ${bounds.max}`;
}
