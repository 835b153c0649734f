import { pinyin } from 'pinyin-pro';

/**
 * Chinese text search by stored terms (one module for every search over Chinese names: addresses,
 * and later categories). The database only compares whole strings — `terms @> query` on a text[]
 * column with a GIN index — so the answer is the same under any database locale; pg_trgm, by
 * contrast, drops Chinese characters in a locale-C cluster such as the embedded PostgreSQL.
 *
 * What is stored for a text (`documentTerms`):
 *   - every Han character and every pair of neighbouring Han characters (云峰社区 → 云 峰 社 区 云峰 峰社 社区);
 *   - every number as itself and with the Han character after it (5号楼 → 5, 5号), so 5号 never matches 15号;
 *   - every Latin word, lower-cased (A座 → a);
 *   - pinyin initials of Han runs, one and two at a time, marked with `~` (云峰 → ~y ~f ~yf).
 * What a query asks for (`queryTerms`): its Han runs as pairs (a lone character as itself), its numbers
 * with the next Han character, its Latin runs as pinyin initials (yfsq → ~yf ~fs ~sq; one letter as a
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
  /** The first Han character right after a number run, if any (5号楼 → 号). */
  next?: string;
}

function runsOf(text: string): Run[] {
  const normalized = normalizeSearchText(text);
  const runs: Run[] = [];
  for (const match of normalized.matchAll(RUN)) {
    const [whole, han, digits] = match;
    const kind = han ? 'han' : digits ? 'digits' : 'latin';
    const after = normalized[match.index + whole.length];
    runs.push({ kind, text: whole, ...(kind === 'digits' && after && HAN.test(after) ? { next: after } : {}) });
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
        if (run.next) terms.add(run.text + run.next);
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
  for (const run of runsOf(query)) {
    if (run.kind === 'han') {
      const chars = [...run.text];
      for (const t of chars.length === 1 ? chars : pairs(chars)) terms.add(t);
    } else if (run.kind === 'digits') {
      terms.add(run.next ? run.text + run.next : run.text);
    } else if (run.text.length === 1) {
      terms.add(run.text);
    } else {
      for (const t of pairs([...run.text])) terms.add(INITIAL_MARK + t);
    }
  }
  return [...terms].sort();
}
