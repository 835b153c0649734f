/** One answer of the hotline's knowledge base (知识库), as operators read it (table knowledge_entries). */
export interface KnowledgeEntry {
  id: string;
  categoryCode: string;
  question: string;
  answer: string;
  keywords: string[];
}

/** Question words every consultation contains: sharing them says nothing about the topic. */
const QUESTION_WORDS = new Set(['什么', '怎么', '如何', '哪里', '多少', '可以', '是否', '时候', '办理', '怎样']);

/**
 * The entries that answer a consultation, best first: those of the chosen category (or a category under
 * it, or its parent) and those whose question or keywords share words with the caller's text. Chinese has
 * no spaces, so the text matches a keyword when it contains it, or the question when they share a
 * two-character run.
 */
export function searchKnowledge(
  entries: readonly KnowledgeEntry[],
  category: string | undefined,
  text: string | undefined,
  limit = 5,
): KnowledgeEntry[] {
  const q = (text ?? '').trim();
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < q.length; i += 1) if (!QUESTION_WORDS.has(q.slice(i, i + 2))) bigrams.add(q.slice(i, i + 2));
  const scored = entries.map((entry) => {
    let score = 0;
    if (category) {
      if (entry.categoryCode === category) score += 10;
      else if (entry.categoryCode.startsWith(`${category}.`) || category.startsWith(`${entry.categoryCode.split('.')[0]}.`))
        score += 4;
    }
    if (q) {
      score += entry.keywords.filter((k) => q.includes(k)).length * 5;
      for (const b of bigrams) if (entry.question.includes(b)) score += 1;
    }
    return { entry, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id))
    .slice(0, limit)
    .map((s) => s.entry);
}
