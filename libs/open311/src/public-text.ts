/**
 * Text written by a citizen may carry their own or others' personal data even where the form did not
 * ask for it. Before such text leaves through a public API, phone numbers, 18-digit ID numbers and
 * e-mail addresses are masked. It is a safety net, not a licence: names in free text are not caught,
 * which is why only text that its author submitted for publication is ever published.
 */
const PATTERNS: [RegExp, (match: string) => string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, () => '***@***'],
  [/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => `${m.slice(0, 3)}${'*'.repeat(11)}${m.slice(-4)}`],
  [/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g, (m) => { const d = m.replace(/\D/g, ''); return `${d.slice(-11, -8)}****${d.slice(-4)}`; }],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (m) => `${m.slice(0, 4)}****${m.slice(-2)}`],
];

export function maskPersonalData(text: string): string {
  return PATTERNS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}
