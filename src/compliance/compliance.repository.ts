import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Query, QueryArrayConfig } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { PreparedStatements, withPooledClient } from '../database/prepared';
import type { Citation, Network, OfficialRank } from '../registry/policy.types';
import type { OrganizationKind } from '../registry/organization-kind';
import type { FrequencyDecisionFacts } from '../registry/organization-decision.rules';
import type { FindingDraft, FindingKind, OrganizationFacts, OverdueObligationFacts } from './finding.rules';
import type { PublicationFormat, PublicationSource } from './publication.entity';
import type { PageWeek, WeekRange } from './week-evaluation.rules';

export type { PageWeek, WeekRange };

export interface IngestPage {
  id: string;
  url: string;
  network: Network;
  organizationId: string;
  jurisdictionCode: string;
  timeZone: string;
}

export interface PublicationInsert {
  pageId: string;
  publishedAt: Date;
  weekStart: string;
  sourceKey: string;
  externalId: string | null;
  url: string | null;
  format: PublicationFormat | null;
  text: string | null;
  source: PublicationSource;
  styleHits: unknown[] | null;
}

/** The same with what a report shows of it. */
export interface PageWeekRow extends PageWeek {
  weekStart: string;
  organizationName: string;
  url: string;
}

/** The facts of `PageWeek` over `pageWeekSource` with their names, in the order `pageWeekOf` reads them. */
const PAGE_WEEK_COLUMNS: [expression: string, name: keyof PageWeek][] = [
  ['p.id', 'pageId'],
  ['o.id', 'organizationId'],
  ['o.kind', 'kind'],
  ['p.network', 'network'],
  ['p.created_on::text', 'createdOn'],
  ['p.deleted_on::text', 'deletedOn'],
  ['coalesce(c.published, 0)::int', 'published'],
  ['(x.organization_id IS NOT NULL)', 'exempt'],
  ['cp.status', 'planStatus'],
  ['(cp.insufficient_events_reason IS NOT NULL)', 'insufficientEvents'],
];
const PAGE_WEEK_FACTS = PAGE_WEEK_COLUMNS.map(([expression, name]) => `${expression} AS "${name}"`).join(', ');
/** The same facts as the elements of a JSON array (no names repeated per row). */
const PAGE_WEEK_VALUES = PAGE_WEEK_COLUMNS.map(([expression]) => expression).join(', ');

/** The facts of `PAGE_WEEK_COLUMNS` as an array (no column names per row), from `row[at]` on. */
function pageWeekOf(row: unknown[], at = 0): PageWeek {
  return {
    pageId: row[at],
    organizationId: row[at + 1],
    kind: row[at + 2],
    network: row[at + 3],
    createdOn: row[at + 4],
    deletedOn: row[at + 5],
    published: row[at + 6],
    exempt: row[at + 7],
    planStatus: row[at + 8],
    insufficientEvents: row[at + 9],
  } as PageWeek;
}

/** An organization (o) not closed before the week (w) began; a page (p) live on some day of it. */
const OPEN_IN_WEEK = `(o.closed_on IS NULL OR o.closed_on >= w.start)`;
const LIVE_IN_WEEK = `p.created_on <= w.finish AND (p.deleted_on IS NULL OR p.deleted_on >= w.start)`;

/**
 * Pages live on some day of each week ($2 weeks, $3 Mondays, $4 Sundays) of the organizations
 * chosen by `organizations` ($1, over `o`), with the week's count, the organization's plan and
 * whether an exemption was in force on some day of the week. The repeated week conditions on the
 * counts and the plans are constants the planner can read one week through
 * (the counts' key leads with the week) instead of every week of the history per page (ten weeks:
 * 1.1 M rows read and dropped for Blagodarny). The exemptions are joined as a set
 * (those of the chosen organizations, a few rows): as a sub-query per page they cost 400 000
 * index probes for Blagodarny, run by the one process that gathers the parallel workers' rows.
 */
function pageWeekSource(organizations: string) {
  return `FROM unnest($2::text[], $3::date[], $4::date[]) AS w(week, start, finish)
         JOIN organizations o ON ${organizations} AND ${OPEN_IN_WEEK}
         JOIN official_pages p ON p.organization_id = o.id AND ${LIVE_IN_WEEK}
         LEFT JOIN publication_week_counts c ON c.page_id = p.id AND c.week_start = w.start
                                              AND c.week_start = ANY($3::date[])
         LEFT JOIN content_plans cp ON cp.organization_id = o.id AND cp.week = w.week AND cp.week = ANY($2::text[])
         LEFT JOIN (SELECT DISTINCT e.organization_id, w.start
                      FROM unnest($3::date[], $4::date[]) AS w(start, finish)
                      JOIN organization_exemptions e ON e.valid_from <= w.finish
                                                    AND (e.valid_to IS NULL OR e.valid_to >= w.start)
                      JOIN organizations o ON o.id = e.organization_id AND ${organizations}) x
           ON x.organization_id = o.id AND x.start = w.start`;
}

/** Posting-frequency decisions (d) of the organizations chosen over `o`, in force on some day of [$from, $to]. */
function decisionsInForceSql(organizations: string, from: string, to: string) {
  return `SELECT d.id, d.organization_id AS "organizationId", d.minimum_per_week AS "minimumPerWeek",
              d.decision_number AS "decisionNumber", d.decision_date::text AS "decisionDate", d.clause,
              d.valid_from::text AS "validFrom", d.valid_to::text AS "validTo"
         FROM posting_frequency_decisions d
         JOIN organizations o ON o.id = d.organization_id
        WHERE ${organizations} AND d.valid_from <= ${to} AND (d.valid_to IS NULL OR d.valid_to >= ${from})`;
}

function byOrganization(rows: DecisionRow[]): Map<string, (FrequencyDecisionFacts & { id: string })[]> {
  const map = new Map<string, (FrequencyDecisionFacts & { id: string })[]>();
  for (const { organizationId, ...decision } of rows) {
    const list = map.get(organizationId) ?? [];
    list.push(decision);
    map.set(organizationId, list);
  }
  return map;
}

type DecisionRow = FrequencyDecisionFacts & { id: string; organizationId: string };

/**
 * An organization's trend in one statement, so one round trip: its name, kind and jurisdiction,
 * its pages' weeks (`pageWeekSource`: the week, the page's URL and `PAGE_WEEK_VALUES`, as arrays
 * in report order) and the frequency decisions in force, the lists as JSON. Arrays rather than
 * objects with the names in every row: 15 % less of PostgreSQL's time and a quarter less of the
 * service's for reading them. $1 the organization, $2–$4 the weeks, $5 and $6 the first Monday and
 * the last Sunday.
 */
const ORGANIZATION_WEEKS = `SELECT o.jurisdiction_code AS "jurisdictionCode", o.name, o.kind,
         (SELECT coalesce(json_agg(json_build_array(w.start::text, p.url, ${PAGE_WEEK_VALUES})
                                   ORDER BY w.start, p.network, p.created_on, p.id), '[]')
            ${pageWeekSource('o.id = $1::uuid')}) AS weeks,
         (SELECT coalesce(json_agg(d), '[]') FROM (${decisionsInForceSql('o.id = $1::uuid', '$5::date', '$6::date')}) d)
           AS decisions
    FROM organizations o WHERE o.id = $1::uuid`;

function weekParams(weeks: WeekRange[]) {
  return [weeks.map((w) => w.week), weeks.map((w) => w.start), weeks.map((w) => w.end)];
}

export interface PlannedVsPublished {
  organizationId: string;
  planned: number;
  published: number;
}

export interface FindingFilter {
  jurisdictions?: string[];
  organizationId?: string;
  kind?: FindingKind;
  status?: 'open' | 'resolved';
  cursor?: string;
  limit: number;
}

@Injectable()
export class ComplianceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prepared: PreparedStatements,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // -------------------------------------------------------------------------------------------
  // Publications

  /**
   * Pages named by id (live or deleted) and live pages named by their normalized URL. Two index
   * lookups: one query with `id = ANY(…) OR url = ANY(…)` scanned every page (≈ 0.7 s a batch at
   * 500 000 pages), since the URL index covers live pages only. The names are joined as a list
   * (`unnest`), not matched with `= ANY(…)`: for 10 000 ids the planner chose a parallel bitmap
   * scan, three processes for the same time, and every ingest batch paid ≈ 40 % more CPU.
   */
  async findIngestPages(ids: string[], urls: string[]): Promise<{ byId: IngestPage[]; byUrl: IngestPage[] }> {
    const select = (names: string) => `SELECT p.id, p.url, p.network, p.organization_id AS "organizationId",
              o.jurisdiction_code AS "jurisdictionCode", j.time_zone AS "timeZone"
         FROM ${names}
         JOIN organizations o ON o.id = p.organization_id
         JOIN jurisdictions j ON j.code = o.jurisdiction_code`;
    const [byId, byUrl] = await Promise.all([
      ids.length
        ? this.dataSource.query(select(`unnest($1::uuid[]) AS k(id) JOIN official_pages p ON p.id = k.id`), [ids])
        : [],
      urls.length
        ? this.dataSource.query(
            select(`unnest($1::text[]) AS k(url) JOIN official_pages p ON p.url = k.url AND p.deleted_on IS NULL`),
            [urls],
          )
        : [],
    ]);
    return { byId, byUrl };
  }

  /** Live pages of every jurisdiction with its zone (demo data). */
  livePagesWithZones(): Promise<{ id: string; url: string; timeZone: string }[]> {
    return this.dataSource.query(
      `SELECT p.id, p.url, j.time_zone AS "timeZone"
         FROM official_pages p
         JOIN organizations o ON o.id = p.organization_id
         JOIN jurisdictions j ON j.code = o.jurisdiction_code
        WHERE p.deleted_on IS NULL
        ORDER BY p.id`,
    );
  }

  /**
   * Inserts what is new and counts it into its page's week in the same statement; rows already
   * stored (same page and source key) are left alone. Returns the new rows' ids by key. The rows
   * travel as one JSON document: node-postgres escapes array parameters element by element in
   * JavaScript (≈ 10 % of the ingest's time for 10 000 rows × 10 columns), JSON.stringify is native.
   */
  async insertPublications(rows: PublicationInsert[], recordedBy: string | null): Promise<Map<string, string>> {
    const created = new Map<string, string>();
    if (!rows.length) return created;
    const inserted: { id: string; pageId: string; sourceKey: string }[] = await this.dataSource.query(
      `WITH incoming AS (
         SELECT * FROM json_to_recordset($1::json)
                  AS t("pageId" uuid, "publishedAt" timestamptz, "weekStart" date, "sourceKey" text, "externalId" text,
                       url text, format text, text text, source text, "styleHits" jsonb)
       ), inserted AS (
         INSERT INTO publications (page_id, published_at, week_start, source_key, external_id, url, format, text,
                                   source, style_hits, recorded_by)
         SELECT "pageId", "publishedAt", "weekStart", "sourceKey", "externalId", url, format, text, source,
                "styleHits", $2
           FROM incoming
         ON CONFLICT (page_id, source_key) DO NOTHING
         RETURNING id, page_id, source_key, week_start
       ), counted AS (
         INSERT INTO publication_week_counts (week_start, page_id, published)
         SELECT week_start, page_id, count(*) FROM inserted GROUP BY week_start, page_id ORDER BY week_start, page_id
         ON CONFLICT (week_start, page_id) DO UPDATE SET published = publication_week_counts.published + excluded.published
       )
       SELECT id::text, page_id AS "pageId", source_key AS "sourceKey" FROM inserted`,
      [JSON.stringify(rows), recordedBy],
    );
    for (const row of inserted) created.set(`${row.pageId} ${row.sourceKey}`, row.id);
    return created;
  }

  async findPublicationIds(keys: { pageId: string; sourceKey: string }[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (!keys.length) return found;
    const rows: { id: string; pageId: string; sourceKey: string }[] = await this.dataSource.query(
      `SELECT p.id::text, p.page_id AS "pageId", p.source_key AS "sourceKey"
         FROM json_to_recordset($1::json) AS k("pageId" uuid, "sourceKey" text)
         JOIN publications p ON p.page_id = k."pageId" AND p.source_key = k."sourceKey"`,
      [JSON.stringify(keys.map(({ pageId, sourceKey }) => ({ pageId, sourceKey })))],
    );
    for (const row of rows) found.set(`${row.pageId} ${row.sourceKey}`, row.id);
    return found;
  }

  // -------------------------------------------------------------------------------------------
  // Weekly quota

  /**
   * Every page of the organizations named (or of a whole jurisdiction) that was live on some day
   * of each week, with the week's count, the organization's exemption and its content plan for
   * that week, with names and URLs, in report order. One statement for all the weeks asked.
   */
  pageWeeks(
    scope: { organizationIds: string[] } | { jurisdiction: string },
    weeks: WeekRange[],
  ): Promise<PageWeekRow[]> {
    const byIds = 'organizationIds' in scope;
    if (byIds && !scope.organizationIds.length) return Promise.resolve([]);
    const sql = `SELECT w.start::text AS "weekStart", o.name AS "organizationName", p.url, ${PAGE_WEEK_FACTS}
         ${pageWeekSource(byIds ? 'o.id = ANY($1::uuid[])' : 'o.jurisdiction_code = $1')}
        ORDER BY w.start, o.name, o.id, p.network, p.created_on, p.id`;
    if (!byIds) return this.dataSource.query(sql, [scope.jurisdiction, ...weekParams(weeks)]);
    // Asked per request (trends, screens): prepared, looked up by the organizations' keys.
    return this.prepared.query('compliance.page-weeks', sql, [scope.organizationIds, ...weekParams(weeks)]);
  }

  /**
   * The same facts for every page of a jurisdiction in one week, without names, URLs or order
   * (what the quota rules need for a whole jurisdiction in one pass), handed to `each` row by row
   * as PostgreSQL sends them, none kept: the week report of Blagodarny (400 000 pages) held every
   * row and its evaluation at once (≈ 1.1 GB of heap), and Node evaluated only after PostgreSQL had
   * finished. Rows come as arrays (no column names per row). If `each` throws, the rest of the rows
   * are read and dropped, then it rejects.
   */
  eachPageWeekFact(jurisdiction: string, week: WeekRange, each: (page: PageWeek) => void): Promise<void> {
    const config: QueryArrayConfig = {
      text: `SELECT ${PAGE_WEEK_FACTS} ${pageWeekSource('o.jurisdiction_code = $1')}`,
      values: [jurisdiction, ...weekParams([week])],
      rowMode: 'array',
    };
    return withPooledClient(
      this.dataSource,
      (client) =>
        new Promise<void>((resolve, reject) => {
          let failure: unknown;
          const query = new Query(config);
          query.on('row', (row: unknown[]) => {
            if (failure !== undefined) return;
            try {
              each(pageWeekOf(row));
            } catch (error) {
              failure = error;
            }
          });
          query.on('error', reject);
          query.on('end', () => (failure === undefined ? resolve() : reject(failure)));
          void client.query(query);
        }),
    );
  }

  /**
   * One screen, in name order, of the organizations that `eachPageWeekFact` evaluates (a page live
   * on some day of the week), or of those among `only`. Walks the name index and stops after
   * the screen, so it can run beside the evaluation.
   */
  weekOrganizationNames(
    jurisdiction: string,
    week: WeekRange,
    screen: { offset: number; limit: number; only?: string[] },
  ): Promise<{ id: string; name: string }[]> {
    if (screen.only && !screen.only.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT o.id, o.name FROM unnest($2::text[], $3::date[], $4::date[]) AS w(week, start, finish)
         JOIN organizations o ON o.jurisdiction_code = $1 AND ${OPEN_IN_WEEK}
        WHERE EXISTS (SELECT 1 FROM official_pages p WHERE p.organization_id = o.id AND ${LIVE_IN_WEEK})
          ${screen.only ? 'AND o.id = ANY($7::uuid[])' : ''}
        ORDER BY o.name, o.id OFFSET $5 LIMIT $6`,
      [jurisdiction, ...weekParams([week]), screen.offset, screen.limit, ...(screen.only ? [screen.only] : [])],
    );
  }

  /** Posting-frequency decisions in force on some day of [from, to] in a jurisdiction, per organization. */
  async decisionsInForce(
    jurisdiction: string,
    from: string,
    to: string,
  ): Promise<Map<string, (FrequencyDecisionFacts & { id: string })[]>> {
    const rows: DecisionRow[] = await this.dataSource.query(
      decisionsInForceSql('o.jurisdiction_code = $1', '$2', '$3'),
      [jurisdiction, from, to],
    );
    return byOrganization(rows);
  }

  /**
   * One organization over `weeks` (a trend): its name, kind and jurisdiction, its pages' weeks as
   * `pageWeeks` gives them and its frequency decisions in force; undefined for an unknown id.
   */
  async organizationWeeks(organizationId: string, weeks: WeekRange[]) {
    const [row] = await this.prepared.query<{
      jurisdictionCode: string;
      name: string;
      kind: OrganizationKind;
      weeks: unknown[][];
      decisions: DecisionRow[];
    }>('compliance.organization-weeks', ORGANIZATION_WEEKS, [
      organizationId,
      ...weekParams(weeks),
      weeks[0]!.start,
      weeks[weeks.length - 1]!.end,
    ]);
    if (!row) return undefined;
    const { weeks: pageWeeks, decisions, ...organization } = row;
    return {
      ...organization,
      rows: pageWeeks.map((week): PageWeekRow => ({
        weekStart: week[0] as string,
        url: week[1] as string,
        organizationName: organization.name,
        ...pageWeekOf(week, 2),
      })),
      decisions: byOrganization(decisions),
    };
  }

  /**
   * Approved plan items of a week and how many went out: an item went out when one of its pages
   * (or a page of the organization in one of its networks) published on the planned local day.
   * `dayBounds`: the 8 instants Monday 00:00 … next Monday 00:00 local time.
   */
  plannedVsPublished(jurisdiction: string, week: WeekRange, dayBounds: Date[]): Promise<PlannedVsPublished[]> {
    return this.dataSource.query(
      `SELECT cp.organization_id AS "organizationId", count(*)::int AS planned,
              (count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM official_pages pp
                   JOIN publications pub ON pub.page_id = pp.id AND pub.week_start = $3::date
                  WHERE pp.organization_id = cp.organization_id
                    AND (pp.id = ANY(i.page_ids) OR pp.network = ANY(i.networks))
                    AND pub.published_at >= ($4::timestamptz[])[i.planned_on - $3::date + 1]
                    AND pub.published_at < ($4::timestamptz[])[i.planned_on - $3::date + 2])))::int AS published
         FROM content_plans cp
         JOIN content_plan_items i ON i.plan_id = cp.id
        WHERE cp.jurisdiction_code = $1 AND cp.week = $2 AND cp.status = 'approved'
          AND i.planned_on BETWEEN $3::date AND $3::date + 6
        GROUP BY cp.organization_id`,
      [jurisdiction, week.week, week.start, dayBounds],
    );
  }

  // -------------------------------------------------------------------------------------------
  // Facts for findings (each one statement for a whole jurisdiction)

  async organizationFacts(
    jurisdiction: string,
    today: string,
  ): Promise<(OrganizationFacts & { kind: OrganizationKind })[]> {
    const rows: {
      id: string;
      kind: OrganizationKind;
      exempt: boolean;
      responsibleRanks: OfficialRank[] | null;
      esiaAuthorized: boolean;
      livePages: Partial<Record<Network, number>>;
    }[] = await this.dataSource.query(
      `WITH active AS (
         SELECT f.organization_id, f.rank, f.roles, f.esia_confirmed_on
           FROM officials f JOIN organizations o ON o.id = f.organization_id
          WHERE o.jurisdiction_code = $1 AND f.active_from <= $2 AND (f.active_to IS NULL OR f.active_to >= $2)
       ), officials_by_org AS (
         SELECT organization_id,
                array_agg(rank) FILTER (WHERE 'responsible' = ANY(roles)) AS ranks,
                bool_or('authorized' = ANY(roles) AND esia_confirmed_on IS NOT NULL) AS esia
           FROM active GROUP BY organization_id
       ), pages_by_org AS (
         SELECT organization_id, jsonb_object_agg(network, n) AS live
           FROM (SELECT p.organization_id, p.network, count(*)::int AS n
                   FROM official_pages p JOIN organizations o ON o.id = p.organization_id
                  WHERE o.jurisdiction_code = $1 AND p.deleted_on IS NULL
                  GROUP BY p.organization_id, p.network) x
          GROUP BY organization_id
       ), exempt AS (
         SELECT DISTINCT e.organization_id FROM organization_exemptions e
           JOIN organizations o ON o.id = e.organization_id
          WHERE o.jurisdiction_code = $1 AND e.valid_from <= $2 AND (e.valid_to IS NULL OR e.valid_to >= $2)
       )
       SELECT o.id, o.kind, (x.organization_id IS NOT NULL) AS exempt, f.ranks AS "responsibleRanks",
              coalesce(f.esia, false) AS "esiaAuthorized", coalesce(p.live, '{}'::jsonb) AS "livePages"
         FROM organizations o
         LEFT JOIN officials_by_org f ON f.organization_id = o.id
         LEFT JOIN pages_by_org p ON p.organization_id = o.id
         LEFT JOIN exempt x ON x.organization_id = o.id
        WHERE o.jurisdiction_code = $1 AND o.closed_on IS NULL`,
      [jurisdiction, today],
    );
    return rows.map((r) => ({ ...r, responsibleRanks: r.responsibleRanks ?? [] }));
  }

  livePages(
    jurisdiction: string,
    today: string,
  ): Promise<
    {
      id: string;
      organizationId: string;
      network: Network;
      url: string;
      organizationExempt: boolean;
      gosuslugiMark: boolean;
      feedbackWidget: boolean;
      commentsOpen: boolean | null;
      checklist: Record<string, boolean> | null;
    }[]
  > {
    return this.dataSource.query(
      `SELECT p.id, p.organization_id AS "organizationId", p.network, p.url,
              EXISTS (SELECT 1 FROM organization_exemptions e WHERE e.organization_id = o.id
                        AND e.valid_from <= $2 AND (e.valid_to IS NULL OR e.valid_to >= $2)) AS "organizationExempt",
              (p.gosuslugi_mark_on IS NOT NULL) AS "gosuslugiMark", (p.feedback_widget_on IS NOT NULL) AS "feedbackWidget",
              p.comments_open AS "commentsOpen", p.checklist
         FROM official_pages p JOIN organizations o ON o.id = p.organization_id
        WHERE o.jurisdiction_code = $1 AND o.closed_on IS NULL AND p.deleted_on IS NULL`,
      [jurisdiction, today],
    );
  }

  overdueObligations(jurisdiction: string, now: Date): Promise<OverdueObligationFacts[]> {
    return this.dataSource.query(
      `SELECT r.id, r.organization_id AS "organizationId", r.rule_code AS "ruleCode", r.duty, r.recipient,
              r.working_days AS "workingDays", e.type::text AS event, r.due_at AS "dueAt", r.citation,
              e.page_id AS "pageId"
         FROM reporting_obligations r JOIN registry_events e ON e.id = r.event_id
        WHERE r.jurisdiction_code = $1 AND r.fulfilled_at IS NULL AND r.due_at < $2`,
      [jurisdiction, now],
    );
  }

  /** Organizations of the given kinds with their plan for each week, if any. */
  planWeeks(
    jurisdiction: string,
    kinds: OrganizationKind[],
    weeks: string[],
  ): Promise<
    {
      organizationId: string;
      week: string;
      planId: string | null;
      status: string | null;
      submittedAt: Date | null;
      reviewDueAt: Date | null;
      resubmissionDueAt: Date | null;
      declaredAt: Date | null;
    }[]
  > {
    if (!kinds.length || !weeks.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT o.id AS "organizationId", w.week, cp.id AS "planId", cp.status, cp.submitted_at AS "submittedAt",
              cp.review_due_at AS "reviewDueAt", cp.resubmission_due_at AS "resubmissionDueAt",
              CASE WHEN cp.status = 'no_news_declared' THEN
                (SELECT max(t.at) FROM content_plan_transitions t
                  WHERE t.plan_id = cp.id AND t.to_status = 'no_news_declared') END AS "declaredAt"
         FROM organizations o
        CROSS JOIN unnest($3::text[]) AS w(week)
         LEFT JOIN content_plans cp ON cp.organization_id = o.id AND cp.week = w.week
        WHERE o.jurisdiction_code = $1 AND o.closed_on IS NULL AND o.kind::text = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM organization_exemptions e WHERE e.organization_id = o.id AND e.valid_to IS NULL)`,
      [jurisdiction, kinds, weeks],
    );
  }

  /** Pages whose publications of a week drew style hits, with the count of such publications. */
  styleByPage(
    jurisdiction: string,
    weekStart: string,
  ): Promise<{ pageId: string; organizationId: string; network: Network; publications: number; hits: number }[]> {
    return this.dataSource.query(
      `SELECT p.id AS "pageId", p.organization_id AS "organizationId", p.network,
              count(*)::int AS publications, sum(jsonb_array_length(pub.style_hits))::int AS hits
         FROM publications pub
         JOIN official_pages p ON p.id = pub.page_id
         JOIN organizations o ON o.id = p.organization_id
        WHERE o.jurisdiction_code = $1 AND pub.week_start = $2
          AND pub.style_hits IS NOT NULL AND jsonb_array_length(pub.style_hits) > 0
        GROUP BY p.id, p.organization_id, p.network`,
      [jurisdiction, weekStart],
    );
  }

  // -------------------------------------------------------------------------------------------
  // Findings

  /**
   * Records what this run found: a new finding per new cause, the open one refreshed otherwise.
   * Then resolves the open findings in the run's scope that this run did not see.
   */
  async recordFindings(
    manager: EntityManager,
    run: {
      id: string;
      jurisdiction: string;
      at: Date;
      quotaWeek: string;
      planWeeks: string[];
      weekKinds: { quota: readonly FindingKind[]; plan: readonly FindingKind[] };
    },
    drafts: FindingDraft[],
  ): Promise<{ opened: number; resolved: number; open: number }> {
    // One run per jurisdiction at a time: two schedulers or a click during a run cannot interleave.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('compliance:' || $1))`, [run.jurisdiction]);
    let opened = 0;
    const chunk = 5_000;
    for (let i = 0; i < drafts.length; i += chunk) {
      const part = drafts.slice(i, i + chunk);
      const rows: { inserted: boolean }[] = await manager.query(
        `INSERT INTO compliance_findings (key, kind, severity, jurisdiction_code, organization_id, page_id, week, due_at,
                                          citation, details, first_seen_at, last_seen_at, run_id)
         SELECT key, kind, severity, $1, "organizationId", "pageId", week, "dueAt", citation, details, $2, $2, $3
           FROM json_to_recordset($4::json)
                AS t(key text, kind text, severity text, "organizationId" uuid, "pageId" uuid, week text,
                     "dueAt" timestamptz, citation jsonb, details jsonb)
         ON CONFLICT (key) WHERE resolved_at IS NULL DO UPDATE
           SET severity = excluded.severity, citation = excluded.citation, details = excluded.details,
               due_at = excluded.due_at, last_seen_at = excluded.last_seen_at, run_id = excluded.run_id
         RETURNING (xmax = 0) AS inserted`,
        [run.jurisdiction, run.at, run.id, JSON.stringify(part)],
      );
      opened += rows.filter((r) => r.inserted).length;
    }
    const resolved: [unknown[], number] = await manager.query(
      `UPDATE compliance_findings SET resolved_at = $2
        WHERE resolved_at IS NULL AND jurisdiction_code = $1 AND run_id <> $3
          AND CASE WHEN kind = ANY($4::text[]) THEN week = $5
                   WHEN kind = ANY($6::text[]) THEN week = ANY($7::text[])
                   ELSE true END`,
      [run.jurisdiction, run.at, run.id, run.weekKinds.quota, run.quotaWeek, run.weekKinds.plan, run.planWeeks],
    );
    const [{ open }]: { open: number }[] = await manager.query(
      `SELECT count(*)::int AS open FROM compliance_findings WHERE jurisdiction_code = $1 AND resolved_at IS NULL`,
      [run.jurisdiction],
    );
    return { opened, resolved: resolved[1], open };
  }

  findings(filter: FindingFilter): Promise<FindingRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.jurisdictions) add('f.jurisdiction_code = ANY(?::text[])', filter.jurisdictions);
    if (filter.organizationId) add('f.organization_id = ?::uuid', filter.organizationId);
    if (filter.kind) add('f.kind = ?', filter.kind);
    if (filter.status === 'open') where.push('f.resolved_at IS NULL');
    if (filter.status === 'resolved') where.push('f.resolved_at IS NOT NULL');
    if (filter.cursor) add('f.id < ?::bigint', filter.cursor);
    params.push(filter.limit + 1);
    return this.dataSource.query(
      `SELECT f.id::text, f.kind, f.severity, f.jurisdiction_code AS "jurisdiction", f.organization_id AS "organizationId",
              o.name AS "organizationName", f.page_id AS "pageId", p.network, p.url AS "pageUrl", f.week,
              f.due_at AS "dueAt", f.citation, f.details, f.first_seen_at AS "firstSeenAt",
              f.last_seen_at AS "lastSeenAt", f.resolved_at AS "resolvedAt", j.time_zone AS "timeZone"
         FROM compliance_findings f
         JOIN jurisdictions j ON j.code = f.jurisdiction_code
         JOIN organizations o ON o.id = f.organization_id
         LEFT JOIN official_pages p ON p.id = f.page_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY f.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }
}

export interface FindingRow {
  id: string;
  kind: FindingKind;
  severity: string;
  jurisdiction: string;
  organizationId: string;
  organizationName: string;
  pageId: string | null;
  network: Network | null;
  pageUrl: string | null;
  week: string | null;
  dueAt: Date | null;
  citation: Citation;
  details: Record<string, unknown>;
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
  /** The jurisdiction's, for the instants of the answer. */
  timeZone: string;
}
