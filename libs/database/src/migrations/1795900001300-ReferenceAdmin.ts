/**
 * Administration of the reference data (issue 18): departments retired or merged, categories retired,
 * routing rules edited as versioned rule sets; every change audited (the database refuses it otherwise,
 * like the tables of migration AuditTrail).
 *
 * - `departments.merged_into_id` / `retired_at`: a retired department stays (closed cases and their
 *   figures name it), `active` false; a merged one also says where its work went.
 * - `categories.active`: a retired category stays for the cases filed under it.
 * - `routing_rule_versions`: one row per saved rule set (who, why, the rules and the categories left to
 *   the dispatchers on purpose), append-only; `routing_rules` holds the rules of the latest version.
 * - Audit triggers: `department` (its identity and state; the webhook and review switches keep theirs),
 *   `category`, `routingRule` (one audit row per changed rule) and `routingRuleSet` (the version).
 * - An existing database gets version 1 from the rules it has, with a `system:migration` audit row.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceAdmin1795900001300 implements MigrationInterface {
  name = 'ReferenceAdmin1795900001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "departments" ADD "merged_into_id" uuid`);
    await queryRunner.query(`ALTER TABLE "departments" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "categories" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `CREATE TABLE "routing_rule_versions" ("version" integer NOT NULL, "rules" jsonb NOT NULL, "dispatcher_categories" text array NOT NULL DEFAULT '{}', "reason" character varying(500) NOT NULL, "rolled_back_from" integer, "created_by_id" uuid, "created_by_username" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_routing_rule_versions" PRIMARY KEY ("version"))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION routing_rule_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'routing_rule_versions is append-only: % refused', TG_OP USING ERRCODE = 'HL001';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER routing_rule_versions_append_only BEFORE UPDATE OR DELETE ON "routing_rule_versions" FOR EACH ROW EXECUTE FUNCTION routing_rule_versions_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER routing_rule_versions_no_truncate BEFORE TRUNCATE ON "routing_rule_versions" FOR EACH STATEMENT EXECUTE FUNCTION routing_rule_versions_append_only()`,
    );

    // The rules an existing database routes by become version 1 (a fresh database gets its version from the seed).
    await queryRunner.query(`
      WITH v AS (
        INSERT INTO routing_rule_versions (version, rules, reason, created_by_username)
        SELECT 1, json_agg(json_build_object('code', code, 'categoryCode', category_code, 'streetCode', street_code,
                 'gridCode', grid_code, 'kind', kind, 'keywords', keywords, 'leadDepartmentCode', lead_department_code,
                 'assistingDepartmentCodes', assisting_department_codes, 'note', note) ORDER BY code),
               'rules in force when rule sets were introduced', 'system:migration'
          FROM routing_rules WHERE active HAVING count(*) > 0
        RETURNING version, rules)
      INSERT INTO audit_log (actor_username, entity, entity_id, action, after)
      SELECT 'system:migration', 'routingRuleSet', version::text, 'create', jsonb_build_object('version', version, 'rules', rules) FROM v`);

    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required_department AFTER INSERT OR UPDATE OR DELETE ON "departments" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('department', 'code', 'code', 'name', 'name_en', 'type', 'active', 'merged_into_id', 'retired_at')`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "categories" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('category', 'code', 'code', 'name', 'name_en', 'parent_id', 'path', 'depth', 'sort_order', 'active')`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "routing_rules" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('routingRule', 'code')`,
    );
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT ON "routing_rule_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('routingRuleSet', 'version')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_required ON "routing_rule_versions"`);
    await queryRunner.query(`DROP TRIGGER audit_required ON "routing_rules"`);
    await queryRunner.query(`DROP TRIGGER audit_required ON "categories"`);
    await queryRunner.query(`DROP TRIGGER audit_required_department ON "departments"`);
    await queryRunner.query(`DROP TRIGGER routing_rule_versions_no_truncate ON "routing_rule_versions"`);
    await queryRunner.query(`DROP TRIGGER routing_rule_versions_append_only ON "routing_rule_versions"`);
    await queryRunner.query(`DROP FUNCTION routing_rule_versions_append_only()`);
    await queryRunner.query(`DROP TABLE "routing_rule_versions"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "retired_at"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "merged_into_id"`);
  }
}
