/**
 * The upstream platform (the city's 12345, issue 16): its orders and the cases they became, the reports
 * we owe it in `seq` order, the decisions it sent us (each applied once by its seq), the admin-editable
 * mapping of its category texts to ours (audited), and outside deadlines that cap a case's SLA stages.
 *
 * Reports are produced by a trigger on `case_events`: whatever code path appends a reported event to a
 * case that came from an upstream order, its report row (with the next seq) and the delivery job's
 * outbox row commit in that same transaction, so a report can neither be lost nor sent for a rolled-back
 * change. Events the platform caused itself (actor `upstream:<platform>`) are not reported back to it.
 * The body is rendered at delivery from the event (libs/upstream report-of-event.ts): the list of
 * event types below and that renderer's table must agree (a unit spec checks it).
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class UpstreamPlatform1795900001500 implements MigrationInterface {
  name = 'UpstreamPlatform1795900001500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "case_deadline_caps" (
      "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
      "stage" character varying(24) NOT NULL,
      "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
      "source" character varying(32) NOT NULL,
      CONSTRAINT "PK_case_deadline_caps" PRIMARY KEY ("case_id", "stage"))`);
    await queryRunner.query(`CREATE TABLE "upstream_category_map" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "platform" character varying(16) NOT NULL,
      "city_category" character varying(100) NOT NULL,
      "category_id" uuid NOT NULL REFERENCES "categories"("id") ON DELETE RESTRICT,
      "kind" character varying(32) NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_upstream_category_map" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_upstream_category_map" UNIQUE ("platform", "city_category"))`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER audit_required AFTER INSERT OR UPDATE OR DELETE ON "upstream_category_map" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_required('upstreamCategoryMap', 'id')`,
    );
    await queryRunner.query(`CREATE TABLE "upstream_orders" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "platform" character varying(16) NOT NULL,
      "order_no" character varying(64) NOT NULL,
      "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
      "city_category" character varying(100) NOT NULL,
      "mapped" boolean NOT NULL,
      "order_received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "accept_deadline" TIMESTAMP WITH TIME ZONE,
      "reply_deadline" TIMESTAMP WITH TIME ZONE,
      "next_seq" integer NOT NULL DEFAULT 1,
      "lease_until" TIMESTAMP WITH TIME ZONE,
      "dead_at" TIMESTAMP WITH TIME ZONE,
      "dead_reason" text,
      "delivery_round" integer NOT NULL DEFAULT 0,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_upstream_orders" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_upstream_orders_order_no" UNIQUE ("platform", "order_no"),
      CONSTRAINT "UQ_upstream_orders_case" UNIQUE ("case_id"))`);
    await queryRunner.query(
      `CREATE INDEX "ix_upstream_orders_dead" ON "upstream_orders" ("dead_at") WHERE "dead_at" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE TABLE "upstream_reports" (
      "order_id" uuid NOT NULL REFERENCES "upstream_orders"("id") ON DELETE CASCADE,
      "seq" integer NOT NULL,
      "type" character varying(32) NOT NULL,
      "event_id" bigint NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "delivered_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_upstream_reports" PRIMARY KEY ("order_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "upstream_decisions" (
      "order_id" uuid NOT NULL REFERENCES "upstream_orders"("id") ON DELETE CASCADE,
      "seq" integer NOT NULL,
      "type" character varying(32) NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "body" jsonb NOT NULL,
      "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_upstream_decisions" PRIMARY KEY ("order_id", "seq"))`);
    // The report intent, in the event's own transaction. The job id follows the `deliver-upstream-report`
    // rule of libs/queues' job table (`deliver-upstream-report.<orderId>.s<seq>.r<round>`).
    await queryRunner.query(`
      CREATE FUNCTION upstream_report_intent() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_order upstream_orders%ROWTYPE;
        v_type text;
        v_seq integer;
      BEGIN
        IF NEW.actor_name LIKE 'upstream:%' THEN RETURN NULL; END IF;
        v_type := CASE
          WHEN NEW.type = 'accepted' THEN 'accepted'
          WHEN NEW.type = 'extensionRequested' THEN 'extensionRequested'
          WHEN NEW.type = 'progressNoted' THEN 'progress'
          WHEN NEW.type IN ('replied', 'replyApproved', 'reviewPassed') AND NEW.to_status = 'replied' THEN 'replied'
          WHEN NEW.type = 'calledBack' THEN 'calledBack'
          WHEN NEW.type = 'returnedUpstream' THEN 'returned'
          ELSE NULL END;
        IF v_type IS NULL THEN RETURN NULL; END IF;
        UPDATE upstream_orders SET next_seq = next_seq + 1 WHERE case_id = NEW.case_id
          RETURNING * INTO v_order;
        IF NOT FOUND THEN RETURN NULL; END IF;
        v_seq := v_order.next_seq - 1;
        INSERT INTO upstream_reports (order_id, seq, type, event_id) VALUES (v_order.id, v_seq, v_type, NEW.id);
        INSERT INTO outbox (queue, job_name, job_id, payload)
          VALUES ('upstream', 'deliver-upstream-report',
                  'deliver-upstream-report.' || v_order.id || '.s' || v_seq || '.r' || v_order.delivery_round,
                  jsonb_build_object('orderId', v_order.id::text, 'seq', v_seq, 'round', v_order.delivery_round));
        PERFORM pg_notify('hotline_outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER upstream_report_intent AFTER INSERT ON "case_events" FOR EACH ROW EXECUTE FUNCTION upstream_report_intent()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER upstream_report_intent ON "case_events"`);
    await queryRunner.query(`DROP FUNCTION upstream_report_intent()`);
    await queryRunner.query(`DROP TABLE "upstream_decisions"`);
    await queryRunner.query(`DROP TABLE "upstream_reports"`);
    await queryRunner.query(`DROP TABLE "upstream_orders"`);
    await queryRunner.query(`DROP TABLE "upstream_category_map"`);
    await queryRunner.query(`DROP TABLE "case_deadline_caps"`);
  }
}
