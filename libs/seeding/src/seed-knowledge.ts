import { recordAudits, type AuditActor } from '@hotline/audit';
import { sqlRows, type SqlRunner } from '@hotline/database';
import { documentTerms } from '@hotline/text-search';
import type { KnowledgeSeed } from './seed-files';

/** The text-search terms stored for an entry: its question and keywords (what a caller's words meet). */
export function knowledgeSearchTerms(entry: { question: string; keywords: readonly string[] }): string[] {
  return documentTerms([entry.question, ...entry.keywords]);
}

/**
 * Loads seeds/knowledge-base.json into `knowledge_entries`, audited (`seed` for a new entry, `reseed`
 * for a changed one). An entry the centre has edited or retired (`edited_at`) is left as they left it;
 * an unchanged entry is not written again, so seeding twice adds no audit rows.
 */
export async function loadKnowledgeBase(db: SqlRunner, entries: readonly KnowledgeSeed[], actor: AuditActor): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = entries.map((e) => ({
    code: e.id,
    category_code: e.categoryCode,
    question: e.question,
    answer: e.answer,
    keywords: e.keywords,
    search_terms: knowledgeSearchTerms(e),
  }));
  const written = await sqlRows<{ code: string; inserted: boolean }>(
    db,
    `INSERT INTO knowledge_entries (code, category_code, question, answer, keywords, search_terms)
     SELECT r.code, r.category_code, r.question, r.answer, r.keywords, r.search_terms
       FROM jsonb_to_recordset($1::jsonb) AS r(code text, category_code text, question text, answer text, keywords text[], search_terms text[])
     ON CONFLICT (code) DO UPDATE SET category_code = EXCLUDED.category_code, question = EXCLUDED.question,
       answer = EXCLUDED.answer, keywords = EXCLUDED.keywords, search_terms = EXCLUDED.search_terms, updated_at = now()
     WHERE knowledge_entries.edited_at IS NULL
       AND (knowledge_entries.category_code, knowledge_entries.question, knowledge_entries.answer, knowledge_entries.keywords,
            knowledge_entries.search_terms)
           IS DISTINCT FROM (EXCLUDED.category_code, EXCLUDED.question, EXCLUDED.answer, EXCLUDED.keywords, EXCLUDED.search_terms)
     RETURNING code, (xmax = 0) AS inserted`,
    [JSON.stringify(rows)],
  );
  const byCode = new Map(entries.map((e) => [e.id, e]));
  await recordAudits(
    db,
    actor,
    written.map(({ code, inserted }) => ({
      entity: 'knowledgeEntry' as const,
      entityId: code,
      action: inserted ? 'seed' : 'reseed',
      after: byCode.get(code)!,
    })),
  );
  return entries.length;
}
