import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentPlans1795465661171 implements MigrationInterface {
  name = 'ContentPlans1795465661171';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "content_plans" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organization_id" uuid NOT NULL, "jurisdiction_code" character varying(64) NOT NULL, "week" character varying(8) NOT NULL, "status" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "submission_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "review_due_at" TIMESTAMP WITH TIME ZONE, "resubmission_due_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "last_submitted_at" TIMESTAMP WITH TIME ZONE, "reviewed_at" TIMESTAMP WITH TIME ZONE, "insufficient_events_reason" character varying(2000), "no_news_reason" character varying(2000), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "content_plans_insufficient_reason" CHECK (insufficient_events_reason IS NULL OR length(btrim(insufficient_events_reason)) > 0), CONSTRAINT "content_plans_no_news" CHECK ((status = \'no_news_declared\') = (no_news_reason IS NOT NULL)), CONSTRAINT "content_plans_approved" CHECK (status <> \'approved\' OR reviewed_at IS NOT NULL), CONSTRAINT "content_plans_changes_requested" CHECK (status <> \'changes_requested\' OR (reviewed_at IS NOT NULL AND resubmission_due_at IS NOT NULL)), CONSTRAINT "content_plans_submitted" CHECK (status IN (\'draft\', \'no_news_declared\') OR (submitted_at IS NOT NULL AND review_due_at IS NOT NULL)), CONSTRAINT "content_plans_version" CHECK (version >= 1), CONSTRAINT "content_plans_status" CHECK (status IN (\'draft\', \'submitted\', \'changes_requested\', \'resubmitted\', \'approved\', \'no_news_declared\')), CONSTRAINT "content_plans_week" CHECK (week ~ \'^[0-9]{4}-W[0-9]{2}$\'), CONSTRAINT "PK_ddbc271f0ed98ab4a845bcfb429" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "content_plans_queue_idx" ON "content_plans"  ("jurisdiction_code", "week", "review_due_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "content_plans_org_week_key" ON "content_plans"  ("organization_id", "week") ',
    );
    await queryRunner.query(
      'CREATE TABLE "content_plan_items" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "plan_id" uuid NOT NULL, "position" integer NOT NULL, "planned_on" date NOT NULL, "planned_time" character varying(5), "page_ids" uuid array NOT NULL DEFAULT \'{}\', "networks" character varying(16) array NOT NULL DEFAULT \'{}\', "topic" character varying(500) NOT NULL, "format" character varying(16) NOT NULL, "description" character varying(2000), "author" character varying(300), CONSTRAINT "content_plan_items_position" CHECK (position >= 1), CONSTRAINT "content_plan_items_target" CHECK (cardinality(page_ids) + cardinality(networks) > 0), CONSTRAINT "content_plan_items_format" CHECK (format IN (\'text\', \'photo\', \'infographic\', \'cards\', \'animation\', \'video\', \'live\', \'poll\', \'contest\', \'promo\', \'other\')), CONSTRAINT "PK_25f262556f9bdea90be3385bf39" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "content_plan_items_plan_position_key" ON "content_plan_items"  ("plan_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "content_plan_transitions" ("id" BIGSERIAL NOT NULL, "plan_id" uuid NOT NULL, "action" character varying(24) NOT NULL, "from_status" character varying(24), "to_status" character varying(24) NOT NULL, "plan_version" integer NOT NULL, "actor_id" uuid NOT NULL, "actor_role" character varying(16) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "comment" character varying(4000), "item_comments" jsonb, "due_at" TIMESTAMP WITH TIME ZONE, "late_by_seconds" integer, CONSTRAINT "content_plan_transitions_late" CHECK (late_by_seconds IS NULL OR late_by_seconds >= 0), CONSTRAINT "PK_db3eb4e91d17838eaae170478c6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "content_plan_transitions_plan_idx" ON "content_plan_transitions"  ("plan_id", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "content_plan_templates" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organization_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "weekday" smallint NOT NULL, "planned_time" character varying(5), "page_ids" uuid array NOT NULL DEFAULT \'{}\', "networks" character varying(16) array NOT NULL DEFAULT \'{}\', "topic" character varying(500) NOT NULL, "format" character varying(16) NOT NULL, "description" character varying(2000), "author" character varying(300), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "content_plan_templates_target" CHECK (cardinality(page_ids) + cardinality(networks) > 0), CONSTRAINT "content_plan_templates_format" CHECK (format IN (\'text\', \'photo\', \'infographic\', \'cards\', \'animation\', \'video\', \'live\', \'poll\', \'contest\', \'promo\', \'other\')), CONSTRAINT "content_plan_templates_weekday" CHECK (weekday BETWEEN 1 AND 7), CONSTRAINT "PK_86666646caba890e0f26c4f8624" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "content_plan_templates_org_idx" ON "content_plan_templates"  ("organization_id") WHERE archived_at IS NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "content_plans" ADD CONSTRAINT "FK_f7803369e5976b83e0dca3fd969" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "content_plan_items" ADD CONSTRAINT "FK_204186d8f1f6f6a517d2dd1c0f3" FOREIGN KEY ("plan_id") REFERENCES "content_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "content_plan_transitions" ADD CONSTRAINT "FK_67f8fe4691910183b8d357b7004" FOREIGN KEY ("plan_id") REFERENCES "content_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "content_plan_templates" ADD CONSTRAINT "FK_86bc8e6c503b47b2975f0d90841" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // The workflow's audit is append-only (who, when, from, to, comment): refused at the database.
    await queryRunner.query(
      `CREATE FUNCTION content_plan_transitions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'content_plan_transitions is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER content_plan_transitions_append_only BEFORE UPDATE OR DELETE ON content_plan_transitions FOR EACH ROW EXECUTE FUNCTION content_plan_transitions_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER content_plan_transitions_append_only ON content_plan_transitions`);
    await queryRunner.query(`DROP FUNCTION content_plan_transitions_append_only()`);
    await queryRunner.query('ALTER TABLE "content_plan_templates" DROP CONSTRAINT "FK_86bc8e6c503b47b2975f0d90841"');
    await queryRunner.query('ALTER TABLE "content_plan_transitions" DROP CONSTRAINT "FK_67f8fe4691910183b8d357b7004"');
    await queryRunner.query('ALTER TABLE "content_plan_items" DROP CONSTRAINT "FK_204186d8f1f6f6a517d2dd1c0f3"');
    await queryRunner.query('ALTER TABLE "content_plans" DROP CONSTRAINT "FK_f7803369e5976b83e0dca3fd969"');
    await queryRunner.query('DROP INDEX "public"."content_plan_templates_org_idx"');
    await queryRunner.query('DROP TABLE "content_plan_templates"');
    await queryRunner.query('DROP INDEX "public"."content_plan_transitions_plan_idx"');
    await queryRunner.query('DROP TABLE "content_plan_transitions"');
    await queryRunner.query('DROP INDEX "public"."content_plan_items_plan_position_key"');
    await queryRunner.query('DROP TABLE "content_plan_items"');
    await queryRunner.query('DROP INDEX "public"."content_plans_org_week_key"');
    await queryRunner.query('DROP INDEX "public"."content_plans_queue_idx"');
    await queryRunner.query('DROP TABLE "content_plans"');
  }
}
