/**
 * The knowledge base (知识库) in PostgreSQL (tracker 18): one row per answer, seeded from
 * seeds/knowledge-base.json and edited by the centre.
 *
 * - `code`: the entry's public id (`kb-heating-season`), what GET /api/v1/knowledge answers as `id`.
 * - `search_terms`: @hotline/text-search's terms of the question and keywords (GIN), to find candidates.
 * - `active` false: retired (kept, so the audit trail and the counts still name it).
 * - `edited_at`: set by an editor's change; the seed never overwrites such an entry.
 * - `use_count`: direct answers given with the entry; not audited (a count, not content).
 * - Audit trigger `knowledgeEntry` on the content columns only, keyed by code.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeBase1795900001700 implements MigrationInterface {
  name = 'KnowledgeBase1795900001700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "knowledge_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(80) NOT NULL, "category_code" character varying(80) NOT NULL, "question" character varying(500) NOT NULL, "answer" text NOT NULL, "keywords" text array NOT NULL DEFAULT '{}', "search_terms" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "use_count" integer NOT NULL DEFAULT 0, "edited_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_knowledge_entries" PRIMARY KEY ("id"), CONSTRAINT "uq_knowledge_entries_code" UNIQUE ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_knowledge_entries_search_terms" ON "knowledge_entries" USING gin ("search_terms")`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "knowledge_entries" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('knowledgeEntry', 'code', 'code', 'category_code', 'question', 'answer', 'keywords', 'active')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_required ON "knowledge_entries"`);
    await queryRunner.query(`DROP TABLE "knowledge_entries"`);
  }
}
