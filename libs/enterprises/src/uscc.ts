/**
 * 统一社会信用代码 (unified social credit code, USCC) under GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V, which read like digits):
 *   1    registration authority (1 机构编制, 5 民政, 9 工商, Y 其他 …)
 *   2    organisation type
 *   3–8  administrative division code (6 digits)
 *   9–17 organisation code (GB 11714)
 *   18   check character over the first 17 (weights 3^(i) mod 31, modulus 31)
 * Only the standard's shape and check character are verified: whether a code was issued is a
 * question for the registry, not for arithmetic.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 3^i mod 31 for i = 0…16, the weights the standard lists. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Upper-cases and drops spaces, which is how people type codes off a business licence. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Why a (normalised) code is not a valid USCC, or null when it is. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return 'must be 18 characters';
  if (!SHAPE.test(code)) {
    return 'must be 18 characters of 0-9 and A-Z without I, O, Z, S, V, with digits in positions 3–8 (the division code)';
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `check character is ${code[17]}, but GB 32100-2015 gives ${expected}`;
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}
