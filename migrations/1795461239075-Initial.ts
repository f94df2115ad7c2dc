import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795461239075 implements MigrationInterface {
  name = 'Initial1795461239075';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "jurisdictions" ("code" character varying(64) NOT NULL, "name" character varying(300) NOT NULL, "time_zone" character varying(64) NOT NULL, "close_of_business" TIME NOT NULL DEFAULT \'18:00:00\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e33b5f6afb84e58de0c2399edb0" PRIMARY KEY ("code"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"organization_kind\" AS ENUM('regional_government', 'administration', 'executive_body', 'administration_organ', 'subordinate_organization', 'settlement_administration')",
    );
    await queryRunner.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "jurisdiction_code" character varying(64) NOT NULL, "name" character varying(500) NOT NULL, "kind" "public"."organization_kind" NOT NULL, "parent_id" uuid, "website" character varying(2048), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "organizations_jurisdiction_idx" ON "organizations"  ("jurisdiction_code") ');
    await queryRunner.query('CREATE INDEX "organizations_parent_idx" ON "organizations"  ("parent_id") ');
    await queryRunner.query("CREATE TYPE \"public\".\"user_role\" AS ENUM('admin', 'coordinator', 'editor', 'viewer')");
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "email" character varying(254) NOT NULL, "full_name" character varying(200) NOT NULL, "password_hash" text NOT NULL, "role" "public"."user_role" NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_email_lowercase" CHECK (email = lower(email)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") ');
    await queryRunner.query(
      'CREATE TABLE "user_jurisdiction_scopes" ("user_id" uuid NOT NULL, "jurisdiction_code" character varying(64) NOT NULL, CONSTRAINT "PK_20789fa554b6c3d63aab7e949a5" PRIMARY KEY ("user_id", "jurisdiction_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "user_organization_scopes" ("user_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_5a18de05bb25a55665daa0a4135" PRIMARY KEY ("user_id", "organization_id"))',
    );
    await queryRunner.query('CREATE TYPE "public"."auth_token_kind" AS ENUM(\'session\', \'api\')');
    await queryRunner.query(
      'CREATE TABLE "auth_tokens" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "kind" "public"."auth_token_kind" NOT NULL, "name" character varying(100), "digest" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "auth_tokens_api_named" CHECK (kind <> \'api\' OR name IS NOT NULL), CONSTRAINT "PK_41e9ddfbb32da18c4e85e45c2fd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "auth_tokens_user_idx" ON "auth_tokens"  ("user_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "auth_tokens_digest_key" ON "auth_tokens"  ("digest") ');
    await queryRunner.query(
      'ALTER TABLE "organizations" ADD CONSTRAINT "FK_bf0a933b3f206a720b759fc43a0" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdictions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organizations" ADD CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_jurisdiction_scopes" ADD CONSTRAINT "FK_4ddbf6edaf2d945b100051318ca" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_jurisdiction_scopes" ADD CONSTRAINT "FK_8398b0e3f57331bfebb51dd20bc" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdictions"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_organization_scopes" ADD CONSTRAINT "FK_504cdba4343c1815039cba57839" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_organization_scopes" ADD CONSTRAINT "FK_0fa79b95da195acd3ef7f0374c0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_tokens" ADD CONSTRAINT "FK_9691367d446cd8b18f462c191b3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The jurisdictions whose acts are in shared/seeds, with the clock their deadlines run on.
    await queryRunner.query(
      `INSERT INTO "jurisdictions" ("code", "name", "time_zone", "close_of_business") VALUES
        ('khabarovsk-krai', 'Хабаровский край', 'Asia/Vladivostok', '18:00'),
        ('krasnodar-krai', 'Краснодарский край', 'Europe/Moscow', '18:00'),
        ('plastunovskaya-sp', 'Пластуновское сельское поселение Динского района Краснодарского края', 'Europe/Moscow', '18:00'),
        ('blagodarny-mo', 'Благодарненский муниципальный округ Ставропольского края', 'Europe/Moscow', '18:00')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "auth_tokens" DROP CONSTRAINT "FK_9691367d446cd8b18f462c191b3"');
    await queryRunner.query('ALTER TABLE "user_organization_scopes" DROP CONSTRAINT "FK_0fa79b95da195acd3ef7f0374c0"');
    await queryRunner.query('ALTER TABLE "user_organization_scopes" DROP CONSTRAINT "FK_504cdba4343c1815039cba57839"');
    await queryRunner.query('ALTER TABLE "user_jurisdiction_scopes" DROP CONSTRAINT "FK_8398b0e3f57331bfebb51dd20bc"');
    await queryRunner.query('ALTER TABLE "user_jurisdiction_scopes" DROP CONSTRAINT "FK_4ddbf6edaf2d945b100051318ca"');
    await queryRunner.query('ALTER TABLE "organizations" DROP CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331"');
    await queryRunner.query('ALTER TABLE "organizations" DROP CONSTRAINT "FK_bf0a933b3f206a720b759fc43a0"');
    await queryRunner.query('DROP INDEX "public"."auth_tokens_digest_key"');
    await queryRunner.query('DROP INDEX "public"."auth_tokens_user_idx"');
    await queryRunner.query('DROP TABLE "auth_tokens"');
    await queryRunner.query('DROP TYPE "public"."auth_token_kind"');
    await queryRunner.query('DROP TABLE "user_organization_scopes"');
    await queryRunner.query('DROP TABLE "user_jurisdiction_scopes"');
    await queryRunner.query('DROP INDEX "public"."users_email_key"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TYPE "public"."user_role"');
    await queryRunner.query('DROP INDEX "public"."organizations_parent_idx"');
    await queryRunner.query('DROP INDEX "public"."organizations_jurisdiction_idx"');
    await queryRunner.query('DROP TABLE "organizations"');
    await queryRunner.query('DROP TYPE "public"."organization_kind"');
    await queryRunner.query('DROP TABLE "jurisdictions"');
  }
}
