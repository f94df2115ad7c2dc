import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The publications' week index and the week counts' key lead with the week instead of the page:
 * an ingest then writes into one week's part of each instead of all over them (with ten weeks of
 * history, ≈ 2 full-page images of WAL per ingested publication before, measured in the bench).
 */
export class WeekFirstPublicationKeys1796190000000 implements MigrationInterface {
  name = 'WeekFirstPublicationKeys1796190000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."publications_page_week_idx"');
    await queryRunner.query('CREATE INDEX "publications_week_page_idx" ON "publications" ("week_start", "page_id") ');
    await queryRunner.query('ALTER TABLE "publication_week_counts" DROP CONSTRAINT "PK_1ff85070f9b6bb8dab4f273f9e0"');
    await queryRunner.query('DROP INDEX "public"."publication_week_counts_week_idx"');
    await queryRunner.query(
      'ALTER TABLE "publication_week_counts" ADD CONSTRAINT "PK_1ff85070f9b6bb8dab4f273f9e0" PRIMARY KEY ("week_start", "page_id")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "publication_week_counts" DROP CONSTRAINT "PK_1ff85070f9b6bb8dab4f273f9e0"');
    await queryRunner.query(
      'ALTER TABLE "publication_week_counts" ADD CONSTRAINT "PK_1ff85070f9b6bb8dab4f273f9e0" PRIMARY KEY ("page_id", "week_start")',
    );
    await queryRunner.query(
      'CREATE INDEX "publication_week_counts_week_idx" ON "publication_week_counts" ("week_start", "page_id") ',
    );
    await queryRunner.query('DROP INDEX "public"."publications_week_page_idx"');
    await queryRunner.query('CREATE INDEX "publications_page_week_idx" ON "publications" ("page_id", "week_start") ');
  }
}
