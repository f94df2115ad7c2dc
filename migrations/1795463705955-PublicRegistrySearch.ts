import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: indexes the public registry (/registry, /api/v1/registry) needs to stay fast with
 * 500 000 pages. The trigram index is on exactly the expression the organizations list and the
 * public registry search with (nameSearchKeySql in src/registry/organizations.repository.ts), so one
 * index serves both; the entities declare these indexes with `synchronize: false`.
 */
export class PublicRegistrySearch1795463705955 implements MigrationInterface {
  name = 'PublicRegistrySearch1795463705955';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      `CREATE INDEX "organizations_name_search_idx" ON "organizations" USING gin ` +
        `(translate(lower("name"), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе') gin_trgm_ops)`,
    );
    // The public list is ordered by organization name: walking this index stops after one screen.
    await queryRunner.query('CREATE INDEX "organizations_name_order_idx" ON "organizations" ("name", "id")');
    // ETag / Last-Modified: the newest change is one index probe per table.
    await queryRunner.query('CREATE INDEX "organizations_updated_at_idx" ON "organizations" ("updated_at")');
    await queryRunner.query('CREATE INDEX "official_pages_updated_at_idx" ON "official_pages" ("updated_at")');
    // Live pages of an organization in network order: the join of the public list.
    await queryRunner.query(
      'CREATE INDEX "official_pages_live_org_idx" ON "official_pages" ("organization_id", "network", "created_on") WHERE deleted_on IS NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."official_pages_live_org_idx"');
    await queryRunner.query('DROP INDEX "public"."official_pages_updated_at_idx"');
    await queryRunner.query('DROP INDEX "public"."organizations_updated_at_idx"');
    await queryRunner.query('DROP INDEX "public"."organizations_name_order_idx"');
    await queryRunner.query('DROP INDEX "public"."organizations_name_search_idx"');
    // The extension stays: other objects may have come to depend on it.
  }
}
