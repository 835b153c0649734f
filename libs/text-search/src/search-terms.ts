import { pinyin } from 'pinyin-pro';

/**
 * Chinese text search by stored terms (one module for every search over Chinese names: addresses,
 * and later categories). The database only compares whole strings — `terms @> query` on a text[]
 * column with a GIN index — so the answer is the same under any database locale; pg_trgm, by
 * contrast, drops Chinese characters in a locale-C cluster such as the embedded PostgreSQL.
 *
 * What is stored for a text (`documentTerms`):
 *   - every Han character and every pair of neighbouring Han characters (云峰社区 → 云 峰 社 区 云峰 峰社 社区);
 *   - every number as itself and with the one or two Han characters after it (5号楼 → 5, 5号, 5号楼), so
 *     5号 never matches 15号;
 *   - every Latin word, lower-cased (A座 → a);
 *   - pinyin initials of Han runs, one and two at a time, marked with `~` (云峰 → ~y ~f ~yf).
 * What a query asks for (`queryTerms`): its Han runs as pairs (a lone character as itself), its numbers
 * with the (up to two) Han characters after them as one term — 5号楼 asks for 5号楼 alone, not for the
 * 号楼 that nearly every building holds, which keeps the index's work small — its Latin runs as pinyin initials (yfsq → ~yf ~fs ~sq; one letter as a
 * word). Every query term must be among a document's terms: the parts of a query match in any order.
 */
const HAN = /\p{Script=Han}/u;
const RUN = /(\p{Script=Han}+)|(\d+)|([a-z]+)/gu;
const INITIAL_MARK = '~';

/** NFKC folds full-width digits and letters (５号楼, Ａ座) into ASCII; case does not matter. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

interface Run {
  kind: 'han' | 'digits' | 'latin';
  text: string;
  /** Up to two Han characters right after a number run (5号楼 → 号楼), if any. */
  next?: string;
}

function runsOf(text: string): Run[] {
  const normalized = normalizeSearchText(text);
  const runs: Run[] = [];
  for (const match of normalized.matchAll(RUN)) {
    const [whole, han, digits] = match;
    const kind = han ? 'han' : digits ? 'digits' : 'latin';
    const after = [...normalized.slice(match.index + whole.length, match.index + whole.length + 2)];
    const end = after.findIndex((c) => !HAN.test(c));
    const next = after.slice(0, end === -1 ? after.length : end).join('');
    runs.push({ kind, text: whole, ...(kind === 'digits' && next ? { next } : {}) });
  }
  return runs;
}

function pairs(values: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < values.length; i += 1) out.push(values[i] + values[i + 1]);
  return out;
}

function initialsOf(han: string): string[] {
  return pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).map((p) => p.toLowerCase());
}

/** The terms stored for a document (one or more texts: a name, its aliases, its place in the tree). */
export function documentTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const run of runsOf(text)) {
      if (run.kind === 'han') {
        const chars = [...run.text];
        for (const t of [...chars, ...pairs(chars)]) terms.add(t);
        const initials = initialsOf(run.text);
        for (const t of [...initials, ...pairs(initials)]) terms.add(INITIAL_MARK + t);
      } else if (run.kind === 'digits') {
        terms.add(run.text);
        const next = [...(run.next ?? '')];
        for (let n = 1; n <= next.length; n += 1) terms.add(run.text + next.slice(0, n).join(''));
      } else {
        terms.add(run.text);
      }
    }
  }
  return [...terms].sort();
}

/** The terms a document must all hold to match the query; empty when the query has nothing to search by. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  let consumed = '';
  for (const run of runsOf(query)) {
    if (run.kind === 'han') {
      // Characters a number already asked for (the 号楼 of 5号楼) are not asked for again.
      const chars = [...run.text].slice([...consumed].length);
      consumed = '';
      if (chars.length === 0) continue;
      for (const t of chars.length === 1 ? chars : pairs(chars)) terms.add(t);
    } else if (run.kind === 'digits') {
      terms.add(run.text + (run.next ?? ''));
      consumed = run.next ?? '';
    } else if (run.text.length === 1) {
      terms.add(run.text);
    } else {
      for (const t of pairs([...run.text])) terms.add(INITIAL_MARK + t);
    }
  }
  return [...terms].sort();
}
