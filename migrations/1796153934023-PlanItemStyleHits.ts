import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanItemStyleHits1796153934023 implements MigrationInterface {
  name = 'PlanItemStyleHits1796153934023';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "content_plan_items" ADD "style_hits" jsonb');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "content_plan_items" DROP COLUMN "style_hits"');
  }
}
