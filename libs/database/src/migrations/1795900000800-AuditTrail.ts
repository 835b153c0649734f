/**
 * The audit trail (issue 18): `audit_log`, one append-only table, and the database's own guarantee that
 * an audited change cannot commit without its audit row.
 *
 * - Append-only: a trigger refuses UPDATE and TRUNCATE always, and DELETE of a row younger than 180
 *   days (the retention purge removes only older rows; the 6-month floor of 等保 2.0 holds whoever asks).
 * - "A change without its audit row cannot commit": each audited table has a DEFERRABLE INITIALLY
 *   DEFERRED constraint trigger that runs at COMMIT, once per changed row, and raises unless an
 *   `audit_log` row of the same transaction (`txid = txid_current()`) names that entity and id. The
 *   check is at commit, so the service may write the change and its audit row in either order.
 *   Arguments: the entity name, the key column, and optionally the only columns whose change counts
 *   (users: not the token version; departments: only the webhook, until departments get their own admin).
 * - Users get `must_change_password` and `password_changed_at` (the password policy).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

const AUDITED: Array<{ table: string; entity: string; key: string; events: string; columns: string[] }> = [
  { table: 'sla_policies', entity: 'slaPolicy', key: 'code', events: 'INSERT OR UPDATE OR DELETE', columns: [] },
  { table: 'holiday_overrides', entity: 'holidayOverride', key: 'date', events: 'INSERT OR UPDATE OR DELETE', columns: [] },
  { table: 'open311_clients', entity: 'open311Client', key: 'id', events: 'INSERT OR UPDATE OR DELETE', columns: [] },
  {
    table: 'departments',
    entity: 'departmentWebhook',
    key: 'code',
    events: 'UPDATE',
    columns: ['webhook_url', 'webhook_secret_sealed'],
  },
  {
    table: 'users',
    entity: 'user',
    key: 'id',
    events: 'INSERT OR UPDATE OR DELETE',
    columns: [
      'username',
      'display_name',
      'role',
      'department_id',
      'grid_codes',
      'active',
      'password_hash',
      'must_change_password',
    ],
  },
];

export class AuditTrail1795900000800 implements MigrationInterface {
  name = 'AuditTrail1795900000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_username" character varying(64) NOT NULL, "actor_role" character varying(32), "entity" character varying(64) NOT NULL, "entity_id" character varying(200) NOT NULL, "action" character varying(64) NOT NULL, "before" jsonb, "after" jsonb, "request_id" character varying(100), "address" character varying(100), "txid" bigint NOT NULL DEFAULT txid_current(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity", "entity_id", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id", "at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_txid" ON "audit_log" ("txid") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE`);

    await queryRunner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.at < now() - interval '180 days' THEN RETURN OLD; END IF;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'HL001';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_required() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_entity text := TG_ARGV[0];
        v_watched text[] := TG_ARGV[2:];
        v_now jsonb;
        v_was jsonb;
        v_key text;
      BEGIN
        IF TG_OP = 'DELETE' THEN v_now := to_jsonb(OLD); ELSE v_now := to_jsonb(NEW); END IF;
        IF TG_OP = 'UPDATE' THEN
          v_was := to_jsonb(OLD);
          IF cardinality(v_watched) > 0 THEN
            IF NOT EXISTS (SELECT 1 FROM unnest(v_watched) AS c(name) WHERE v_was -> c.name IS DISTINCT FROM v_now -> c.name) THEN
              RETURN NULL;
            END IF;
          ELSIF v_was = v_now THEN
            RETURN NULL;
          END IF;
        END IF;
        v_key := v_now ->> TG_ARGV[1];
        IF NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.txid = txid_current() AND a.entity = v_entity AND a.entity_id = v_key) THEN
          RAISE EXCEPTION 'audit row missing: % % (%) changed without an audit_log row in the same transaction', v_entity, v_key, TG_OP
            USING ERRCODE = 'HL002';
        END IF;
        RETURN NULL;
      END $$`);
    for (const { table, entity, key, events, columns } of AUDITED) {
      const args = [entity, key, ...columns].map((a) => `'${a}'`).join(', ');
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER audit_required AFTER ${events} ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required(${args})`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...AUDITED].reverse()) await queryRunner.query(`DROP TRIGGER audit_required ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION audit_required()`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
