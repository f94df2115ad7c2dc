import type { WeeklyMinimum } from '../registry/organization-decision.rules';

/** DOMAIN.md §3: the status of one page's quota in one local calendar week. */
export const QUOTA_STATUSES = ['met', 'short', 'excused', 'exempt', 'not_applicable'] as const;
export type QuotaStatus = (typeof QUOTA_STATUSES)[number];

/** Organizations on one screen of a week report. */
export const WEEK_SCREEN_DEFAULT = 100;
export const WEEK_SCREEN_MAX = 1000;

export interface WeekScreen {
  offset: number;
  limit: number;
  status?: QuotaStatus;
}

/**
 * Why a page carries no quota that week:
 * - `not_official`: a legacy network (Facebook, Instagram, Twitter) or one the policy does not list;
 * - `partial_week`: created after Monday or deleted before the week ended. Such weeks are skipped,
 *   not pro-rated: the acts set a weekly figure, and a share of it would be a figure no act sets;
 * - `no_quota`: neither the policy nor a decision sets a minimum for the organization (e.g. Krasnodar).
 */
export type NotApplicableReason = 'not_official' | 'partial_week' | 'no_quota';

/** The week's content plan excuses a shortfall (Khabarovsk Положение 1 p.5 ¶3 and last ¶). */
export type PlanExcuse = 'no_news' | 'insufficient_events';

export interface PageWeekFacts {
  countsAsOfficial: boolean;
  /** YYYY-MM-DD */
  createdOn: string;
  deletedOn: string | null;
  published: number;
  minimum: WeeklyMinimum | undefined;
  exempt: boolean;
  planExcuse: PlanExcuse | null;
}

export interface PageQuota {
  status: QuotaStatus;
  required: number | null;
  published: number;
  /** How many more publications the minimum needed (short and excused weeks). */
  shortBy: number;
  reason?: NotApplicableReason | PlanExcuse;
}

/**
 * `weekStart`/`weekEnd`: the local Monday and Sunday (YYYY-MM-DD). Called once per page of a
 * jurisdiction's week (400 000 times for Blagodarny), so it allocates only its answer.
 */
export function pageQuota(facts: PageWeekFacts, weekStart: string, weekEnd: string): PageQuota {
  const { published } = facts;
  const required = facts.minimum?.minimumPerWeek ?? null;
  if (!facts.countsAsOfficial) return quota('not_applicable', required, published, 0, 'not_official');
  const liveAllWeek = facts.createdOn <= weekStart && (facts.deletedOn === null || facts.deletedOn > weekEnd);
  if (!liveAllWeek) return quota('not_applicable', required, published, 0, 'partial_week');
  if (facts.exempt) return quota('exempt', required, published, 0);
  if (required === null || required === 0) return quota('not_applicable', required, published, 0, 'no_quota');
  if (published >= required) return quota('met', required, published, 0);
  if (facts.planExcuse) return quota('excused', required, published, required - published, facts.planExcuse);
  return quota('short', required, published, required - published);
}

function quota(
  status: QuotaStatus,
  required: number | null,
  published: number,
  shortBy: number,
  reason?: PageQuota['reason'],
): PageQuota {
  return reason ? { status, required, published, shortBy, reason } : { status, required, published, shortBy };
}

/**
 * An organization's week from its pages' (DOMAIN.md §3: evaluated per page, summarised per
 * organization): short when any page is short, then excused, met, exempt; not applicable when no
 * page carries a quota.
 */
export function organizationQuotaStatus(pages: Iterable<QuotaStatus>, exempt: boolean): QuotaStatus {
  if (exempt) return 'exempt';
  let strongest: QuotaStatus = 'not_applicable';
  for (const status of pages) strongest = strongerStatus(strongest, status);
  return strongest;
}

/** The one of two page statuses that an organization's summary takes. */
export function strongerStatus(a: QuotaStatus, b: QuotaStatus): QuotaStatus {
  return SUMMARY_RANK[b] < SUMMARY_RANK[a] ? b : a;
}

/** Which page status an organization's summary takes first. */
const SUMMARY_RANK: Record<QuotaStatus, number> = { short: 0, excused: 1, met: 2, exempt: 3, not_applicable: 4 };

/** Met, excused and exempt organizations comply; not-applicable ones are left out of the share. */
export function compliesWith(status: QuotaStatus): boolean | undefined {
  if (status === 'not_applicable') return undefined;
  return status !== 'short';
}

export interface QuotaTotals {
  organizations: number;
  evaluatedOrganizations: number;
  compliantOrganizations: number;
  /** compliant / evaluated, 0…1 with 4 digits; null when nothing was evaluated. */
  compliantShare: number | null;
  pages: Record<QuotaStatus, number>;
}

/** `pages`: how many pages have each status; `organizations`: each organization's status. */
export function quotaTotals(
  pages: Readonly<Record<QuotaStatus, number>>,
  organizations: Iterable<QuotaStatus>,
): QuotaTotals {
  let count = 0;
  let evaluated = 0;
  let compliant = 0;
  for (const status of organizations) {
    count += 1;
    const complies = compliesWith(status);
    if (complies === undefined) continue;
    evaluated += 1;
    if (complies) compliant += 1;
  }
  return {
    organizations: count,
    evaluatedOrganizations: evaluated,
    compliantOrganizations: compliant,
    compliantShare: evaluated ? Math.round((compliant / evaluated) * 10_000) / 10_000 : null,
    pages: { ...pages },
  };
}
