import type { FrequencyDecisionFacts } from '../registry/organization-decision.rules';
import { OrganizationKind } from '../registry/organization-kind';
import { SEED_POLICIES } from '../registry/policy.seed';
import { PageWeek, planExcuseOf, WeekEvaluation } from './week-evaluation.rules';

const WEEK = { week: '2026-W25', start: '2026-06-15', end: '2026-06-21' };
const BLAGODARNY = SEED_POLICIES['blagodarny-mo'];

let pageNumber = 0;
const page = (organizationId: string, over: Partial<PageWeek> = {}): PageWeek => ({
  pageId: `page-${++pageNumber}`,
  organizationId,
  kind: OrganizationKind.SubordinateOrganization,
  network: 'vk',
  createdOn: '2026-01-12',
  deletedOn: null,
  published: 3,
  exempt: false,
  planStatus: null,
  insufficientEvents: false,
  ...over,
});

const decision = (over: Partial<FrequencyDecisionFacts> = {}): FrequencyDecisionFacts => ({
  minimumPerWeek: 1,
  decisionNumber: '17-р',
  decisionDate: '2026-06-16',
  clause: 'Порядок п.4',
  validFrom: '2026-06-17',
  validTo: null,
  ...over,
});

function evaluate(pages: PageWeek[], keepPages: boolean, decisions = new Map<string, FrequencyDecisionFacts[]>()) {
  const evaluation = new WeekEvaluation(BLAGODARNY, decisions, WEEK, keepPages);
  const quotas = pages.map((p) => evaluation.add(p));
  return { evaluation, quotas };
}

describe('one week of a jurisdiction, page by page (DOMAIN.md §3)', () => {
  const pages = [
    page('school', { published: 3 }),
    page('school', { network: 'ok', published: 1 }),
    page('library', { published: 4 }),
    page('library', { network: 'facebook', published: 0 }),
    page('museum', { network: 'facebook' }),
    page('clinic', { published: 0, exempt: true }),
  ];

  it('summarises each organization by its weakest page and counts the compliant share (Blagodarny Порядок п.4: 3 a week)', () => {
    const { evaluation } = evaluate(pages, false);
    expect(evaluation.totals()).toEqual({
      organizations: 4,
      evaluatedOrganizations: 3,
      compliantOrganizations: 2,
      compliantShare: 0.6667,
      pages: { met: 2, short: 1, excused: 0, exempt: 1, not_applicable: 2 },
    });
    expect(evaluation.organizationsWith('short')).toEqual(['school']);
    expect(evaluation.organizationsWith('not_applicable')).toEqual(['museum']);
    expect(evaluation.organization('school')).toMatchObject({
      status: 'short',
      statusTitle: expect.any(String),
      required: 3,
      published: 4,
      requirement: { nature: 'required', citation: expect.objectContaining({ clause: 'Порядок п.4' }) },
    });
    expect(evaluation.organization('clinic')?.status).toBe('exempt');
    expect(evaluation.size).toBe(4);
  });

  it('keeps the pages only when asked, with the quota each page got', () => {
    const kept = evaluate(pages, true);
    expect(kept.evaluation.organization('school')?.pages.map((p) => p.quota)).toEqual([kept.quotas[0], kept.quotas[1]]);
    expect(kept.quotas[1]).toEqual({ status: 'short', required: 3, published: 1, shortBy: 2 });
    expect(evaluate(pages, false).evaluation.organization('school')?.pages).toEqual([]);
    // Same totals either way.
    expect(kept.evaluation.totals()).toEqual(evaluate(pages, false).evaluation.totals());
  });

  it('takes a frequency decision in force on some day of the week, which binds (Blagodarny Порядок п.4)', () => {
    const decisions = new Map([['school', [decision()]]]);
    const { evaluation } = evaluate(pages, false, decisions);
    expect(evaluation.organization('school')).toMatchObject({ status: 'met', required: 1 });
    expect(evaluation.requirement('school')).toEqual({
      nature: 'required',
      citation: {
        act: 'Решение об иной частоте публикаций',
        number: '17-р',
        date: '2026-06-16',
        clause: 'Порядок п.4',
      },
    });
    expect(evaluation.requirement('nobody')).toBeNull();
  });

  it('excuses a short week when the plan declares no news or, unless still a draft, insufficient events (Khabarovsk Положение 1 п.5)', () => {
    expect(planExcuseOf('no_news_declared', false)).toBe('no_news');
    expect(planExcuseOf('approved', true)).toBe('insufficient_events');
    expect(planExcuseOf('draft', true)).toBeNull();
    expect(planExcuseOf(null, false)).toBeNull();
    const { quotas } = evaluate(
      [page('school', { published: 1, planStatus: 'submitted', insufficientEvents: true })],
      false,
    );
    expect(quotas[0]).toMatchObject({ status: 'excused', reason: 'insufficient_events', shortBy: 2 });
  });

  it('does not count a Telegram or MAX page where the official networks are VK and OK (Blagodarny п.2.1; Order 2523-р)', () => {
    const { evaluation, quotas } = evaluate(
      [page('school', { network: 'telegram', published: 5 }), page('school', { network: 'max', published: 5 })],
      true,
    );
    expect(quotas.map((q) => q.status)).toEqual(['not_applicable', 'not_applicable']);
    expect(evaluation.organization('school')?.status).toBe('not_applicable');
  });

  it('lists every organization fed, in order, with no required figure where the policy sets none', () => {
    const { evaluation } = evaluate([page('school', { published: 4 }), page('library', { published: 1 })], false);
    expect(evaluation.has('school')).toBe(true);
    expect(evaluation.has('nobody')).toBe(false);
    expect(evaluation.results().map((o) => [o.organizationId, o.status, o.required, o.published])).toEqual([
      ['school', 'met', 3, 4],
      ['library', 'short', 3, 1],
    ]);
    const noQuota = new WeekEvaluation({ ...BLAGODARNY, quotas: [] }, new Map(), WEEK, false);
    noQuota.add(page('school'));
    expect(noQuota.organization('school')).toMatchObject({
      status: 'not_applicable',
      required: null,
      requirement: null,
    });
  });
});
