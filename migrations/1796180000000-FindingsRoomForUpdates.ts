import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every recomputation refreshes each open finding (`last_seen_at`, `run_id`, none indexed). With
 * room left on each page those updates stay on the page (HOT): no new index entries and the old
 * versions pruned in place, instead of a new row version in four indexes per finding and hour.
 */
export class FindingsRoomForUpdates1796180000000 implements MigrationInterface {
  name = 'FindingsRoomForUpdates1796180000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "compliance_findings" SET (fillfactor = 50)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "compliance_findings" RESET (fillfactor)');
  }
}
