/**
 * The one masker for text that leaves the building (the citizen's status page, Open311, anything
 * published): phone numbers, 18-digit ID numbers and e-mail addresses written into free text are
 * masked. Citizens type on phones with Chinese input methods, so full-width digits (`１３７…`), spaces
 * and dashes inside a number are as common as the plain form. It is a safety net, not a licence:
 * names in free text are not caught, which is why only text meant for publication is ever published.
 */

/** Characters that may sit between the digits of a number someone typed (after half-width folding). */
const SEP = '[ \\t\\-]';

/**
 * Full-width ASCII (U+FF01–FF5E), the ideographic space and the dash variants, folded to their ASCII
 * forms one code unit for one, so that positions in the folded text are positions in the original.
 */
function foldHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return ch === '\u3000' ? ' ' : '-';
  });
}

const digitsOf = (match: string) => match.replace(/[^\dXx]/g, '').toUpperCase();

interface Rule {
  pattern: RegExp;
  mask: (match: string) => string;
}

// Order matters: an earlier rule's match wins where two overlap (an ID number contains mobile-like runs).
const RULES: Rule[] = [
  {
    // local@domain.tld; the whole address goes, the domain too (it may be the person's own).
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    mask: () => '***@***',
  },
  {
    // 18-digit resident ID (last character a check digit or X), written whole or as 6-8-4 groups.
    pattern: new RegExp(`(?<![\\dA-Za-z])(?:\\d{17}[\\dXx]|\\d{6}${SEP}\\d{8}${SEP}\\d{3}[\\dXx])(?![\\dA-Za-z])`, 'g'),
    mask: (m) => {
      const d = digitsOf(m);
      return `${d.slice(0, 3)}${'*'.repeat(11)}${d.slice(-4)}`;
    },
  },
  {
    // Mainland mobile: 1[3-9]x plus 8 digits, optionally +86 / 0086 / 86 first, one separator allowed between any digits.
    pattern: new RegExp(`(?<![\\d+])(?:(?:\\+|00)?86${SEP}?)?1${SEP}?[3-9](?:${SEP}?\\d){9}(?!\\d)`, 'g'),
    mask: (m) => {
      const d = digitsOf(m).slice(-11);
      return `${d.slice(0, 3)}****${d.slice(-4)}`;
    },
  },
  {
    // Landline with its area code (0 + 2–3 digits, maybe in brackets) and a 7–8 digit local number.
    // A bare 7–8 digit number is left alone: it is far more often a date (20261129) or an amount.
    pattern: new RegExp(`(?<!\\d)(?:\\(0\\d{2,3}\\)|0\\d{2,3})${SEP}?[2-9]\\d{2,3}${SEP}?\\d{4}(?!\\d)`, 'g'),
    mask: (m) => {
      const area = /0\d{2,3}/.exec(m)![0];
      return `${area}-****${digitsOf(m).slice(-2)}`;
    },
  },
];

export interface MaskOptions {
  /**
   * Replace every digit, instead of keeping the first and last few (`138****5678`). For text about a
   * confidential case shown outside the centre: a partial mask there could be matched with the masked
   * caller of another case.
   */
  whole?: boolean;
}

const hideAll = (masked: string) => masked.replace(/[\dX]/g, '*');

/** Masks phone numbers, ID numbers and e-mail addresses in `text`; everything else is returned as it was. */
export function maskPersonalData(text: string, options: MaskOptions = {}): string {
  const folded = foldHalfWidth(text);
  const spans: Array<{ start: number; end: number; replacement: string }> = [];
  for (const { pattern, mask } of RULES) {
    for (const match of folded.matchAll(pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      const masked = mask(match[0]);
      spans.push({ start, end, replacement: options.whole ? hideAll(masked) : masked });
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return out + text.slice(at);
}
