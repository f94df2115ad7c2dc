import type { WeeklyMinimum } from '../registry/organization-decision.rules';
import { organizationQuotaStatus, pageQuota, PageWeekFacts, quotaTotals } from './quota.rules';

const citation = { act: 'Постановление', number: '1249', date: '2023-11-09', clause: 'Порядок п.4' };
const policyMinimum = (n: number, nature: 'required' | 'recommended' = 'required'): WeeklyMinimum => ({
  source: 'policy',
  minimumPerWeek: n,
  nature,
  citation,
});
const MONDAY = '2026-06-15';
const SUNDAY = '2026-06-21';
const facts = (over: Partial<PageWeekFacts> = {}): PageWeekFacts => ({
  countsAsOfficial: true,
  createdOn: '2026-01-12',
  deletedOn: null,
  published: 3,
  minimum: policyMinimum(3),
  exempt: false,
  planExcuse: null,
  ...over,
});

describe('weekly quota of a page (DOMAIN.md §3)', () => {
  it('is met with exactly the minimum (Blagodarny Порядок п.4: not fewer than 3 a week)', () => {
    expect(pageQuota(facts(), MONDAY, SUNDAY)).toEqual({ status: 'met', required: 3, published: 3, shortBy: 0 });
  });

  it('is short by the missing publications below the minimum', () => {
    expect(pageQuota(facts({ published: 1 }), MONDAY, SUNDAY)).toMatchObject({ status: 'short', shortBy: 2 });
  });

  it('treats a shortfall as excused when the week’s plan declared too few events (Khabarovsk Положение 1 п.5 ¶3)', () => {
    expect(pageQuota(facts({ published: 2, planExcuse: 'insufficient_events' }), MONDAY, SUNDAY)).toMatchObject({
      status: 'excused',
      reason: 'insufficient_events',
      shortBy: 1,
    });
  });

  it('keeps a met week met even when the plan declared no news', () => {
    expect(pageQuota(facts({ planExcuse: 'no_news' }), MONDAY, SUNDAY).status).toBe('met');
  });

  it('marks exempt organizations exempt (Blagodarny Порядок п.4)', () => {
    expect(pageQuota(facts({ published: 0, exempt: true }), MONDAY, SUNDAY).status).toBe('exempt');
  });

  it('does not apply to legacy networks (Order 2523-р)', () => {
    expect(pageQuota(facts({ countsAsOfficial: false, published: 0 }), MONDAY, SUNDAY)).toMatchObject({
      status: 'not_applicable',
      reason: 'not_official',
    });
  });

  it.each([
    ['created on Wednesday', { createdOn: '2026-06-17' }],
    ['deleted on Sunday', { deletedOn: SUNDAY }],
    ['deleted on Monday', { deletedOn: MONDAY }],
  ])('skips a week the page was %s (no pro-rating)', (_, over) => {
    expect(pageQuota(facts({ ...over, published: 0 }), MONDAY, SUNDAY)).toMatchObject({
      status: 'not_applicable',
      reason: 'partial_week',
    });
  });

  it('counts a page created on the Monday and deleted the next Monday for the whole week', () => {
    expect(pageQuota(facts({ createdOn: MONDAY, deletedOn: '2026-06-22' }), MONDAY, SUNDAY).status).toBe('met');
  });

  it('does not apply where no act sets a minimum (Krasnodar) or a decision set zero', () => {
    expect(pageQuota(facts({ minimum: undefined }), MONDAY, SUNDAY).reason).toBe('no_quota');
    expect(pageQuota(facts({ minimum: policyMinimum(0) }), MONDAY, SUNDAY).reason).toBe('no_quota');
  });
});

describe('weekly quota of an organization', () => {
  it('is short when any of its pages is short (each official page carries the minimum)', () => {
    expect(organizationQuotaStatus(['met', 'short', 'not_applicable'], false)).toBe('short');
  });

  it('is excused before met, met before exempt, and not applicable without evaluated pages', () => {
    expect(organizationQuotaStatus(['met', 'excused'], false)).toBe('excused');
    expect(organizationQuotaStatus(['met', 'not_applicable'], false)).toBe('met');
    expect(organizationQuotaStatus(['not_applicable'], false)).toBe('not_applicable');
    expect(organizationQuotaStatus([], true)).toBe('exempt');
  });

  it('counts the compliant share over evaluated organizations only', () => {
    const totals = quotaTotals({ met: 2, short: 1, excused: 1, exempt: 0, not_applicable: 1 }, [
      'met',
      'short',
      'excused',
      'not_applicable',
    ]);
    expect(totals).toEqual({
      organizations: 4,
      evaluatedOrganizations: 3,
      compliantOrganizations: 2,
      compliantShare: 0.6667,
      pages: { met: 2, short: 1, excused: 1, exempt: 0, not_applicable: 1 },
    });
    expect(quotaTotals({ met: 0, short: 0, excused: 0, exempt: 0, not_applicable: 0 }, []).compliantShare).toBeNull();
  });
});
