import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796155088809 implements MigrationInterface {
  name = 'Notifications1796155088809';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_outbox" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "idempotency_key" character varying(300) NOT NULL, "message_id" character varying(300) NOT NULL, "kind" character varying(48) NOT NULL, "recipient_email" character varying(254) NOT NULL, "recipient_name" character varying(300) NOT NULL, "recipient_user_id" uuid, "jurisdiction_code" character varying(64) NOT NULL, "organization_id" uuid, "data" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" character varying(2000), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_outbox_email" CHECK (recipient_email = lower(recipient_email)), CONSTRAINT "notification_outbox_sent" CHECK ((status = \'sent\') = (sent_at IS NOT NULL)), CONSTRAINT "notification_outbox_lease" CHECK ((status = \'sending\') = (lease_until IS NOT NULL)), CONSTRAINT "notification_outbox_attempts" CHECK (attempts >= 0), CONSTRAINT "notification_outbox_status" CHECK (status IN (\'pending\', \'sending\', \'sent\', \'failed\', \'suppressed\')), CONSTRAINT "PK_83d47c7dba1da2d038749fe757e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "notification_outbox_created_idx" ON "notification_outbox"  ("created_at") ');
    await queryRunner.query(
      'CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox"  ("next_attempt_at") WHERE status IN (\'pending\', \'sending\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "notification_outbox_message_id_key" ON "notification_outbox"  ("message_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "notification_outbox_idempotency_key" ON "notification_outbox"  ("idempotency_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_attempts" ("id" BIGSERIAL NOT NULL, "message_id" uuid NOT NULL, "attempt" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(16), "response" character varying(2000), CONSTRAINT "notification_attempts_outcome" CHECK (outcome IS NULL OR outcome IN (\'sent\', \'retry\', \'failed\', \'interrupted\')), CONSTRAINT "PK_f6abd34f351bbbf11c7ae8e7565" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "notification_attempts_message_key" ON "notification_attempts"  ("message_id", "attempt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_preferences" ("email" character varying(254) NOT NULL, "email_enabled" boolean NOT NULL DEFAULT true, "coordinator_digest" boolean NOT NULL DEFAULT true, "organization_digest" boolean NOT NULL DEFAULT true, "plan_reminders" boolean NOT NULL DEFAULT true, "obligation_reminders" boolean NOT NULL DEFAULT true, "quota_reminders" boolean NOT NULL DEFAULT true, "workflow_notices" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_preferences_email" CHECK (email = lower(email)), CONSTRAINT "PK_d1d4d17fdbd8d44b244af9348cc" PRIMARY KEY ("email"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_secrets" ("id" smallint NOT NULL, "secret" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_secrets_single" CHECK (id = 1), CONSTRAINT "PK_4bfe4761e0f45453603b3863654" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "notification_attempts" ADD CONSTRAINT "FK_aaa7075fc18dcf7dba6ebfb9c01" FOREIGN KEY ("message_id") REFERENCES "notification_outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification_attempts" DROP CONSTRAINT "FK_aaa7075fc18dcf7dba6ebfb9c01"');
    await queryRunner.query('DROP TABLE "notification_secrets"');
    await queryRunner.query('DROP TABLE "notification_preferences"');
    await queryRunner.query('DROP INDEX "public"."notification_attempts_message_key"');
    await queryRunner.query('DROP TABLE "notification_attempts"');
    await queryRunner.query('DROP INDEX "public"."notification_outbox_idempotency_key"');
    await queryRunner.query('DROP INDEX "public"."notification_outbox_message_id_key"');
    await queryRunner.query('DROP INDEX "public"."notification_outbox_due_idx"');
    await queryRunner.query('DROP INDEX "public"."notification_outbox_created_idx"');
    await queryRunner.query('DROP TABLE "notification_outbox"');
  }
}
