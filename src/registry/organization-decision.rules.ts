import type { Citation, QuotaRule } from './policy.types';

/** A posting-frequency decision as the quota rules see it (Blagodarny Порядок p.4). */
export interface FrequencyDecisionFacts {
  minimumPerWeek: number;
  decisionNumber: string;
  decisionDate: string;
  clause: string;
  /** YYYY-MM-DD, inclusive */
  validFrom: string;
  /** YYYY-MM-DD, inclusive; open-ended when null */
  validTo: string | null;
}

export type WeeklyMinimum<D extends FrequencyDecisionFacts = FrequencyDecisionFacts> =
  | { source: 'decision'; minimumPerWeek: number; decision: D }
  | { source: 'policy'; minimumPerWeek: number; nature: QuotaRule['nature']; citation: Citation };

/** A period whose end is before its start (validTo < validFrom, activeTo < activeFrom). */
export function periodInvalid(from: string, to: string | null | undefined): boolean {
  return !!to && to < from;
}

/**
 * The weekly minimum of publications that applies to an organization in the week
 * [weekStart, weekEnd] (local dates, Monday and Sunday): a decision on another frequency in force
 * on any day of that week wins over the policy's figure (Blagodarny Порядок p.4: "если иная
 * частота не определена решением"); of several, the latest decision (by date, then start) wins.
 * Undefined when neither a decision nor the policy sets a minimum.
 */
export function effectiveWeeklyMinimum<D extends FrequencyDecisionFacts>(
  decisions: readonly D[],
  policyQuota: QuotaRule | undefined,
  weekStart: string,
  weekEnd: string,
): WeeklyMinimum<D> | undefined {
  const inForce = decisions
    .filter((d) => d.validFrom <= weekEnd && (d.validTo === null || d.validTo >= weekStart))
    .sort((a, b) =>
      a.decisionDate !== b.decisionDate
        ? b.decisionDate.localeCompare(a.decisionDate)
        : b.validFrom.localeCompare(a.validFrom),
    );
  const decision = inForce[0];
  if (decision) return { source: 'decision', minimumPerWeek: decision.minimumPerWeek, decision };
  if (!policyQuota) return undefined;
  return {
    source: 'policy',
    minimumPerWeek: policyQuota.minimumPerWeek,
    nature: policyQuota.nature,
    citation: policyQuota.citation,
  };
}
