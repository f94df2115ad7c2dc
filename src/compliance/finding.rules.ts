import type { Citation, JurisdictionPolicy, Network, OfficialRank, Requirement } from '../registry/policy.types';
import { RANK_ORDER } from '../registry/policy.types';
import { ORDER_2523 } from '../registry/acts';
import { isLegacyNetwork } from '../registry/page-url.rules';
import type { PageQuota } from './quota.rules';

/** Every kind of finding the engine reports (issue: compliance engine, "Findings"). */
export const FINDING_KINDS = [
  'quota_short',
  'obligation_overdue',
  'frequency_decision_not_communicated',
  'no_responsible',
  'responsible_rank_below_minimum',
  'no_esia_authorized',
  'no_gosuslugi_mark',
  'no_feedback_widget',
  'comments_closed',
  'checklist_incomplete',
  'no_page_in_required_network',
  'second_page_in_network',
  'legacy_network_page',
  'content_plan_not_submitted',
  'content_plan_late',
  'content_plan_review_overdue',
  'content_plan_resubmission_overdue',
  'style',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export type FindingSeverity = 'violation' | 'recommendation';

/** Kinds about one week: recomputing a week touches only that week's findings of these kinds. */
export const QUOTA_WEEK_KINDS: readonly FindingKind[] = ['quota_short', 'style'];
export const PLAN_WEEK_KINDS: readonly FindingKind[] = [
  'content_plan_not_submitted',
  'content_plan_late',
  'content_plan_review_overdue',
  'content_plan_resubmission_overdue',
];

export interface FindingDraft {
  key: string;
  kind: FindingKind;
  severity: FindingSeverity;
  organizationId: string;
  pageId: string | null;
  week: string | null;
  dueAt: Date | null;
  citation: Citation;
  details: Record<string, unknown>;
}

/** `required` rules give violations, `recommended` ones recommendations. */
export function severityOf(nature: Requirement['nature']): FindingSeverity {
  return nature === 'required' ? 'violation' : 'recommendation';
}

const draft = (
  kind: FindingKind,
  subject: string,
  organizationId: string,
  requirement: Requirement,
  rest: Partial<Pick<FindingDraft, 'pageId' | 'week' | 'dueAt' | 'details'>> = {},
): FindingDraft => ({
  key: `${kind}:${subject}`,
  kind,
  severity: severityOf(requirement.nature),
  organizationId,
  pageId: rest.pageId ?? null,
  week: rest.week ?? null,
  dueAt: rest.dueAt ?? null,
  citation: requirement.citation,
  details: rest.details ?? {},
});

// ---------------------------------------------------------------------------------------------
// Organizations

export interface OrganizationFacts {
  id: string;
  exempt: boolean;
  /** Ranks of the active officials with the `responsible` role. */
  responsibleRanks: OfficialRank[];
  /** An active `authorized` official whose ESIA identification is confirmed. */
  esiaAuthorized: boolean;
  /** Live pages per network. */
  livePages: Partial<Record<Network, number>>;
}

/** The clause that names a responsible official: the rank floor's, else the contacts-report rule's. */
function responsibleCitation(policy: JurisdictionPolicy): Citation | undefined {
  return (
    policy.responsibleMinRank.citation ??
    policy.reporting.find((r) => r.events.includes('responsible_changed'))?.citation
  );
}

export function organizationFindings(org: OrganizationFacts, policy: JurisdictionPolicy): FindingDraft[] {
  if (org.exempt) return [];
  const found: FindingDraft[] = [];
  const responsible = responsibleCitation(policy);
  if (responsible) {
    const rule: Requirement = { nature: 'required', citation: responsible };
    if (!org.responsibleRanks.length) found.push(draft('no_responsible', org.id, org.id, rule));
    const floor = policy.responsibleMinRank.rank;
    if (floor && org.responsibleRanks.length) {
      // Stryker disable next-line EqualityOperator: equivalent, of two equal ranks either is the best
      const best = org.responsibleRanks.reduce((a, b) => (RANK_ORDER.indexOf(a) <= RANK_ORDER.indexOf(b) ? a : b));
      if (RANK_ORDER.indexOf(best) > RANK_ORDER.indexOf(floor)) {
        found.push(
          draft('responsible_rank_below_minimum', org.id, org.id, rule, { details: { rank: best, minimum: floor } }),
        );
      }
    }
  }
  if (policy.esiaAuthorizedRequired.required && policy.esiaAuthorizedRequired.citation && !org.esiaAuthorized) {
    found.push(
      draft('no_esia_authorized', org.id, org.id, {
        nature: 'required',
        citation: policy.esiaAuthorizedRequired.citation,
      }),
    );
  }
  const required = policy.pageRequirements?.networks;
  for (const network of required?.networks ?? []) {
    if (!org.livePages[network]) {
      found.push(
        draft('no_page_in_required_network', `${org.id}:${network}`, org.id, required!, { details: { network } }),
      );
    }
  }
  if (policy.onePagePerNetwork.required && policy.onePagePerNetwork.citation) {
    for (const [network, count] of Object.entries(org.livePages)) {
      if (count > 1 && !isLegacyNetwork(network as Network)) {
        found.push(
          draft(
            'second_page_in_network',
            `${org.id}:${network}`,
            org.id,
            { nature: 'required', citation: policy.onePagePerNetwork.citation },
            { details: { network, livePages: count } },
          ),
        );
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Pages

export interface PageFacts {
  id: string;
  organizationId: string;
  network: Network;
  url: string;
  organizationExempt: boolean;
  gosuslugiMark: boolean;
  feedbackWidget: boolean;
  /** null: not recorded yet, so nothing is claimed. */
  commentsOpen: boolean | null;
  /** Checklist codes the page does not meet (the policy's items). */
  checklistMissing: string[];
}

export function pageFindings(page: PageFacts, policy: JurisdictionPolicy): FindingDraft[] {
  const { id, organizationId: org } = page;
  const details = { network: page.network, url: page.url };
  if (isLegacyNetwork(page.network)) {
    // Recorded for history, but a live entry looks like an official page: mark it deleted.
    return [
      // Stryker disable next-line StringLiteral: equivalent, every nature but 'required' is a recommendation
      draft('legacy_network_page', id, org, { nature: 'recommended', citation: ORDER_2523 }, { pageId: id, details }),
    ];
  }
  if (!policy.networks.allowed.includes(page.network) || page.organizationExempt) return [];
  const found: FindingDraft[] = [];
  const rules = policy.pageRequirements ?? {};
  if (rules.gosuslugiMark && !page.gosuslugiMark) {
    found.push(draft('no_gosuslugi_mark', id, org, rules.gosuslugiMark, { pageId: id, details }));
  }
  if (rules.feedbackWidget && !page.feedbackWidget) {
    found.push(draft('no_feedback_widget', id, org, rules.feedbackWidget, { pageId: id, details }));
  }
  if (rules.commentsOpen && page.commentsOpen === false) {
    found.push(draft('comments_closed', id, org, rules.commentsOpen, { pageId: id, details }));
  }
  const checklist = policy.contentChecklist;
  if (checklist.items.length && checklist.citation && page.checklistMissing.length) {
    found.push(
      draft(
        'checklist_incomplete',
        id,
        org,
        { nature: 'required', citation: checklist.citation },
        { pageId: id, details: { ...details, missing: page.checklistMissing } },
      ),
    );
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Reporting obligations

export interface OverdueObligationFacts {
  id: string;
  organizationId: string;
  ruleCode: string;
  duty: string;
  recipient: string;
  workingDays: number;
  event: string;
  dueAt: Date;
  citation: Citation;
  pageId: string | null;
}

export function obligationFinding(obligation: OverdueObligationFacts, now: Date): FindingDraft {
  // Blagodarny Порядок p.4: the decision on another frequency must reach the organization in 10 working days.
  const kind: FindingKind =
    obligation.event === 'frequency_decided' ? 'frequency_decision_not_communicated' : 'obligation_overdue';
  return draft(
    kind,
    obligation.id,
    obligation.organizationId,
    { nature: 'required', citation: obligation.citation },
    {
      pageId: obligation.pageId,
      dueAt: obligation.dueAt,
      details: {
        obligationId: obligation.id,
        ruleCode: obligation.ruleCode,
        duty: obligation.duty,
        recipient: obligation.recipient,
        workingDays: obligation.workingDays,
        overdueBySeconds: Math.max(0, Math.floor((now.getTime() - obligation.dueAt.getTime()) / 1000)),
      },
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Weekly content plans (Khabarovsk Положение 1 p.6–7)

export interface PlanWeekFacts {
  organizationId: string;
  week: string;
  submissionDueAt: Date;
  plan: {
    id: string;
    status: string;
    submittedAt: Date | null;
    reviewDueAt: Date | null;
    resubmissionDueAt: Date | null;
    /** The declaration of no news replaces the plan (p.5 last ¶); when it was made. */
    declaredAt: Date | null;
  } | null;
}

const secondsLate = (at: Date, due: Date) => Math.max(0, Math.floor((at.getTime() - due.getTime()) / 1000));

export function planFindings(facts: PlanWeekFacts, citation: Citation, now: Date): FindingDraft[] {
  const { organizationId: org, week, plan, submissionDueAt } = facts;
  const rule: Requirement = { nature: 'required', citation };
  const subject = `${org}:${week}`;
  const sentAt = plan?.status === 'no_news_declared' ? plan.declaredAt : (plan?.submittedAt ?? null);
  if (!sentAt) {
    if (now <= submissionDueAt) return [];
    return [
      draft('content_plan_not_submitted', subject, org, rule, {
        week,
        dueAt: submissionDueAt,
        details: { planId: plan?.id ?? null, overdueBySeconds: secondsLate(now, submissionDueAt) },
      }),
    ];
  }
  const found: FindingDraft[] = [];
  // Lateness stays on record until the Committee approves the plan (then resolved).
  if (sentAt > submissionDueAt && plan!.status !== 'approved') {
    found.push(
      draft('content_plan_late', subject, org, rule, {
        week,
        dueAt: submissionDueAt,
        details: { planId: plan!.id, lateBySeconds: secondsLate(sentAt, submissionDueAt) },
      }),
    );
  }
  const awaitingReview = plan!.status === 'submitted' || plan!.status === 'resubmitted';
  if (awaitingReview && plan!.reviewDueAt && now > plan!.reviewDueAt) {
    found.push(
      draft('content_plan_review_overdue', subject, org, rule, {
        week,
        dueAt: plan!.reviewDueAt,
        details: { planId: plan!.id, overdueBySeconds: secondsLate(now, plan!.reviewDueAt) },
      }),
    );
  }
  if (plan!.status === 'changes_requested' && plan!.resubmissionDueAt && now > plan!.resubmissionDueAt) {
    found.push(
      draft('content_plan_resubmission_overdue', subject, org, rule, {
        week,
        dueAt: plan!.resubmissionDueAt,
        details: { planId: plan!.id, overdueBySeconds: secondsLate(now, plan!.resubmissionDueAt) },
      }),
    );
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Weekly quota

export function quotaFinding(
  page: { id: string; organizationId: string; network: Network },
  quota: PageQuota,
  requirement: Requirement,
  week: string,
): FindingDraft | undefined {
  if (quota.status !== 'short') return undefined;
  return draft('quota_short', `${page.id}:${week}`, page.organizationId, requirement, {
    pageId: page.id,
    week,
    details: { network: page.network, published: quota.published, required: quota.required, shortBy: quota.shortBy },
  });
}
