import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistryCore1795462343235 implements MigrationInterface {
  name = 'RegistryCore1795462343235';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "jurisdiction_policies" ("jurisdiction_code" character varying(64) NOT NULL, "policy" jsonb NOT NULL, "version" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_38386ef8ff93c598084b79e5ef0" PRIMARY KEY ("jurisdiction_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "jurisdiction_policy_changes" ("id" BIGSERIAL NOT NULL, "jurisdiction_code" character varying(64) NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by" uuid, "before" jsonb NOT NULL, "after" jsonb NOT NULL, "comment" character varying(1000), CONSTRAINT "PK_a8cd3f29b1e8df3b114d1045c07" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "jurisdiction_policy_changes_jurisdiction_idx" ON "jurisdiction_policy_changes"  ("jurisdiction_code", "changed_at") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"registry_event_type\" AS ENUM('organization_created', 'organization_renamed', 'organization_closed', 'page_created', 'page_deleted', 'page_url_changed', 'page_updated', 'gosuslugi_mark_obtained', 'feedback_widget_placed', 'website_link_published', 'access_handed_over', 'official_assigned', 'official_changed', 'responsible_changed', 'executor_changed', 'exemption_decided', 'frequency_decided')",
    );
    await queryRunner.query(
      'CREATE TABLE "registry_events" ("id" BIGSERIAL NOT NULL, "type" "public"."registry_event_type" NOT NULL, "organization_id" uuid NOT NULL, "page_id" uuid, "official_id" uuid, "occurred_on" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, "data" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_a301c67636be74717a215646be9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "registry_events_page_idx" ON "registry_events"  ("page_id", "id") ');
    await queryRunner.query('CREATE INDEX "registry_events_org_idx" ON "registry_events"  ("organization_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "reporting_obligations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "event_id" bigint NOT NULL, "organization_id" uuid NOT NULL, "jurisdiction_code" character varying(64) NOT NULL, "rule_code" character varying(100) NOT NULL, "duty" character varying(500) NOT NULL, "recipient" character varying(300) NOT NULL, "working_days" integer NOT NULL, "citation" jsonb NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fulfilled_at" TIMESTAMP WITH TIME ZONE, "fulfilled_by" uuid, "fulfilment_note" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reporting_obligations_fulfilment" CHECK ((fulfilled_at IS NULL) = (fulfilled_by IS NULL)), CONSTRAINT "PK_c5a436502daa60c9d5f940631b2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "reporting_obligations_event_rule_key" ON "reporting_obligations"  ("event_id", "rule_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "reporting_obligations_org_idx" ON "reporting_obligations"  ("organization_id", "due_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "reporting_obligations_open_idx" ON "reporting_obligations"  ("jurisdiction_code", "due_at") WHERE fulfilled_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "officials" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organization_id" uuid NOT NULL, "full_name" character varying(300) NOT NULL, "position" character varying(300) NOT NULL, "rank" character varying(32) NOT NULL, "work_email" character varying(254), "work_phone" character varying(32), "roles" character varying array NOT NULL, "esia_confirmed_on" date, "active_from" date NOT NULL, "active_to" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "officials_period" CHECK (active_to IS NULL OR active_to >= active_from), CONSTRAINT "officials_roles" CHECK (roles <@ ARRAY[\'responsible\', \'authorized\', \'executor\']::varchar[] AND cardinality(roles) > 0), CONSTRAINT "officials_rank" CHECK (rank IN (\'head\', \'first_deputy_head\', \'deputy_head\', \'department_head\', \'specialist\')), CONSTRAINT "PK_4e1cbe0d999f0d27205ca7b908d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "officials_org_idx" ON "officials"  ("organization_id") ');
    await queryRunner.query(
      'CREATE TABLE "organization_exemptions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organization_id" uuid NOT NULL, "decision_number" character varying(50) NOT NULL, "decision_date" date NOT NULL, "agreed_by" character varying(300) NOT NULL, "clause" character varying(200) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b40756ea677c984155b9d158d3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "organization_exemptions_org_idx" ON "organization_exemptions"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "posting_frequency_decisions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organization_id" uuid NOT NULL, "minimum_per_week" integer NOT NULL, "decision_number" character varying(50) NOT NULL, "decision_date" date NOT NULL, "decided_by" character varying(300) NOT NULL, "clause" character varying(200) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "posting_frequency_decisions_period" CHECK (valid_to IS NULL OR valid_to >= valid_from), CONSTRAINT "posting_frequency_decisions_minimum" CHECK (minimum_per_week BETWEEN 0 AND 100), CONSTRAINT "PK_d231beda0bd346367cfc862b936" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "posting_frequency_decisions_org_idx" ON "posting_frequency_decisions"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "official_pages" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "organization_id" uuid NOT NULL, "network" character varying(16) NOT NULL, "url" character varying(2048) NOT NULL, "handle" character varying(200) NOT NULL, "one_per_network" boolean NOT NULL DEFAULT false, "created_on" date NOT NULL, "deleted_on" date, "gosuslugi_mark_on" date, "feedback_widget_on" date, "comments_open" boolean, "service_phone" character varying(32), "checklist" jsonb, "website_link_on" date, "access_handed_on" date, "access_handed_to" character varying(300), "version" integer NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "official_pages_dates" CHECK (deleted_on IS NULL OR deleted_on >= created_on), CONSTRAINT "official_pages_network" CHECK (network IN (\'vk\', \'ok\', \'telegram\', \'max\', \'facebook\', \'instagram\', \'twitter\')), CONSTRAINT "PK_a42c31b39ea5ed247d88c0ee777" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "official_pages_network_idx" ON "official_pages"  ("network") ');
    await queryRunner.query('CREATE INDEX "official_pages_org_idx" ON "official_pages"  ("organization_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "official_pages_one_per_network_key" ON "official_pages"  ("organization_id", "network") WHERE deleted_on IS NULL AND one_per_network',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "official_pages_url_live_key" ON "official_pages"  ("url") WHERE deleted_on IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "page_metric_snapshots" ("page_id" uuid NOT NULL, "measured_on" date NOT NULL, "followers" integer NOT NULL, "weekly_reach" integer, CONSTRAINT "page_metric_snapshots_values" CHECK (followers >= 0 AND (weekly_reach IS NULL OR weekly_reach >= 0)), CONSTRAINT "PK_c047863dd56c125f8019fd8007b" PRIMARY KEY ("page_id", "measured_on"))',
    );
    await queryRunner.query('ALTER TABLE "organizations" ADD "inn" character varying(12)');
    await queryRunner.query('ALTER TABLE "organizations" ADD "ogrn" character varying(15)');
    await queryRunner.query('ALTER TABLE "organizations" ADD "closed_on" date');
    // Rows that exist already start at version 1.
    await queryRunner.query('ALTER TABLE "organizations" ADD "version" integer NOT NULL DEFAULT 1');
    await queryRunner.query('ALTER TABLE "organizations" ALTER COLUMN "version" DROP DEFAULT');
    await queryRunner.query(
      'ALTER TABLE "organizations" ADD CONSTRAINT "organizations_ogrn_digits" CHECK (ogrn IS NULL OR ogrn ~ \'^([0-9]{13}|[0-9]{15})$\')',
    );
    await queryRunner.query(
      'ALTER TABLE "organizations" ADD CONSTRAINT "organizations_inn_digits" CHECK (inn IS NULL OR inn ~ \'^([0-9]{10}|[0-9]{12})$\')',
    );
    await queryRunner.query(
      'ALTER TABLE "jurisdiction_policies" ADD CONSTRAINT "FK_38386ef8ff93c598084b79e5ef0" FOREIGN KEY ("jurisdiction_code") REFERENCES "jurisdictions"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registry_events" ADD CONSTRAINT "FK_553f4380c034093d8b68e440f7e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_obligations" ADD CONSTRAINT "FK_b6dab069ffae39e64b65d2d229f" FOREIGN KEY ("event_id") REFERENCES "registry_events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reporting_obligations" ADD CONSTRAINT "FK_a1b43d12b72cb4ba25568ec1291" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "officials" ADD CONSTRAINT "FK_e7ad36026acaec6e7554947a1e5" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organization_exemptions" ADD CONSTRAINT "FK_8fe78df45ba1dd8015bb81322c4" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "posting_frequency_decisions" ADD CONSTRAINT "FK_1d47083b08eebb06a8ab09f7505" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "official_pages" ADD CONSTRAINT "FK_bc1d5f14b11a8f7b32d5c96575a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "page_metric_snapshots" ADD CONSTRAINT "FK_9fb85c2439d2cd270a543885ad3" FOREIGN KEY ("page_id") REFERENCES "official_pages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Policies as the acts set them (src/registry/policy.seed.ts at the time of this migration).
    await queryRunner.query(
      `INSERT INTO "jurisdiction_policies" ("jurisdiction_code", "policy", "version") VALUES ($1, $2, 1)`,
      [
        'khabarovsk-krai',
        '{"networks":{"allowed":["vk","ok","telegram","max"],"citation":{"act":"Распоряжение Правительства Российской Федерации","number":"2523-р","date":"2022-09-02","clause":"перечень социальных сетей для официальных страниц"}},"onePagePerNetwork":{"required":true,"citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"Положение 1 п.3.1"}},"quotas":[{"organizationKinds":["regional_government"],"minimumPerWeek":10,"nature":"recommended","citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"Положение 1 п.5 абз.1"}},{"organizationKinds":["executive_body"],"minimumPerWeek":5,"nature":"recommended","citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"Положение 1 п.5 абз.2–3"}}],"reporting":[{"code":"khabarovsk.registry_update","events":["page_created","page_deleted","page_url_changed","organization_renamed"],"organizationKinds":["executive_body"],"duty":"Направить в Комитет сведения для актуализации Реестра официальных страниц","recipient":"Комитет (координатор)","workingDays":5,"citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"Положение 1 п.3.2"}},{"code":"khabarovsk.website_link","events":["page_created","page_url_changed"],"duty":"Разместить ссылку на официальную страницу на официальном сайте органа","recipient":"Официальный сайт органа","workingDays":5,"citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"Положение 1 п.3.3"}},{"code":"khabarovsk.responsible_contacts","events":["responsible_changed"],"organizationKinds":["executive_body"],"duty":"Направить координатору контакты ответственных лиц (ФИО, должность, телефон, e-mail)","recipient":"Комитет (координатор)","workingDays":5,"citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"постановление п.4–5"}},{"code":"khabarovsk.executor_change","events":["executor_changed"],"organizationKinds":["executive_body"],"duty":"Сообщить координатору о смене Исполнителя по работе с сообщениями","recipient":"Комитет (координатор)","workingDays":3,"citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"Положение 2 п.5"}}],"contentPlan":{"required":true,"citation":{"act":"Постановление Правительства Хабаровского края","number":"77-пр","date":"2020-03-17","clause":"Положение 1 п.2.2, 2.6, 5–7"}},"responsibleMinRank":{"rank":null},"esiaAuthorizedRequired":{"required":false},"contentChecklist":{"items":[]}}',
      ],
    );
    await queryRunner.query(
      `INSERT INTO "jurisdiction_policies" ("jurisdiction_code", "policy", "version") VALUES ($1, $2, 1)`,
      [
        'blagodarny-mo',
        '{"networks":{"allowed":["vk","ok"],"citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"п.2.1; Порядок п.3"}},"onePagePerNetwork":{"required":false},"quotas":[{"organizationKinds":["administration","administration_organ","subordinate_organization"],"minimumPerWeek":3,"nature":"required","citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"Порядок п.4"}}],"reporting":[{"code":"blagodarny.chief_specialist","events":["page_created","page_deleted"],"organizationKinds":["administration_organ","subordinate_organization"],"duty":"Представить главному специалисту сведения о созданной или удалённой официальной странице","recipient":"Главный специалист отдела по правовым, организационным и общим вопросам","workingDays":2,"citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"п.3.3.2"}},{"code":"blagodarny.regional_centre","events":["page_created","page_deleted"],"duty":"Представить в центр управления регионом сведения о созданной или удалённой официальной странице","recipient":"Центр управления регионом Ставропольского края","workingDays":3,"citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"п.3.2.4"}},{"code":"blagodarny.frequency_decision","events":["frequency_decided"],"duty":"Довести до организации решение об иной частоте публикаций","recipient":"Организация","workingDays":10,"citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"Порядок п.4"}}],"contentPlan":{"required":false},"responsibleMinRank":{"rank":"deputy_head","citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"п.3.3.1.2"}},"esiaAuthorizedRequired":{"required":true,"citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"п.2.3, 3.3.1.3"}},"contentChecklist":{"items":[{"code":"coverWithEmblem","title":"Индивидуальная обложка с гербом"},{"code":"unifiedStyle","title":"Единый стиль оформления"},{"code":"currentInformation","title":"Актуальная информация (8-ФЗ ст.13 ч.1.2)"},{"code":"geotag","title":"Геометка организации"},{"code":"fieldMaterials","title":"Материалы по сфере деятельности"}],"citation":{"act":"Постановление администрации Благодарненского муниципального округа Ставропольского края","number":"1249","date":"2023-11-09","clause":"Порядок п.5"}}}',
      ],
    );
    await queryRunner.query(
      `INSERT INTO "jurisdiction_policies" ("jurisdiction_code", "policy", "version") VALUES ($1, $2, 1)`,
      [
        'plastunovskaya-sp',
        '{"networks":{"allowed":["vk","ok","telegram"],"citation":{"act":"Постановление администрации Пластуновского сельского поселения Динского района","number":"273","date":"2023-09-04","clause":"Прил. 1 п.1"}},"onePagePerNetwork":{"required":false},"quotas":[{"organizationKinds":["settlement_administration","subordinate_organization"],"minimumPerWeek":2,"nature":"recommended","citation":{"act":"Постановление администрации Пластуновского сельского поселения Динского района","number":"273","date":"2023-09-04","clause":"Прил. 1 п.5"}}],"reporting":[],"contentPlan":{"required":false},"responsibleMinRank":{"rank":null},"esiaAuthorizedRequired":{"required":false},"contentChecklist":{"items":[]}}',
      ],
    );
    await queryRunner.query(
      `INSERT INTO "jurisdiction_policies" ("jurisdiction_code", "policy", "version") VALUES ($1, $2, 1)`,
      [
        'krasnodar-krai',
        '{"networks":{"allowed":["vk","ok","telegram"],"citation":{"act":"Постановление главы администрации (губернатора) Краснодарского края (изменения в № 478 от 20.08.2020)","number":"449","date":"2022-07-18","clause":"п.1"}},"onePagePerNetwork":{"required":false},"quotas":[],"reporting":[],"contentPlan":{"required":false},"responsibleMinRank":{"rank":"deputy_head","citation":{"act":"Постановление Губернатора Краснодарского края (изменения в № 478 от 20.08.2020)","number":"413","date":"2023-06-26","clause":"прил. п.8 (Порядок п.2)"}},"esiaAuthorizedRequired":{"required":false},"contentChecklist":{"items":[]}}',
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "page_metric_snapshots" DROP CONSTRAINT "FK_9fb85c2439d2cd270a543885ad3"');
    await queryRunner.query('ALTER TABLE "official_pages" DROP CONSTRAINT "FK_bc1d5f14b11a8f7b32d5c96575a"');
    await queryRunner.query(
      'ALTER TABLE "posting_frequency_decisions" DROP CONSTRAINT "FK_1d47083b08eebb06a8ab09f7505"',
    );
    await queryRunner.query('ALTER TABLE "organization_exemptions" DROP CONSTRAINT "FK_8fe78df45ba1dd8015bb81322c4"');
    await queryRunner.query('ALTER TABLE "officials" DROP CONSTRAINT "FK_e7ad36026acaec6e7554947a1e5"');
    await queryRunner.query('ALTER TABLE "reporting_obligations" DROP CONSTRAINT "FK_a1b43d12b72cb4ba25568ec1291"');
    await queryRunner.query('ALTER TABLE "reporting_obligations" DROP CONSTRAINT "FK_b6dab069ffae39e64b65d2d229f"');
    await queryRunner.query('ALTER TABLE "registry_events" DROP CONSTRAINT "FK_553f4380c034093d8b68e440f7e"');
    await queryRunner.query('ALTER TABLE "jurisdiction_policies" DROP CONSTRAINT "FK_38386ef8ff93c598084b79e5ef0"');
    await queryRunner.query('ALTER TABLE "organizations" DROP CONSTRAINT "organizations_inn_digits"');
    await queryRunner.query('ALTER TABLE "organizations" DROP CONSTRAINT "organizations_ogrn_digits"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "closed_on"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "ogrn"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "inn"');
    await queryRunner.query('DROP TABLE "page_metric_snapshots"');
    await queryRunner.query('DROP INDEX "public"."official_pages_url_live_key"');
    await queryRunner.query('DROP INDEX "public"."official_pages_one_per_network_key"');
    await queryRunner.query('DROP INDEX "public"."official_pages_org_idx"');
    await queryRunner.query('DROP INDEX "public"."official_pages_network_idx"');
    await queryRunner.query('DROP TABLE "official_pages"');
    await queryRunner.query('DROP INDEX "public"."posting_frequency_decisions_org_idx"');
    await queryRunner.query('DROP TABLE "posting_frequency_decisions"');
    await queryRunner.query('DROP INDEX "public"."organization_exemptions_org_idx"');
    await queryRunner.query('DROP TABLE "organization_exemptions"');
    await queryRunner.query('DROP INDEX "public"."officials_org_idx"');
    await queryRunner.query('DROP TABLE "officials"');
    await queryRunner.query('DROP INDEX "public"."reporting_obligations_open_idx"');
    await queryRunner.query('DROP INDEX "public"."reporting_obligations_org_idx"');
    await queryRunner.query('DROP INDEX "public"."reporting_obligations_event_rule_key"');
    await queryRunner.query('DROP TABLE "reporting_obligations"');
    await queryRunner.query('DROP INDEX "public"."registry_events_org_idx"');
    await queryRunner.query('DROP INDEX "public"."registry_events_page_idx"');
    await queryRunner.query('DROP TABLE "registry_events"');
    await queryRunner.query('DROP TYPE "public"."registry_event_type"');
    await queryRunner.query('DROP INDEX "public"."jurisdiction_policy_changes_jurisdiction_idx"');
    await queryRunner.query('DROP TABLE "jurisdiction_policy_changes"');
    await queryRunner.query('DROP TABLE "jurisdiction_policies"');
  }
}
