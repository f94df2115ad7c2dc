import { MigrationInterface, QueryRunner } from 'typeorm';

/** Login attempts per account (issue 17): the limit per address alone is beaten by many addresses. */
export class LoginThrottles1796200000000 implements MigrationInterface {
  name = 'LoginThrottles1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_throttles" ("account_key" character(64) NOT NULL, "attempts" integer NOT NULL DEFAULT 0, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_login_throttles" PRIMARY KEY ("account_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "login_throttles_last_attempt_idx" ON "login_throttles" ("last_attempt_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttles"`);
  }
}
