import { OrganizationKind } from './organization-kind';
import { effectiveWeeklyMinimum, FrequencyDecisionFacts, periodInvalid } from './organization-decision.rules';
import type { QuotaRule } from './policy.types';

const blagodarnyQuota: QuotaRule = {
  organizationKinds: [OrganizationKind.SubordinateOrganization],
  minimumPerWeek: 3,
  nature: 'required',
  citation: { act: 'Постановление', number: '1249', date: '2023-11-09', clause: 'Порядок п.4' },
};

const decision = (over: Partial<FrequencyDecisionFacts>): FrequencyDecisionFacts => ({
  minimumPerWeek: 1,
  decisionNumber: '15-р',
  decisionDate: '2026-01-10',
  clause: 'Порядок п.4',
  validFrom: '2026-01-12',
  validTo: null,
  ...over,
});

describe('effectiveWeeklyMinimum (Blagodarny Порядок p.4)', () => {
  it('takes the policy figure when no decision is in force that week', () => {
    const result = effectiveWeeklyMinimum(
      [decision({ validFrom: '2026-03-02', validTo: '2026-03-31' })],
      blagodarnyQuota,
      '2026-02-23',
      '2026-03-01',
    );
    expect(result).toEqual({
      source: 'policy',
      minimumPerWeek: 3,
      nature: 'required',
      citation: blagodarnyQuota.citation,
    });
  });

  it('lets a decision in force that week win over the policy figure', () => {
    const d = decision({ minimumPerWeek: 1 });
    expect(effectiveWeeklyMinimum([d], blagodarnyQuota, '2026-02-02', '2026-02-08')).toEqual({
      source: 'decision',
      minimumPerWeek: 1,
      decision: d,
    });
  });

  it('counts a decision that starts or ends inside the week, and not after its end', () => {
    const d = decision({ validFrom: '2026-02-05', validTo: '2026-02-10' });
    expect(effectiveWeeklyMinimum([d], blagodarnyQuota, '2026-02-02', '2026-02-08')?.source).toBe('decision');
    expect(effectiveWeeklyMinimum([d], blagodarnyQuota, '2026-02-09', '2026-02-15')?.source).toBe('decision');
    expect(effectiveWeeklyMinimum([d], blagodarnyQuota, '2026-02-16', '2026-02-22')?.source).toBe('policy');
  });

  it('prefers the latest of several decisions in force', () => {
    const older = decision({ decisionNumber: '1', decisionDate: '2026-01-10', minimumPerWeek: 1 });
    const newer = decision({ decisionNumber: '2', decisionDate: '2026-02-01', minimumPerWeek: 2 });
    expect(effectiveWeeklyMinimum([newer, older], blagodarnyQuota, '2026-02-02', '2026-02-08')).toMatchObject({
      minimumPerWeek: 2,
      decision: { decisionNumber: '2' },
    });
    expect(effectiveWeeklyMinimum([older, newer], blagodarnyQuota, '2026-02-02', '2026-02-08')).toMatchObject({
      minimumPerWeek: 2,
    });
  });

  it('applies a decision even where the policy sets no quota, and nothing without either', () => {
    expect(effectiveWeeklyMinimum([decision({})], undefined, '2026-02-02', '2026-02-08')?.minimumPerWeek).toBe(1);
    expect(effectiveWeeklyMinimum([], undefined, '2026-02-02', '2026-02-08')).toBeUndefined();
  });
});

describe('periodInvalid', () => {
  it('refuses an end before the start and accepts open or one-day periods', () => {
    expect(periodInvalid('2026-02-10', '2026-02-09')).toBe(true);
    expect(periodInvalid('2026-02-10', '2026-02-10')).toBe(false);
    expect(periodInvalid('2026-02-10', null)).toBe(false);
  });
});

describe('effectiveWeeklyMinimum at the edges of a week (Blagodarny Порядок p.4)', () => {
  it('counts a decision ending on the Monday or starting on the Sunday of the week', () => {
    const endsMonday = decision({ validFrom: '2026-01-12', validTo: '2026-02-02' });
    expect(effectiveWeeklyMinimum([endsMonday], blagodarnyQuota, '2026-02-02', '2026-02-08')?.source).toBe('decision');
    const startsSunday = decision({ validFrom: '2026-02-08' });
    expect(effectiveWeeklyMinimum([startsSunday], blagodarnyQuota, '2026-02-02', '2026-02-08')?.source).toBe(
      'decision',
    );
  });

  it('of two decisions of the same date, prefers the one that starts later', () => {
    const earlier = decision({ decisionNumber: '1', validFrom: '2026-01-12', minimumPerWeek: 1 });
    const later = decision({ decisionNumber: '2', validFrom: '2026-02-02', minimumPerWeek: 2 });
    expect(effectiveWeeklyMinimum([earlier, later], blagodarnyQuota, '2026-02-02', '2026-02-08')).toMatchObject({
      minimumPerWeek: 2,
      decision: { decisionNumber: '2' },
    });
  });
});
