import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarCorrections1795461772744 implements MigrationInterface {
  name = 'CalendarCorrections1795461772744';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_years" ("year" integer NOT NULL, "definition" jsonb NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calendar_years_year_range" CHECK (year BETWEEN 1900 AND 2999), CONSTRAINT "PK_1fed249d26e56ff06bb6dffd8d6" PRIMARY KEY ("year"))',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_day_overrides" ("date" date NOT NULL, "kind" character varying(32) NOT NULL, "reason" character varying(500) NOT NULL, "source" jsonb NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "calendar_day_overrides_kind" CHECK (kind IN (\'holiday\', \'transferred_day_off\', \'extra_non_working\', \'working_weekend\', \'shortened\', \'working\')), CONSTRAINT "PK_abc41caa4e5dceeb752db737861" PRIMARY KEY ("date"))',
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_regional_holidays" ("jurisdiction_code" character varying(64) NOT NULL, "date" date NOT NULL, "reason" character varying(500) NOT NULL, "source" jsonb NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6abe788206155e89cfa68884c04" PRIMARY KEY ("jurisdiction_code", "date"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"calendar_change_action\" AS ENUM('year_set', 'year_removed', 'day_set', 'day_removed', 'regional_holiday_set', 'regional_holiday_removed')",
    );
    await queryRunner.query(
      'CREATE TABLE "calendar_changes" ("id" BIGSERIAL NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by" uuid, "action" "public"."calendar_change_action" NOT NULL, "year" integer NOT NULL, "date" date, "jurisdiction_code" character varying(64), "before" jsonb, "after" jsonb, "source" jsonb, CONSTRAINT "PK_69e2008eba224ad075619d0245f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "calendar_changes_changed_at_idx" ON "calendar_changes"  ("changed_at") ');
    await queryRunner.query(
      'ALTER TABLE "calendar_regional_holidays" ADD CONSTRAINT "FK_3455ddb45279fb472ab597f5820" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdictions"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "calendar_regional_holidays" DROP CONSTRAINT "FK_3455ddb45279fb472ab597f5820"',
    );
    await queryRunner.query('DROP INDEX "public"."calendar_changes_changed_at_idx"');
    await queryRunner.query('DROP TABLE "calendar_changes"');
    await queryRunner.query('DROP TYPE "public"."calendar_change_action"');
    await queryRunner.query('DROP TABLE "calendar_regional_holidays"');
    await queryRunner.query('DROP TABLE "calendar_day_overrides"');
    await queryRunner.query('DROP TABLE "calendar_years"');
  }
}
