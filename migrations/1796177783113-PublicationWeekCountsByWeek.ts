import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicationWeekCountsByWeek1796177783113 implements MigrationInterface {
  name = 'PublicationWeekCountsByWeek1796177783113';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "publication_week_counts_week_idx" ON "publication_week_counts"  ("week_start", "page_id") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."publication_week_counts_week_idx"');
  }
}
