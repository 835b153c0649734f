import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit, type AuditActor } from '@hotline/audit';
import { sqlRow, sqlRows, type SqlRunner } from '@hotline/database';
import { ConflictError, InputInvalid, NotFound } from '@hotline/errors';
import { knowledgeSearchTerms } from '@hotline/seeding';
import { queryTerms } from '@hotline/text-search';
import { KnowledgeEntry, searchKnowledge } from './knowledge-base';

/** An entry as the centre's editors see it: the answer, whether it is in use, and how often it was given. */
export interface AdminKnowledgeEntry extends KnowledgeEntry {
  active: boolean;
  useCount: number;
  editedAt: Date | null;
}

export interface KnowledgeContent {
  categoryCode: string;
  question: string;
  answer: string;
  keywords: string[];
}

const COLUMNS = `code AS id, category_code AS "categoryCode", question, answer, keywords`;
const ADMIN_COLUMNS = `${COLUMNS}, active, use_count AS "useCount", edited_at AS "editedAt"`;

/**
 * The knowledge base in PostgreSQL: the operators' search, the editors' changes (each audited in its
 * transaction) and the count of direct answers given with an entry.
 */
@Injectable()
export class KnowledgeStoreService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` answers, best first. The database picks the candidates (same top-level category, or
   * sharing a text-search term with the caller's words); searchKnowledge ranks them as it always has.
   */
  async search(category: string | undefined, text: string | undefined, limit = 5): Promise<KnowledgeEntry[]> {
    const terms = text ? queryTerms(text) : [];
    if (!category && terms.length === 0) return [];
    const candidates = await sqlRows<KnowledgeEntry>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM knowledge_entries
        WHERE active AND (split_part(category_code, '.', 1) = split_part($1::text, '.', 1) OR search_terms && $2::text[])`,
      [category ?? null, terms],
    );
    return searchKnowledge(candidates, category, text, limit);
  }

  list(): Promise<AdminKnowledgeEntry[]> {
    return sqlRows<AdminKnowledgeEntry>(
      this.dataSource,
      `SELECT ${ADMIN_COLUMNS} FROM knowledge_entries ORDER BY active DESC, category_code, code`,
    );
  }

  async create(code: string, content: KnowledgeContent, actor: AuditActor): Promise<AdminKnowledgeEntry> {
    return this.dataSource.transaction(async (manager) => {
      await assertCategory(manager, content.categoryCode);
      const created = await sqlRow<AdminKnowledgeEntry>(
        manager,
        `INSERT INTO knowledge_entries (code, category_code, question, answer, keywords, search_terms, edited_at)
         VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT (code) DO NOTHING RETURNING ${ADMIN_COLUMNS}`,
        [code, content.categoryCode, content.question, content.answer, content.keywords, knowledgeSearchTerms(content)],
      );
      if (!created) throw new ConflictError('KnowledgeEntryExists', `knowledge entry ${code} already exists`);
      await recordAudit(manager, actor, {
        entity: 'knowledgeEntry',
        entityId: code,
        action: 'create',
        after: contentOf(created),
      });
      return created;
    });
  }

  /** A correction; 409 on a retired entry (nobody answers with it any more). */
  async update(code: string, change: Partial<KnowledgeContent>, actor: AuditActor): Promise<AdminKnowledgeEntry> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lock(manager, code);
      if (!before.active) throw new ConflictError('KnowledgeEntryRetired', `knowledge entry ${code} is retired`);
      if (change.categoryCode !== undefined) await assertCategory(manager, change.categoryCode);
      const next = { ...contentOf(before), ...definedOf(change) };
      const after = await sqlRow<AdminKnowledgeEntry>(
        manager,
        `UPDATE knowledge_entries SET category_code = $2, question = $3, answer = $4, keywords = $5, search_terms = $6,
                edited_at = now(), updated_at = now()
          WHERE code = $1 RETURNING ${ADMIN_COLUMNS}`,
        [code, next.categoryCode, next.question, next.answer, next.keywords, knowledgeSearchTerms(next)],
      );
      await recordAudit(manager, actor, {
        entity: 'knowledgeEntry',
        entityId: code,
        action: 'update',
        before: contentOf(before),
        after: contentOf(after!),
      });
      return after!;
    });
  }

  /** No longer found nor counted; kept for the audit trail. Retiring a retired entry changes nothing. */
  async retire(code: string, reason: string, actor: AuditActor): Promise<AdminKnowledgeEntry> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lock(manager, code);
      if (!before.active) return before;
      const after = await sqlRow<AdminKnowledgeEntry>(
        manager,
        `UPDATE knowledge_entries SET active = false, edited_at = now(), updated_at = now() WHERE code = $1 RETURNING ${ADMIN_COLUMNS}`,
        [code],
      );
      await recordAudit(manager, actor, {
        entity: 'knowledgeEntry',
        entityId: code,
        action: 'retire',
        before: contentOf(before),
        after: { ...contentOf(after!), reason },
      });
      return after!;
    });
  }

  /**
   * Runs `answer` (a direct answer's transition) and counts the entry it used in one transaction: the
   * count moves only with an answer given. An unknown or retired entry is refused (400 on
   * `knowledgeEntryId`) before the answer is written, and nothing changes.
   */
  async countedUse<T>(code: string, answer: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const counted = await sqlRow<{ code: string }>(
        manager,
        `UPDATE knowledge_entries SET use_count = use_count + 1 WHERE code = $1 AND active RETURNING code`,
        [code],
      );
      if (!counted)
        throw new InputInvalid([{ field: 'knowledgeEntryId', reason: `unknown or retired knowledge entry "${code}"` }]);
      return answer(manager);
    });
  }

  private async lock(db: SqlRunner, code: string): Promise<AdminKnowledgeEntry> {
    const row = await sqlRow<AdminKnowledgeEntry>(
      db,
      `SELECT ${ADMIN_COLUMNS} FROM knowledge_entries WHERE code = $1 FOR UPDATE`,
      [code],
    );
    if (!row) throw new NotFound('KnowledgeEntry', code);
    return row;
  }
}

async function assertCategory(db: SqlRunner, categoryCode: string): Promise<void> {
  const found = await sqlRow<{ code: string }>(db, `SELECT code FROM categories WHERE code = $1 AND active`, [categoryCode]);
  if (!found) throw new InputInvalid([{ field: 'categoryCode', reason: `unknown or retired category "${categoryCode}"` }]);
}

/** What the audit trail records of an entry: its content and state, not its count. */
function contentOf(e: AdminKnowledgeEntry): KnowledgeContent & { active: boolean } {
  return { categoryCode: e.categoryCode, question: e.question, answer: e.answer, keywords: e.keywords, active: e.active };
}

function definedOf(change: Partial<KnowledgeContent>): Partial<KnowledgeContent> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
}
