import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service';
import {
  contentPlanDue,
  formatInstant,
  formatOptionalInstant,
  isoWeekBounds,
  isoWeekDays,
  isoWeeksFromTo,
  isoWeekOf,
  localDateOf,
  localWeekStartOf,
  parseLocalInstantMillis,
  shiftIsoWeek,
} from '../calendar/working-time';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { Clock } from '../common/clock';
import { detectNetwork, normalizePageUrl } from '../registry/page-url.rules';
import { PolicyService } from '../registry/policy.service';
import { readCsv } from '../registry/registry-import.service';
import {
  ComplianceRepository,
  FindingFilter,
  IngestPage,
  PageWeekRow,
  PublicationInsert,
  WeekRange,
} from './compliance.repository';
import { ComplianceError, ComplianceErrorCode } from './compliance.errors';
import { FINDING_TITLES, QUOTA_STATUS_TITLES } from './compliance.texts';
import {
  FindingDraft,
  FindingKind,
  obligationFinding,
  organizationFindings,
  pageFindings,
  PLAN_WEEK_KINDS,
  planFindings,
  QUOTA_WEEK_KINDS,
  quotaFinding,
  severityOf,
} from './finding.rules';
import {
  MAX_PUBLICATIONS_PER_REQUEST,
  mapCsvHeaders,
  parsePublicationRow,
  PublicationRow,
  RowProblem,
  sourceKey,
} from './publication.rules';
import type { PublicationSource } from './publication.entity';
import { demoPublications } from './demo-publications.rules';
import { WEEK_SCREEN_DEFAULT, WeekScreen } from './quota.rules';
import { storedHits, styleNetworkOf } from './style/style.rules';
import { EvaluatedPage, WeekEvaluation } from './week-evaluation.rules';
import { StyleService } from './style/style.service';

export interface IngestReport {
  received: number;
  created: number;
  duplicates: number;
  rejected: number;
  accepted: { index: number; id: string; status: 'created' | 'duplicate' }[];
  errors: RowProblem[];
}

const MAX_TREND_WEEKS = 104;

/** A page's quota as reports show it: with its URL, without the creation date used for order. */
function withUrl(page: EvaluatedPage, urls: Map<string, string>) {
  return { pageId: page.pageId, network: page.network, url: urls.get(page.pageId)!, ...page.quota };
}

/** Organizations of one week as reports show them, in the rows' order, with names and page URLs. */
function reportOf(rows: PageWeekRow[], evaluation: WeekEvaluation) {
  for (const row of rows) evaluation.add(row);
  const names = new Map(rows.map((row) => [row.organizationId, row.organizationName]));
  const urls = new Map(rows.map((row) => [row.pageId, row.url]));
  return evaluation.results().map(({ organizationId, pages, ...summary }) => ({
    organizationId,
    organizationName: names.get(organizationId)!,
    ...summary,
    pages: pages.map((page) => withUrl(page, urls)),
  }));
}

@Injectable()
export class ComplianceService {
  constructor(
    private readonly repository: ComplianceRepository,
    private readonly calendar: CalendarService,
    private readonly policies: PolicyService,
    private readonly clock: Clock,
    private readonly style: StyleService,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Publications

  async ingest(raw: unknown[], writer: Writer, defaultSource: PublicationSource): Promise<IngestReport> {
    if (!raw.length) throw new ComplianceError(ComplianceErrorCode.BATCH_EMPTY);
    if (raw.length > MAX_PUBLICATIONS_PER_REQUEST) {
      throw new ComplianceError(ComplianceErrorCode.BATCH_TOO_LARGE, { received: raw.length });
    }
    const errors: RowProblem[] = [];
    const rows: PublicationRow[] = [];
    raw.forEach((value, index) => {
      const parsed = parsePublicationRow(value, index, defaultSource);
      if ('row' in parsed) rows.push(parsed.row);
      else errors.push(...parsed.problems);
    });

    const pageUrls = new Map<PublicationRow, string>();
    for (const row of rows) {
      if (!('url' in row.page)) continue;
      const network = detectNetwork(row.page.url);
      const normalized = network && normalizePageUrl(network, row.page.url);
      if (normalized && normalized.ok) pageUrls.set(row, normalized.url);
    }
    const pages = await this.repository.findIngestPages(
      [...new Set(rows.flatMap((r) => ('id' in r.page ? [r.page.id] : [])))],
      [...new Set(pageUrls.values())],
    );
    const byId = new Map(pages.byId.map((p) => [p.id, p]));
    const byUrl = new Map(pages.byUrl.map((p) => [p.url, p]));

    const inserts: (PublicationInsert & { index: number })[] = [];
    const reject = (row: PublicationRow, field: string, message: string) =>
      errors.push({ index: row.index, field: `publications[${row.index}].${field}`, message });
    const now = this.clock.now().getTime();
    for (const row of rows) {
      const page = 'id' in row.page ? byId.get(row.page.id) : byUrl.get(pageUrls.get(row) ?? '');
      if (!page) {
        reject(row, 'id' in row.page ? 'pageId' : 'pageUrl', 'такой официальной страницы нет в реестре');
        continue;
      }
      if (!writer.mayWrite(page)) {
        reject(row, 'id' in row.page ? 'pageId' : 'pageUrl', 'нет доступа к этой странице');
        continue;
      }
      const atMs = parseLocalInstantMillis(row.publishedAt, page.timeZone);
      if (atMs === undefined) {
        reject(row, 'publishedAt', 'ожидается дата и время ISO 8601, например 2026-06-07T23:59:00+10:00');
        continue;
      }
      if (atMs > now + 5 * 60_000) {
        reject(row, 'publishedAt', 'публикация не может быть в будущем');
        continue;
      }
      const at = new Date(atMs);
      inserts.push({
        index: row.index,
        pageId: page.id,
        publishedAt: at,
        weekStart: localWeekStartOf(at, page.timeZone),
        sourceKey: sourceKey(row),
        externalId: row.externalId,
        url: row.url,
        format: row.format,
        text: row.text,
        source: row.source,
        styleHits: row.text ? storedHits(this.style.checkWording(row.text, styleNetworkOf(page.network)).hits) : null,
      });
    }

    // The first row of a key in the batch is the publication; later ones are its duplicates.
    const first = new Map<string, PublicationInsert & { index: number }>();
    for (const insert of inserts) {
      const key = `${insert.pageId} ${insert.sourceKey}`;
      if (!first.has(key)) first.set(key, insert);
    }
    const created = await this.repository.insertPublications([...first.values()], writer.userId);
    const existing = await this.repository.findPublicationIds(
      [...first.entries()].filter(([key]) => !created.has(key)).map(([, insert]) => insert),
    );
    const accepted: IngestReport['accepted'] = [];
    const reported = new Set<string>();
    for (const insert of inserts) {
      const key = `${insert.pageId} ${insert.sourceKey}`;
      const createdId = created.get(key);
      const isNew = createdId !== undefined && !reported.has(key);
      reported.add(key);
      const id = createdId ?? existing.get(key);
      if (id !== undefined) accepted.push({ index: insert.index, id, status: isNew ? 'created' : 'duplicate' });
    }
    errors.sort((a, b) => a.index - b.index);
    return {
      received: raw.length,
      created: accepted.filter((a) => a.status === 'created').length,
      duplicates: accepted.filter((a) => a.status === 'duplicate').length,
      rejected: new Set(errors.map((e) => e.index)).size,
      accepted: accepted.sort((a, b) => a.index - b.index),
      errors,
    };
  }

  /** CSV upload: the same rows as the JSON batch; rows are numbered from 0 after the header line. */
  async ingestCsv(content: Buffer, writer: Writer): Promise<IngestReport> {
    const [header, ...lines] = readCsv(content);
    const { fields, problems } = mapCsvHeaders(header ?? []);
    if (problems.length) throw new ComplianceError(ComplianceErrorCode.CSV_INVALID, {}, problems);
    const raw = lines
      .filter((cells) => cells.some((cell) => cell.trim() !== ''))
      .map((cells) => {
        const row: Record<string, string> = {};
        fields.forEach((field, i) => {
          if (field && cells[i] !== undefined && cells[i].trim() !== '') row[field] = cells[i];
        });
        return row;
      });
    return this.ingest(raw, writer, 'import');
  }

  /** The demo registry's pages get the eight weeks of posts before the current week (idempotent). */
  async loadDemoPublications(): Promise<number> {
    const pages = await this.repository.livePagesWithZones();
    const now = this.clock.now();
    let created = 0;
    const byZone = new Map<string, typeof pages>();
    for (const page of pages) byZone.set(page.timeZone, [...(byZone.get(page.timeZone) ?? []), page]);
    const service: Writer = { userId: null, mayWrite: () => true };
    for (const [zone, zonePages] of byZone) {
      const current = isoWeekOf(now, zone);
      const mondays = Array.from({ length: 8 }, (_, i) =>
        isoWeekBounds(shiftIsoWeek(current, i - 8), zone).start.toMillis(),
      );
      const rows = demoPublications(zonePages, mondays);
      for (let i = 0; i < rows.length; i += MAX_PUBLICATIONS_PER_REQUEST) {
        created += (await this.ingest(rows.slice(i, i + MAX_PUBLICATIONS_PER_REQUEST), service, 'import')).created;
      }
    }
    return created;
  }

  // -------------------------------------------------------------------------------------------
  // Weekly quota

  /**
   * A jurisdiction's week: totals and the compliant share over every organization, and one
   * screen of organizations (by name, optionally only those with `status`) with their pages.
   * Every page of the jurisdiction is evaluated in one pass as PostgreSQL sends it, keeping a few
   * numbers per organization; the screen's organizations are then read with names and URLs and
   * shown with their pages. (An organization whose pages changed between the two reads shows its
   * state of the second one.)
   */
  async week(jurisdiction: string, week: string, screen: WeekScreen = { offset: 0, limit: WEEK_SCREEN_DEFAULT }) {
    const j = await this.calendar.jurisdiction(jurisdiction);
    const policy = (await this.policies.current(jurisdiction)).policy;
    const range = isoWeekDays(week);
    const bounds = isoWeekBounds(week, j.timeZone);
    const dayBounds = Array.from({ length: 8 }, (_, i) => bounds.start.plus({ days: i }).toJSDate());
    const screenOf = (only?: string[]) =>
      this.repository.weekOrganizationNames(jurisdiction, range, { offset: screen.offset, limit: screen.limit, only });
    const decisions = await this.repository.decisionsInForce(jurisdiction, range.start, range.end);
    const evaluation = new WeekEvaluation(policy, decisions, range, false);
    // Without a status filter the screen does not depend on the evaluation: read it alongside.
    const [, plans, unfiltered] = await Promise.all([
      this.repository.eachPageWeekFact(jurisdiction, range, (page) => evaluation.add(page)),
      policy.contentPlan.required ? this.repository.plannedVsPublished(jurisdiction, range, dayBounds) : [],
      screen.status ? undefined : screenOf(),
    ]);
    const matching = screen.status ? evaluation.organizationsWith(screen.status) : undefined;
    // (a page registered between the reads may name an organization the evaluation has not seen)
    const shown = (unfiltered ?? (await screenOf(matching))).filter(({ id }) => evaluation.has(id));
    const detail = new WeekEvaluation(policy, decisions, range, true);
    const rows = await this.repository.pageWeeks({ organizationIds: shown.map(({ id }) => id) }, [range]);
    const planned = new Map(plans.map((p) => [p.organizationId, p]));
    const organizations = reportOf(rows, detail).map((org) => {
      const plan = planned.get(org.organizationId);
      return { ...org, plan: plan ? { plannedItems: plan.planned, publishedAsPlanned: plan.published } : null };
    });
    return {
      jurisdiction,
      week,
      from: formatInstant(bounds.start, j.timeZone),
      to: formatInstant(bounds.end, j.timeZone),
      evaluatedAt: formatInstant(this.clock.now(), j.timeZone),
      totals: evaluation.totals(),
      status: screen.status ?? null,
      matchingOrganizations: matching ? matching.length : evaluation.size,
      offset: screen.offset,
      limit: screen.limit,
      organizations,
    };
  }

  /**
   * Every organization of a jurisdiction's week with its pages, in name order, for the digests
   * and reminders (scheduled jobs; the HTTP report shows one screen at a time).
   */
  async weekOrganizations(jurisdiction: string, week: string) {
    const policy = (await this.policies.current(jurisdiction)).policy;
    const range = isoWeekDays(week);
    const [rows, decisions] = await Promise.all([
      this.repository.pageWeeks({ jurisdiction }, [range]),
      this.repository.decisionsInForce(jurisdiction, range.start, range.end),
    ]);
    return reportOf(rows, new WeekEvaluation(policy, decisions, range, true));
  }

  /** One organization's weeks from `from` to `to` (ISO weeks, inclusive). */
  async organizationTrend(organizationId: string, from: string, to: string) {
    const weeks = weekSpan(from, to);
    const organization = await this.repository.organizationWeeks(organizationId, weeks);
    if (!organization) throw new ComplianceError(ComplianceErrorCode.ORGANIZATION_NOT_FOUND, { organizationId });
    const { rows, decisions } = organization;
    const policy = (await this.policies.current(organization.jurisdictionCode)).policy;
    const byWeek = new Map<string, PageWeekRow[]>();
    for (const row of rows) {
      const week = byWeek.get(row.weekStart);
      if (week) week.push(row);
      else byWeek.set(row.weekStart, [row]);
    }
    return {
      organizationId,
      organizationName: organization.name,
      jurisdiction: organization.jurisdictionCode,
      weeks: weeks.map((range) => {
        const [evaluated] = reportOf(byWeek.get(range.start) ?? [], new WeekEvaluation(policy, decisions, range, true));
        const status = evaluated?.status ?? 'not_applicable';
        return {
          week: range.week,
          status,
          statusTitle: QUOTA_STATUS_TITLES[status],
          required: evaluated?.required ?? null,
          published: evaluated?.published ?? 0,
          pages: evaluated?.pages ?? [],
        };
      }),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Findings

  /**
   * Recomputes a jurisdiction's findings from the registry, the plans and the publications:
   * state rules as of now, the quota of `week` (default: the last full local week) and the
   * content plans of that week, the current and the next one. Idempotent: a second run with
   * nothing changed opens and resolves nothing.
   */
  async recompute(jurisdiction: string, week?: string) {
    const j = await this.calendar.jurisdiction(jurisdiction);
    const policy = (await this.policies.get(jurisdiction)).policy;
    const now = this.clock.now();
    const today = localDateOf(now, j.timeZone);
    const quotaWeek = week ?? shiftIsoWeek(isoWeekOf(now, j.timeZone), -1);
    const planWeeks = [quotaWeek, shiftIsoWeek(quotaWeek, 1), shiftIsoWeek(quotaWeek, 2)];
    const range = isoWeekDays(quotaWeek);

    const drafts: FindingDraft[] = [];
    // Quota findings straight from the rows as they come: no page of the week is kept.
    const quotaShort = async () => {
      const decisions = await this.repository.decisionsInForce(jurisdiction, range.start, range.end);
      const evaluation = new WeekEvaluation(policy, decisions, range, false);
      await this.repository.eachPageWeekFact(jurisdiction, range, (page) => {
        const quota = evaluation.add(page);
        const requirement = evaluation.requirement(page.organizationId);
        if (!requirement) return;
        const finding = quotaFinding(
          { id: page.pageId, organizationId: page.organizationId, network: page.network },
          quota,
          requirement,
          quotaWeek,
        );
        if (finding) drafts.push(finding);
      });
    };
    const [organizations, pages, obligations, , styled] = await Promise.all([
      this.repository.organizationFacts(jurisdiction, today),
      this.repository.livePages(jurisdiction, today),
      this.repository.overdueObligations(jurisdiction, now),
      quotaShort(),
      policy.publicationStyle ? this.repository.styleByPage(jurisdiction, range.start) : Promise.resolve([]),
    ]);
    for (const org of organizations) drafts.push(...organizationFindings(org, policy));
    for (const page of pages) {
      const checklistMissing = policy.contentChecklist.items
        .filter((item) => page.checklist?.[item.code] !== true)
        .map((item) => item.code);
      drafts.push(...pageFindings({ ...page, checklistMissing }, policy));
    }
    for (const obligation of obligations) drafts.push(obligationFinding(obligation, now));

    if (policy.publicationStyle) {
      for (const page of styled) {
        drafts.push({
          key: `style:${page.pageId}:${quotaWeek}`,
          kind: 'style',
          severity: severityOf(policy.publicationStyle.nature),
          organizationId: page.organizationId,
          pageId: page.pageId,
          week: quotaWeek,
          dueAt: null,
          citation: policy.publicationStyle.citation,
          details: { network: page.network, publications: page.publications, hits: page.hits },
        });
      }
    }
    if (policy.contentPlan.required && policy.contentPlan.citation) {
      const kinds = policy.quotas.flatMap((q) => q.organizationKinds);
      const due = new Map(planWeeks.map((w) => [w, contentPlanDue(w, j).toJSDate()]));
      for (const plan of await this.repository.planWeeks(jurisdiction, kinds, planWeeks)) {
        drafts.push(
          ...planFindings(
            {
              organizationId: plan.organizationId,
              week: plan.week,
              submissionDueAt: due.get(plan.week)!,
              plan: plan.planId
                ? {
                    id: plan.planId,
                    status: plan.status!,
                    submittedAt: plan.submittedAt,
                    reviewDueAt: plan.reviewDueAt,
                    resubmissionDueAt: plan.resubmissionDueAt,
                    declaredAt: plan.declaredAt,
                  }
                : null,
            },
            policy.contentPlan.citation,
            now,
          ),
        );
      }
    }

    const counts = await this.repository.transaction((manager) =>
      this.repository.recordFindings(
        manager,
        {
          id: randomUUID(),
          jurisdiction,
          at: now,
          quotaWeek,
          planWeeks,
          weekKinds: { quota: QUOTA_WEEK_KINDS, plan: PLAN_WEEK_KINDS },
        },
        drafts,
      ),
    );
    const byKind: Partial<Record<FindingKind, number>> = {};
    for (const d of drafts) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
    return {
      jurisdiction,
      at: formatInstant(now, j.timeZone),
      quotaWeek,
      planWeeks,
      found: drafts.length,
      byKind,
      ...counts,
    };
  }

  async findings(filter: Omit<FindingFilter, 'jurisdictions'> & { jurisdiction?: string }, principal: Principal) {
    const jurisdictions =
      filter.jurisdiction !== undefined
        ? [filter.jurisdiction]
        : principal.role === Role.Coordinator
          ? principal.jurisdictions
          : undefined;
    if (principal.role === Role.Editor && !filter.organizationId) {
      // Editors read their own organizations' findings only.
      const rows = await Promise.all(
        principal.organizations.map((organizationId) =>
          this.repository.findings({ ...filter, organizationId, jurisdictions }),
        ),
      );
      return page(
        rows.flat().sort((a, b) => Number(b.id) - Number(a.id)),
        filter.limit,
      );
    }
    if (filter.cursor !== undefined && !/^\d{1,19}$/.test(filter.cursor)) {
      throw new ComplianceError(ComplianceErrorCode.CURSOR_INVALID);
    }
    return page(await this.repository.findings({ ...filter, jurisdictions }), filter.limit);
  }
}

function page(rows: Awaited<ReturnType<ComplianceRepository['findings']>>, limit: number) {
  const items = rows.slice(0, limit).map(({ timeZone, ...row }) => ({
    ...row,
    title: FINDING_TITLES[row.kind],
    dueAt: formatOptionalInstant(row.dueAt, timeZone),
    firstSeenAt: formatInstant(row.firstSeenAt, timeZone),
    lastSeenAt: formatInstant(row.lastSeenAt, timeZone),
    resolvedAt: formatOptionalInstant(row.resolvedAt, timeZone),
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

function weekSpan(from: string, to: string): WeekRange[] {
  const weeks = isoWeeksFromTo(from, to, MAX_TREND_WEEKS);
  if (!weeks?.length) throw new ComplianceError(ComplianceErrorCode.PERIOD_INVALID, { from, to });
  return weeks;
}

/** Who records publications: a user within their scope, or the service itself (demo data). */
export interface Writer {
  userId: string | null;
  mayWrite(page: IngestPage): boolean;
}

export function writerOf(principal: Principal): Writer {
  return { userId: principal.userId, mayWrite: (page) => mayWrite(principal, page) };
}

function mayWrite(principal: Principal, page: IngestPage): boolean {
  switch (principal.role) {
    case Role.Admin:
      return true;
    case Role.Coordinator:
      return principal.jurisdictions.includes(page.jurisdictionCode);
    case Role.Editor:
      return principal.organizations.includes(page.organizationId);
    case Role.Viewer:
      return false;
  }
}
