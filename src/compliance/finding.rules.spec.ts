import { SEED_POLICIES } from '../registry/policy.seed';
import {
  FINDING_KINDS,
  PLAN_WEEK_KINDS,
  QUOTA_WEEK_KINDS,
  obligationFinding,
  organizationFindings,
  OrganizationFacts,
  pageFindings,
  PageFacts,
  planFindings,
  quotaFinding,
} from './finding.rules';

const BLAGODARNY = SEED_POLICIES['blagodarny-mo']!;
const KHABAROVSK = SEED_POLICIES['khabarovsk-krai']!;
const PLASTUNOVSKAYA = SEED_POLICIES['plastunovskaya-sp']!;

const org = (over: Partial<OrganizationFacts> = {}): OrganizationFacts => ({
  id: 'org-1',
  exempt: false,
  responsibleRanks: ['deputy_head'],
  esiaAuthorized: true,
  livePages: { vk: 1, ok: 1 },
  ...over,
});
const page = (over: Partial<PageFacts> = {}): PageFacts => ({
  id: 'page-1',
  organizationId: 'org-1',
  network: 'vk',
  url: 'https://vk.com/abgosk',
  organizationExempt: false,
  gosuslugiMark: true,
  feedbackWidget: true,
  commentsOpen: true,
  checklistMissing: [],
  ...over,
});
const kinds = (found: { kind: string }[]) => found.map((f) => f.kind).sort();

describe('organization findings', () => {
  it('finds nothing for an organization that keeps every rule', () => {
    expect(organizationFindings(org(), BLAGODARNY)).toEqual([]);
  });

  it('reports no responsible official and no ESIA-identified authorized person (Blagodarny 3.3.1.2, 2.3)', () => {
    const found = organizationFindings(org({ responsibleRanks: [], esiaAuthorized: false }), BLAGODARNY);
    expect(kinds(found)).toEqual(['no_esia_authorized', 'no_responsible']);
    expect(found.every((f) => f.severity === 'violation')).toBe(true);
    expect(found.find((f) => f.kind === 'no_responsible')!.citation.clause).toBe('п.3.3.1.2');
  });

  it('reports a responsible official below deputy head, judged by the highest one (Blagodarny 3.3.1.2)', () => {
    expect(
      kinds(organizationFindings(org({ responsibleRanks: ['specialist', 'department_head'] }), BLAGODARNY)),
    ).toEqual(['responsible_rank_below_minimum']);
    expect(organizationFindings(org({ responsibleRanks: ['specialist', 'head'] }), BLAGODARNY)).toEqual([]);
  });

  it('asks Khabarovsk for a responsible person through the contacts rule (постановление п.4–5), without a rank floor', () => {
    const found = organizationFindings(org({ responsibleRanks: [] }), KHABAROVSK);
    expect(kinds(found)).toEqual(['no_responsible']);
    expect(found[0]!.citation.clause).toBe('постановление п.4–5');
    expect(organizationFindings(org({ responsibleRanks: ['specialist'] }), KHABAROVSK)).toEqual([]);
  });

  it('reports each required network without a live page (Blagodarny Порядок п.3: VK and OK)', () => {
    const found = organizationFindings(org({ livePages: { vk: 1 } }), BLAGODARNY);
    expect(found.map((f) => [f.kind, f.details.network, f.key])).toEqual([
      ['no_page_in_required_network', 'ok', 'no_page_in_required_network:org-1:ok'],
    ]);
  });

  it('reports a second live page in one network where one page per network is required (Khabarovsk Положение 1 п.3.1)', () => {
    const found = organizationFindings(org({ responsibleRanks: ['head'], livePages: { vk: 2, ok: 1 } }), KHABAROVSK);
    expect(found).toEqual([
      expect.objectContaining({ kind: 'second_page_in_network', details: { network: 'vk', livePages: 2 } }),
    ]);
    expect(organizationFindings(org({ livePages: { vk: 2, ok: 1 } }), BLAGODARNY)).toEqual([]);
  });

  it('asks nothing of an exempt organization (Blagodarny Порядок п.4)', () => {
    expect(organizationFindings(org({ exempt: true, responsibleRanks: [], livePages: {} }), BLAGODARNY)).toEqual([]);
  });
});

describe('page findings', () => {
  it('reports the missing Gosuslugi mark, ПОС form and closed comments as violations in Blagodarny (Порядок п.3 пп.2)', () => {
    const found = pageFindings(page({ gosuslugiMark: false, feedbackWidget: false, commentsOpen: false }), BLAGODARNY);
    expect(kinds(found)).toEqual(['comments_closed', 'no_feedback_widget', 'no_gosuslugi_mark']);
    expect(found.every((f) => f.severity === 'violation' && f.pageId === 'page-1')).toBe(true);
  });

  it('reports them as recommendations under Decree 2560 where the local act is silent (Plastunovskaya)', () => {
    const found = pageFindings(page({ gosuslugiMark: false }), PLASTUNOVSKAYA);
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'no_gosuslugi_mark',
        severity: 'recommendation',
        citation: expect.objectContaining({ number: '2560' }),
      }),
    ]);
  });

  it('claims nothing about comments that were never recorded', () => {
    expect(pageFindings(page({ commentsOpen: null }), BLAGODARNY)).toEqual([]);
  });

  it('reports an incomplete design checklist with the missing items (Blagodarny Порядок п.5)', () => {
    const [finding] = pageFindings(page({ checklistMissing: ['geotag'] }), BLAGODARNY);
    expect(finding).toMatchObject({ kind: 'checklist_incomplete', details: { missing: ['geotag'] } });
    expect(finding!.citation.clause).toBe('Порядок п.5');
  });

  it('reports a live page in a legacy network instead of page requirements (Order 2523-р)', () => {
    expect(pageFindings(page({ network: 'facebook', gosuslugiMark: false }), KHABAROVSK)).toEqual([
      expect.objectContaining({ kind: 'legacy_network_page', severity: 'recommendation' }),
    ]);
  });
});

describe('reporting obligations and plans', () => {
  const due = new Date('2026-06-17T15:00:00Z');
  const obligation = {
    id: 'ob-1',
    organizationId: 'org-1',
    ruleCode: 'blagodarny.regional_centre',
    duty: 'Представить сведения',
    recipient: 'ЦУР',
    workingDays: 3,
    event: 'page_created',
    dueAt: due,
    citation: { act: 'Постановление', number: '1249', date: '2023-11-09', clause: 'п.3.2.4' },
    pageId: 'page-1',
  };

  it('reports an overdue obligation with how late it is (Blagodarny 3.2.4)', () => {
    const finding = obligationFinding(obligation, new Date('2026-06-18T15:00:00Z'));
    expect(finding).toMatchObject({ kind: 'obligation_overdue', key: 'obligation_overdue:ob-1', dueAt: due });
    expect(finding.details.overdueBySeconds).toBe(86_400);
  });

  it('reports an uncommunicated frequency decision as its own kind (Blagodarny Порядок п.4, 10 working days)', () => {
    expect(obligationFinding({ ...obligation, event: 'frequency_decided' }, new Date()).kind).toBe(
      'frequency_decision_not_communicated',
    );
  });

  const citation = KHABAROVSK.contentPlan.citation!;
  const submissionDueAt = new Date('2026-06-11T07:00:00Z'); // Thursday 17:00 Khabarovsk
  const plan = (over: Record<string, unknown>) => ({
    id: 'plan-1',
    status: 'submitted',
    submittedAt: new Date('2026-06-11T06:00:00Z'),
    reviewDueAt: new Date('2026-06-12T08:00:00Z'),
    resubmissionDueAt: null,
    declaredAt: null,
    ...over,
  });
  const facts = (p: ReturnType<typeof plan> | null) => ({
    organizationId: 'org-1',
    week: '2026-W25',
    submissionDueAt,
    plan: p,
  });

  it('reports no plan only once the deadline has passed (Khabarovsk Положение 1 п.6)', () => {
    expect(planFindings(facts(null), citation, new Date('2026-06-11T06:59:00Z'))).toEqual([]);
    expect(kinds(planFindings(facts(null), citation, new Date('2026-06-11T07:01:00Z')))).toEqual([
      'content_plan_not_submitted',
    ]);
    expect(
      kinds(
        planFindings(facts(plan({ status: 'draft', submittedAt: null })), citation, new Date('2026-06-12T00:00:00Z')),
      ),
    ).toEqual(['content_plan_not_submitted']);
  });

  it('reports a late plan until it is approved, and a review overdue after one working day (п.7)', () => {
    const late = plan({ submittedAt: new Date('2026-06-11T07:01:00Z') });
    const found = planFindings(facts(late), citation, new Date('2026-06-12T09:00:00Z'));
    expect(kinds(found)).toEqual(['content_plan_late', 'content_plan_review_overdue']);
    expect(found.find((f) => f.kind === 'content_plan_late')!.details.lateBySeconds).toBe(60);
    expect(planFindings(facts({ ...late, status: 'approved' }), citation, new Date('2026-06-13T00:00:00Z'))).toEqual(
      [],
    );
  });

  it('reports a resubmission overdue after one working day of recommendations (п.7)', () => {
    const waiting = plan({ status: 'changes_requested', resubmissionDueAt: new Date('2026-06-15T08:00:00Z') });
    expect(kinds(planFindings(facts(waiting), citation, new Date('2026-06-15T08:01:00Z')))).toEqual([
      'content_plan_resubmission_overdue',
    ]);
  });

  it('accepts a declaration of no news in time as the plan (п.5 last ¶)', () => {
    const declared = plan({
      status: 'no_news_declared',
      submittedAt: null,
      declaredAt: new Date('2026-06-10T00:00:00Z'),
    });
    expect(planFindings(facts(declared), citation, new Date('2026-06-20T00:00:00Z'))).toEqual([]);
  });
});

describe('quota findings', () => {
  it('opens one finding per short page and week, with the figures', () => {
    const requirement = { nature: 'recommended' as const, citation: KHABAROVSK.quotas[1]!.citation };
    const finding = quotaFinding(
      { id: 'page-1', organizationId: 'org-1', network: 'vk' },
      { status: 'short', required: 5, published: 2, shortBy: 3 },
      requirement,
      '2026-W24',
    );
    expect(finding).toMatchObject({
      key: 'quota_short:page-1:2026-W24',
      severity: 'recommendation',
      details: { published: 2, required: 5, shortBy: 3 },
    });
    expect(
      quotaFinding(
        { id: 'p', organizationId: 'o', network: 'vk' },
        { status: 'met', required: 5, published: 5, shortBy: 0 },
        requirement,
        '2026-W24',
      ),
    ).toBeUndefined();
  });
});

describe('what each finding carries: severity, week, key, due date, citation', () => {
  const citation = KHABAROVSK.contentPlan.citation!;
  const submissionDueAt = new Date('2026-06-11T07:00:00Z');
  const reviewDueAt = new Date('2026-06-12T08:00:00Z');
  const resubmissionDueAt = new Date('2026-06-15T08:00:00Z');
  const sent = (status: string, submittedAt: string, over: Record<string, unknown> = {}) => ({
    organizationId: 'org-1',
    week: '2026-W25',
    submissionDueAt,
    plan: {
      id: 'plan-1',
      status,
      submittedAt: new Date(submittedAt),
      reviewDueAt,
      resubmissionDueAt,
      declaredAt: null,
      ...over,
    },
  });

  it('reports a missing plan as a violation of its week, due at 17:00 Thursday (Khabarovsk Положение 1 п.6)', () => {
    const now = new Date('2026-06-11T08:00:00Z');
    expect(planFindings({ ...sent('draft', '2026-06-11T00:00:00Z'), plan: null }, citation, now)).toEqual([
      {
        key: 'content_plan_not_submitted:org-1:2026-W25',
        kind: 'content_plan_not_submitted',
        severity: 'violation',
        organizationId: 'org-1',
        pageId: null,
        week: '2026-W25',
        dueAt: submissionDueAt,
        citation,
        details: { planId: null, overdueBySeconds: 3600 },
      },
    ]);
    expect(planFindings({ ...sent('draft', '2026-06-11T00:00:00Z'), plan: null }, citation, submissionDueAt)).toEqual(
      [],
    );
  });

  it('reports a late plan and an overdue review each with their week, key and due date (Khabarovsk Положение 1 п.6–7)', () => {
    const found = planFindings(sent('resubmitted', '2026-06-11T07:00:30Z'), citation, new Date('2026-06-12T08:00:01Z'));
    expect(found).toEqual([
      {
        key: 'content_plan_late:org-1:2026-W25',
        kind: 'content_plan_late',
        severity: 'violation',
        organizationId: 'org-1',
        pageId: null,
        week: '2026-W25',
        dueAt: submissionDueAt,
        citation,
        details: { planId: 'plan-1', lateBySeconds: 30 },
      },
      {
        key: 'content_plan_review_overdue:org-1:2026-W25',
        kind: 'content_plan_review_overdue',
        severity: 'violation',
        organizationId: 'org-1',
        pageId: null,
        week: '2026-W25',
        dueAt: reviewDueAt,
        citation,
        details: { planId: 'plan-1', overdueBySeconds: 1 },
      },
    ]);
  });

  it('does not report a review before or at its deadline, nor one with no deadline yet (Khabarovsk Положение 1 п.7)', () => {
    const onTime = sent('submitted', '2026-06-11T06:00:00Z');
    expect(planFindings(onTime, citation, new Date('2026-06-12T07:59:59Z'))).toEqual([]);
    expect(planFindings(onTime, citation, reviewDueAt)).toEqual([]);
    const noDeadline = sent('submitted', '2026-06-11T06:00:00Z', { reviewDueAt: null });
    expect(planFindings(noDeadline, citation, new Date('2026-07-01T00:00:00Z'))).toEqual([]);
    // Only a plan awaiting the Committee can be overdue for review.
    const draft = sent('changes_requested', '2026-06-11T06:00:00Z', { resubmissionDueAt: null });
    expect(planFindings(draft, citation, new Date('2026-07-01T00:00:00Z'))).toEqual([]);
  });

  it('reports a plan sent exactly at 17:00 as on time (Khabarovsk Положение 1 п.6 «до 17:00»)', () => {
    expect(planFindings(sent('submitted', '2026-06-11T07:00:00Z'), citation, new Date('2026-06-11T09:00:00Z'))).toEqual(
      [],
    );
  });

  it('does not report a resubmission before or at its deadline, nor one with no deadline yet (Khabarovsk Положение 1 п.7)', () => {
    const waiting = sent('changes_requested', '2026-06-11T06:00:00Z');
    expect(planFindings(waiting, citation, new Date('2026-06-15T07:59:59Z'))).toEqual([]);
    expect(planFindings(waiting, citation, resubmissionDueAt)).toEqual([]);
    const noDeadline = sent('changes_requested', '2026-06-11T06:00:00Z', { resubmissionDueAt: null });
    expect(planFindings(noDeadline, citation, new Date('2026-07-01T00:00:00Z'))).toEqual([]);
    const [overdue] = planFindings(waiting, citation, new Date('2026-06-15T08:00:02Z'));
    expect(overdue).toEqual({
      key: 'content_plan_resubmission_overdue:org-1:2026-W25',
      kind: 'content_plan_resubmission_overdue',
      severity: 'violation',
      organizationId: 'org-1',
      pageId: null,
      week: '2026-W25',
      dueAt: resubmissionDueAt,
      citation,
      details: { planId: 'plan-1', overdueBySeconds: 2 },
    });
  });

  it('reports a declaration of no news made late as a late plan (Khabarovsk Положение 1 п.5 last ¶, п.6)', () => {
    const declared = sent('no_news_declared', '2026-06-01T00:00:00Z', {
      submittedAt: null,
      declaredAt: new Date('2026-06-11T07:02:00Z'),
    });
    expect(planFindings(declared, citation, new Date('2026-06-20T00:00:00Z'))).toEqual([
      expect.objectContaining({ kind: 'content_plan_late', details: { planId: 'plan-1', lateBySeconds: 120 } }),
    ]);
    const undeclared = { ...declared, plan: { ...declared.plan, declaredAt: null, submittedAt: new Date(0) } };
    expect(kinds(planFindings(undeclared, citation, new Date('2026-06-20T00:00:00Z')))).toEqual([
      'content_plan_not_submitted',
    ]);
  });

  it('reports an overdue obligation with its page, due date, citation and every detail (Blagodarny 3.2.4)', () => {
    const dueAt = new Date('2026-06-17T15:00:00Z');
    const obligationCitation = { act: 'Постановление', number: '1249', date: '2023-11-09', clause: 'п.3.2.4' };
    const facts = {
      id: 'ob-1',
      organizationId: 'org-1',
      ruleCode: 'blagodarny.regional_centre',
      duty: 'Представить сведения',
      recipient: 'ЦУР',
      workingDays: 3,
      event: 'page_created',
      dueAt,
      citation: obligationCitation,
      pageId: 'page-1',
    };
    expect(obligationFinding(facts, new Date('2026-06-17T15:00:10Z'))).toEqual({
      key: 'obligation_overdue:ob-1',
      kind: 'obligation_overdue',
      severity: 'violation',
      organizationId: 'org-1',
      pageId: 'page-1',
      week: null,
      dueAt,
      citation: obligationCitation,
      details: {
        obligationId: 'ob-1',
        ruleCode: 'blagodarny.regional_centre',
        duty: 'Представить сведения',
        recipient: 'ЦУР',
        workingDays: 3,
        overdueBySeconds: 10,
      },
    });
    expect(obligationFinding(facts, new Date('2026-06-17T14:00:00Z')).details.overdueBySeconds).toBe(0);
  });

  it('reports an incomplete checklist as a violation of the page, keyed by the page (Blagodarny Порядок п.5)', () => {
    expect(pageFindings(page({ checklistMissing: ['geotag', 'cover'] }), BLAGODARNY)).toEqual([
      {
        key: 'checklist_incomplete:page-1',
        kind: 'checklist_incomplete',
        severity: 'violation',
        organizationId: 'org-1',
        pageId: 'page-1',
        week: null,
        dueAt: null,
        citation: BLAGODARNY.contentChecklist.citation,
        details: { network: 'vk', url: 'https://vk.com/abgosk', missing: ['geotag', 'cover'] },
      },
    ]);
  });

  it('keys a legacy page by the page and cites Order 2523-р (DOMAIN.md §1)', () => {
    expect(pageFindings(page({ network: 'instagram', url: 'https://instagram.com/x' }), BLAGODARNY)).toEqual([
      {
        key: 'legacy_network_page:page-1',
        kind: 'legacy_network_page',
        severity: 'recommendation',
        organizationId: 'org-1',
        pageId: 'page-1',
        week: null,
        dueAt: null,
        citation: expect.objectContaining({ number: '2523-р' }),
        details: { network: 'instagram', url: 'https://instagram.com/x' },
      },
    ]);
  });

  it('keys a quota finding by page and week and keeps the week (Khabarovsk Положение 1 п.5)', () => {
    const requirement = { nature: 'required' as const, citation: KHABAROVSK.quotas[1]!.citation };
    expect(
      quotaFinding(
        { id: 'page-1', organizationId: 'org-1', network: 'ok' },
        { status: 'short', required: 5, published: 4, shortBy: 1 },
        requirement,
        '2026-W24',
      ),
    ).toEqual({
      key: 'quota_short:page-1:2026-W24',
      kind: 'quota_short',
      severity: 'violation',
      organizationId: 'org-1',
      pageId: 'page-1',
      week: '2026-W24',
      dueAt: null,
      citation: requirement.citation,
      details: { network: 'ok', published: 4, required: 5, shortBy: 1 },
    });
  });

  it('keys organization findings by the organization, or by organization and network', () => {
    const found = organizationFindings(
      org({ responsibleRanks: ['specialist'], esiaAuthorized: false, livePages: {} }),
      BLAGODARNY,
    );
    expect(found.map((f) => [f.key, f.severity, f.pageId, f.week, f.dueAt, f.organizationId])).toEqual([
      ['responsible_rank_below_minimum:org-1', 'violation', null, null, null, 'org-1'],
      ['no_esia_authorized:org-1', 'violation', null, null, null, 'org-1'],
      ['no_page_in_required_network:org-1:vk', 'violation', null, null, null, 'org-1'],
      ['no_page_in_required_network:org-1:ok', 'violation', null, null, null, 'org-1'],
    ]);
    expect(found[0]!.details).toEqual({ rank: 'specialist', minimum: 'deputy_head' });
    expect(found[1]!.citation).toEqual(BLAGODARNY.esiaAuthorizedRequired.citation);
    expect(found[2]!.details).toEqual({ network: 'vk' });
  });
});

describe('policy limits: rules apply only where the policy says so', () => {
  it('asks no page requirements of a Telegram or MAX page where official networks are VK and OK (Blagodarny п.2.1; Order 2523-р)', () => {
    const bare = { gosuslugiMark: false, feedbackWidget: false, commentsOpen: false, checklistMissing: ['geotag'] };
    expect(pageFindings(page({ network: 'telegram', ...bare }), BLAGODARNY)).toEqual([]);
    expect(pageFindings(page({ network: 'max', ...bare }), BLAGODARNY)).toEqual([]);
    expect(pageFindings(page({ network: 'max', ...bare }), PLASTUNOVSKAYA)).toEqual([]);
    expect(kinds(pageFindings(page({ network: 'telegram', ...bare }), PLASTUNOVSKAYA))).toEqual([
      'comments_closed',
      'no_feedback_widget',
      'no_gosuslugi_mark',
    ]);
  });

  it('asks nothing of a page of an exempt organization (Blagodarny Порядок п.4)', () => {
    const bare = { gosuslugiMark: false, feedbackWidget: false, commentsOpen: false, checklistMissing: ['geotag'] };
    expect(pageFindings(page({ organizationExempt: true, ...bare }), BLAGODARNY)).toEqual([]);
  });

  it('asks for no checklist where the policy has none (Khabarovsk)', () => {
    expect(pageFindings(page({ checklistMissing: ['geotag'] }), KHABAROVSK)).toEqual([]);
  });

  it('asks for an ESIA-identified authorized person only where the policy requires one (Blagodarny 2.3; not Khabarovsk)', () => {
    expect(organizationFindings(org({ esiaAuthorized: false, responsibleRanks: ['head'] }), KHABAROVSK)).toEqual([]);
    const notCited = {
      ...BLAGODARNY,
      esiaAuthorizedRequired: { required: true, citation: undefined },
    } as unknown as typeof BLAGODARNY;
    expect(kinds(organizationFindings(org({ esiaAuthorized: false }), notCited))).toEqual([]);
  });

  it('counts no second page in a legacy network, nor where one page per network is not required (Khabarovsk Положение 1 п.3.1)', () => {
    const pages = { vk: 1, ok: 1, facebook: 2, telegram: 1 };
    expect(organizationFindings(org({ responsibleRanks: ['head'], livePages: pages }), KHABAROVSK)).toEqual([]);
    const uncited = { ...KHABAROVSK, onePagePerNetwork: { required: true } } as typeof KHABAROVSK;
    expect(organizationFindings(org({ responsibleRanks: ['head'], livePages: { vk: 2, ok: 1 } }), uncited)).toEqual([]);
    expect(
      organizationFindings(org({ responsibleRanks: ['head'], livePages: { vk: 2, ok: 3 } }), KHABAROVSK).map(
        (f) => f.key,
      ),
    ).toEqual(['second_page_in_network:org-1:vk', 'second_page_in_network:org-1:ok']);
  });

  it('judges the rank by the highest responsible official, whatever the order (Blagodarny 3.3.1.2)', () => {
    expect(organizationFindings(org({ responsibleRanks: ['head', 'specialist'] }), BLAGODARNY)).toEqual([]);
    expect(organizationFindings(org({ responsibleRanks: ['deputy_head'] }), BLAGODARNY)).toEqual([]);
    expect(
      organizationFindings(org({ responsibleRanks: ['department_head', 'specialist'] }), BLAGODARNY)[0]!.details,
    ).toEqual({ rank: 'department_head', minimum: 'deputy_head' });
  });
});

describe('policies that leave a rule out', () => {
  it('asks for no responsible official where the policy names no clause for one', () => {
    const silent = { ...KHABAROVSK, responsibleMinRank: {}, reporting: [] } as unknown as typeof KHABAROVSK;
    expect(organizationFindings(org({ responsibleRanks: [], livePages: { vk: 1, ok: 1 } }), silent)).toEqual([]);
  });

  it('asks for no network where the policy has no page requirements', () => {
    const none = { ...BLAGODARNY, pageRequirements: undefined } as typeof BLAGODARNY;
    expect(organizationFindings(org({ livePages: {} }), none)).toEqual([]);
    expect(pageFindings(page({ gosuslugiMark: false, feedbackWidget: false, commentsOpen: false }), none)).toEqual([]);
  });

  it('asks for no checklist with a clause but no items, nor with items but no clause', () => {
    const noItems = { ...BLAGODARNY, contentChecklist: { ...BLAGODARNY.contentChecklist, items: [] } };
    const noClause = { ...BLAGODARNY, contentChecklist: { items: BLAGODARNY.contentChecklist.items } };
    expect(pageFindings(page({ checklistMissing: ['geotag'] }), noItems)).toEqual([]);
    expect(pageFindings(page({ checklistMissing: ['geotag'] }), noClause)).toEqual([]);
  });

  it('reports a second page in a network as a violation (Khabarovsk Положение 1 п.3.1)', () => {
    const [finding] = organizationFindings(
      org({ responsibleRanks: ['head'], livePages: { vk: 2, ok: 1 } }),
      KHABAROVSK,
    );
    expect(finding).toMatchObject({
      key: 'second_page_in_network:org-1:vk',
      severity: 'violation',
      citation: KHABAROVSK.onePagePerNetwork.citation,
    });
  });
});

describe('kinds about one week (recomputing a week touches only these)', () => {
  it('counts the quota and style findings as the publications of a week, the four plan findings as its plan', () => {
    expect(QUOTA_WEEK_KINDS).toEqual(['quota_short', 'style']);
    expect(PLAN_WEEK_KINDS).toEqual([
      'content_plan_not_submitted',
      'content_plan_late',
      'content_plan_review_overdue',
      'content_plan_resubmission_overdue',
    ]);
    expect([...QUOTA_WEEK_KINDS, ...PLAN_WEEK_KINDS].every((kind) => FINDING_KINDS.includes(kind))).toBe(true);
  });
});
