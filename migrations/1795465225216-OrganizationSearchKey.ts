import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand. The folded name (case and ё/е ignored) becomes a stored column kept by a trigger:
 * translate() over 34 Cyrillic letters costs about 10 µs a row (measured, bench/public-registry),
 * and a trigram LIKE rechecks every candidate row, so computing it at query time made a search
 * of the public registry cost 10–40 ms of database time. The trigger uses exactly the expression
 * the searches used before; the organizations list and the public registry both search this
 * column, and one trigram index serves both.
 */
export class OrganizationSearchKey1795465225216 implements MigrationInterface {
  name = 'OrganizationSearchKey1795465225216';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organizations" ADD "name_search_key" text');
    await queryRunner.query(
      `CREATE FUNCTION organizations_name_search_key() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- lower() folds Cyrillic only under a Cyrillic-aware locale; translate() does not depend on it.
         NEW.name_search_key := translate(lower(NEW.name), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе');
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER "organizations_name_search_key" BEFORE INSERT OR UPDATE ON "organizations" ' +
        'FOR EACH ROW EXECUTE FUNCTION organizations_name_search_key()',
    );
    await queryRunner.query(
      `UPDATE "organizations" SET "name_search_key" = translate(lower("name"), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе')`,
    );
    await queryRunner.query('DROP INDEX "public"."organizations_name_search_idx"');
    await queryRunner.query(
      'CREATE INDEX "organizations_name_search_key_idx" ON "organizations" USING gin ("name_search_key" gin_trgm_ops)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."organizations_name_search_key_idx"');
    await queryRunner.query(
      `CREATE INDEX "organizations_name_search_idx" ON "organizations" USING gin ` +
        `(translate(lower("name"), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё', 'абвгдеежзийклмнопрстуфхцчшщъыьэюяе') gin_trgm_ops)`,
    );
    await queryRunner.query('DROP TRIGGER "organizations_name_search_key" ON "organizations"');
    await queryRunner.query('DROP FUNCTION organizations_name_search_key()');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "name_search_key"');
  }
}
