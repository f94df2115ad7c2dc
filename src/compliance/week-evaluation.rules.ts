/**
 * One week's quota for a set of pages (DOMAIN.md §3), fed page by page: every page is evaluated
 * by `pageQuota`, its organization summarised as its pages come in. A whole jurisdiction is fed
 * without keeping its pages (the totals and each organization's status need a few numbers per
 * organization); a screen of organizations, an organization's trend and the findings keep them.
 */
import { effectiveWeeklyMinimum, FrequencyDecisionFacts, WeeklyMinimum } from '../registry/organization-decision.rules';
import type { OrganizationKind } from '../registry/organization-kind';
import { isLegacyNetwork } from '../registry/page-url.rules';
import { quotaFor } from '../registry/policy.rules';
import type { JurisdictionPolicy, Network, Requirement } from '../registry/policy.types';
import { QUOTA_STATUS_TITLES } from './compliance.texts';
import {
  organizationQuotaStatus,
  PageQuota,
  PlanExcuse,
  pageQuota,
  QuotaStatus,
  QuotaTotals,
  quotaTotals,
  strongerStatus,
} from './quota.rules';

/** One page in one week, as stored: what the quota rules need of it. */
export interface PageWeek {
  pageId: string;
  organizationId: string;
  kind: OrganizationKind;
  network: Network;
  createdOn: string;
  deletedOn: string | null;
  published: number;
  exempt: boolean;
  planStatus: string | null;
  insufficientEvents: boolean;
}

export interface WeekRange {
  week: string;
  /** Local Monday and Sunday, YYYY-MM-DD. */
  start: string;
  end: string;
}

/** A page as the evaluation keeps it: its quota by reference (no copy per page). */
export interface EvaluatedPage {
  pageId: string;
  network: Network;
  createdOn: string;
  quota: PageQuota;
}

export interface EvaluatedOrganization {
  organizationId: string;
  kind: OrganizationKind;
  status: QuotaStatus;
  statusTitle: string;
  required: number | null;
  requirement: Requirement | null;
  published: number;
  /** Empty unless the evaluation keeps pages. */
  pages: EvaluatedPage[];
}

/** What the week's content plan excuses (Khabarovsk Положение 1 p.5 ¶3 and last ¶): not a draft's claim. */
export function planExcuseOf(planStatus: string | null, insufficientEvents: boolean): PlanExcuse | null {
  if (planStatus === 'no_news_declared') return 'no_news';
  return insufficientEvents && planStatus !== 'draft' ? 'insufficient_events' : null;
}

/** The rule a minimum rests on: the policy's, or a decision on another frequency, which binds. */
export function requirementOf(minimum: WeeklyMinimum): Requirement {
  if (minimum.source === 'policy') return { nature: minimum.nature, citation: minimum.citation };
  // A decision on another frequency binds the organization (Blagodarny Порядок p.4).
  return {
    nature: 'required',
    citation: {
      act: 'Решение об иной частоте публикаций',
      number: minimum.decision.decisionNumber,
      date: minimum.decision.decisionDate,
      clause: minimum.decision.clause,
    },
  };
}

interface OrganizationWeek {
  organizationId: string;
  kind: OrganizationKind;
  exempt: boolean;
  minimum: WeeklyMinimum | undefined;
  requirement: Requirement | null;
  strongest: QuotaStatus;
  published: number;
  pages: EvaluatedPage[];
}

export class WeekEvaluation {
  private readonly organizations = new Map<string, OrganizationWeek>();
  private readonly pages: Record<QuotaStatus, number> = { met: 0, short: 0, excused: 0, exempt: 0, not_applicable: 0 };

  constructor(
    private readonly policy: JurisdictionPolicy,
    private readonly decisions: ReadonlyMap<string, readonly FrequencyDecisionFacts[]>,
    private readonly range: WeekRange,
    private readonly keepPages: boolean,
  ) {}

  /** Evaluates one page (once per page and week) and counts it into its organization's week. */
  add(page: PageWeek): PageQuota {
    let organization = this.organizations.get(page.organizationId);
    if (!organization) {
      const minimum = effectiveWeeklyMinimum(
        this.decisions.get(page.organizationId) ?? [],
        quotaFor(page.kind, this.policy),
        this.range.start,
        this.range.end,
      );
      organization = {
        organizationId: page.organizationId,
        kind: page.kind,
        exempt: page.exempt,
        minimum,
        requirement: minimum ? requirementOf(minimum) : null,
        strongest: 'not_applicable',
        published: 0,
        pages: [],
      };
      this.organizations.set(page.organizationId, organization);
    }
    const quota = pageQuota(
      {
        countsAsOfficial: this.policy.networks.allowed.includes(page.network) && !isLegacyNetwork(page.network),
        createdOn: page.createdOn,
        deletedOn: page.deletedOn,
        published: page.published,
        minimum: organization.minimum,
        exempt: page.exempt,
        planExcuse: planExcuseOf(page.planStatus, page.insufficientEvents),
      },
      this.range.start,
      this.range.end,
    );
    this.pages[quota.status] += 1;
    organization.published += quota.published;
    organization.strongest = strongerStatus(organization.strongest, quota.status);
    if (this.keepPages) {
      organization.pages.push({ pageId: page.pageId, network: page.network, createdOn: page.createdOn, quota });
    }
    return quota;
  }

  /** The rule behind the minimum of an organization already fed; null when it has none. */
  requirement(organizationId: string): Requirement | null {
    return this.organizations.get(organizationId)?.requirement ?? null;
  }

  has(organizationId: string): boolean {
    return this.organizations.has(organizationId);
  }

  /** How many organizations were fed. */
  get size(): number {
    return this.organizations.size;
  }

  /** Totals and the compliant share over every organization fed. */
  totals(): QuotaTotals {
    return quotaTotals(this.pages, this.statuses());
  }

  /** Ids of the organizations whose week has this status, in the order they came. */
  organizationsWith(status: QuotaStatus): string[] {
    const ids: string[] = [];
    for (const organization of this.organizations.values()) {
      if (statusOf(organization) === status) ids.push(organization.organizationId);
    }
    return ids;
  }

  organization(id: string): EvaluatedOrganization | undefined {
    const organization = this.organizations.get(id);
    return organization && evaluated(organization);
  }

  /** Every organization fed, in the order they came. */
  results(): EvaluatedOrganization[] {
    return [...this.organizations.values()].map(evaluated);
  }

  private *statuses(): Iterable<QuotaStatus> {
    for (const organization of this.organizations.values()) yield statusOf(organization);
  }
}

function statusOf(organization: OrganizationWeek): QuotaStatus {
  return organizationQuotaStatus([organization.strongest], organization.exempt);
}

function evaluated(organization: OrganizationWeek): EvaluatedOrganization {
  const status = statusOf(organization);
  const { minimum, requirement } = organization;
  return {
    organizationId: organization.organizationId,
    kind: organization.kind,
    status,
    statusTitle: QUOTA_STATUS_TITLES[status],
    required: minimum?.minimumPerWeek ?? null,
    requirement,
    published: organization.published,
    pages: organization.pages,
  };
}
