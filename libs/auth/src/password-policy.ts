/**
 * The password policy (等保 2.0 basics, issue 18): long enough, not the username, not a known weak one.
 * Pure: the admin's create and reset and the user's own change all ask this one function.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords every guessing list starts with (the international top lists, the Chinese ones — pinyin,
 * 5201314 and keyboard walks — and this project's own published demo password), compared without case.
 * Short ones are refused by length already; only those of 10 characters or more need listing.
 */
const KNOWN_WEAK = new Set(
  [
    'hotline365',
    'hotline3650',
    'hotline365!',
    '1234567890',
    '0123456789',
    '0987654321',
    '1qaz2wsx3edc',
    '1q2w3e4r5t',
    '1q2w3e4r5t6y',
    'qwertyuiop',
    'qwerty123456',
    'qwe123456789',
    'asdfghjkl;',
    'asdfghjkl123',
    'zxcvbnm123',
    'password123',
    'password1234',
    'password12',
    'passw0rd123',
    'p@ssw0rd123',
    'admin12345',
    'admin123456',
    'administrator',
    'abc1234567',
    'abcd123456',
    'abc123456789',
    'a123456789',
    'aa123456789',
    'iloveyou123',
    'woaini1314',
    'woaini520',
    'woaini5201314',
    '5201314520',
    '1314520520',
    'wodemima123',
    'mima123456',
    'zhang123456',
    'wang123456',
    'li123456789',
    'qq123456789',
    '11111111111',
    '1111111111',
    '0000000000',
    '8888888888',
    '6666666666',
    '123123123123',
    '1231231234',
    '12345678910',
    '123456789a',
    '123456789q',
    '123456789abc',
    'welcome123',
    'changeme123',
    'letmein123',
    'dragon12345',
    'football123',
    'baseball123',
    'sunshine123',
    'princess123',
  ].map((p) => p.toLowerCase()),
);

/** A problem with a proposed password, in words for the `reason` of a 400; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && (lower.includes(name) || lower.includes([...name].reverse().join('')))) {
    problems.push('must not contain the username');
  }
  if (KNOWN_WEAK.has(lower)) problems.push('is a known weak password');
  else if (new Set(chars).size <= 2) problems.push('must not be one or two characters repeated');
  return problems;
}
