import type { ProblemField } from '../common/errors/domain-error';
import { deadlineAfterWorkingDaysMillis, JurisdictionTime } from '../calendar/working-time';
import { DateTime } from 'luxon';
import { OrganizationKind } from './organization-kind';
import { NETWORKS } from './page-url.rules';
import {
  Citation,
  JurisdictionPolicy,
  Network,
  OfficialRank,
  QuotaRule,
  RANK_ORDER,
  ReportableEvent,
  ReportingRule,
  Requirement,
} from './policy.types';

/** An obligation an event creates, before it is stored. */
export interface DerivedObligation {
  ruleCode: string;
  duty: string;
  recipient: string;
  workingDays: number;
  citation: Citation;
  dueAt: Date;
}

/**
 * Which reports an event obliges (DOMAIN.md §1 table) and when each is due: N working days from
 * the event's day, at close of business (Civil Code art. 191, 193–194).
 */
export function obligationsFor(
  event: { type: string; occurredOn: string; organizationKind: OrganizationKind },
  policy: JurisdictionPolicy,
  clock: JurisdictionTime,
): DerivedObligation[] {
  const rules = policy.reporting.filter(
    (rule: ReportingRule) =>
      (rule.events as string[]).includes(event.type) &&
      (!rule.organizationKinds || rule.organizationKinds.includes(event.organizationKind)),
  );
  // Stryker disable next-line ConditionalExpression: equivalent, a shortcut; mapping no rules gives [] too
  if (!rules.length) return [];
  // Any instant of the event's local day gives the same period; noon keeps clear of midnight.
  const eventMs = DateTime.fromISO(`${event.occurredOn}T12:00`, { zone: clock.timeZone }).toMillis();
  return rules.map((rule) => ({
    ruleCode: rule.code,
    duty: rule.duty,
    recipient: rule.recipient,
    workingDays: rule.workingDays,
    citation: rule.citation,
    dueAt: new Date(deadlineAfterWorkingDaysMillis(eventMs, rule.workingDays, clock)),
  }));
}

/** Krasnodar 413 Порядок p.2, Blagodarny 3.3.1.2: the responsible official is not below the floor. */
export function responsibleRankRefusal(rank: OfficialRank, policy: JurisdictionPolicy): Citation | undefined {
  const floor = policy.responsibleMinRank.rank;
  if (!floor) return undefined;
  return RANK_ORDER.indexOf(rank) > RANK_ORDER.indexOf(floor) ? policy.responsibleMinRank.citation : undefined;
}

export function networkAllowed(network: Network, policy: JurisdictionPolicy): boolean {
  return policy.networks.allowed.includes(network);
}

/** The policy's weekly minimum for an organization kind, if any (DOMAIN.md §3). */
export function quotaFor(kind: OrganizationKind, policy: JurisdictionPolicy): QuotaRule | undefined {
  return policy.quotas.find((q) => q.organizationKinds.includes(kind));
}

const KINDS = Object.values(OrganizationKind) as string[];
const EVENTS: readonly ReportableEvent[] = [
  'page_created',
  'page_deleted',
  'page_url_changed',
  'organization_renamed',
  'executor_changed',
  'responsible_changed',
  'frequency_decided',
];

/** Checks a policy sent by an admin; returns the list of bad fields (empty when valid). */
export function policyProblems(raw: unknown): ProblemField[] {
  const problems: ProblemField[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message });
  const p = raw as Partial<JurisdictionPolicy> | null;
  if (!p || typeof p !== 'object') return [{ field: 'policy', message: 'ожидается объект политики' }];

  const citation = (value: unknown, field: string, required = true) => {
    if (value === undefined && !required) return;
    const c = value as Partial<Citation> | null;
    if (!c || typeof c !== 'object') return bad(field, 'нужна ссылка на акт: act, number, date, clause');
    for (const key of ['act', 'number', 'clause'] as const) {
      if (typeof c[key] !== 'string' || !c[key]!.trim()) bad(`${field}.${key}`, 'поле обязательно');
    }
    if (typeof c.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.date))
      bad(`${field}.date`, 'ожидается дата ГГГГ-ММ-ДД');
  };
  const flag = (value: { required?: unknown; citation?: unknown } | undefined, field: string) => {
    if (!value || typeof value.required !== 'boolean') return bad(`${field}.required`, 'ожидается true или false');
    citation(value.citation, `${field}.citation`, value.required);
  };
  const kinds = (value: unknown, field: string) => {
    if (!Array.isArray(value) || !value.length || value.some((k) => !KINDS.includes(k))) {
      bad(field, `ожидается непустой список видов организаций из: ${KINDS.join(', ')}`);
    }
  };

  if (
    !p.networks ||
    !Array.isArray(p.networks.allowed) ||
    p.networks.allowed.some((n) => !(NETWORKS as readonly string[]).includes(n))
  ) {
    bad('networks.allowed', `ожидается список сетей из: ${NETWORKS.join(', ')}`);
  } else {
    citation(p.networks.citation, 'networks.citation');
  }
  flag(p.onePagePerNetwork, 'onePagePerNetwork');
  flag(p.contentPlan, 'contentPlan');
  flag(p.esiaAuthorizedRequired, 'esiaAuthorizedRequired');

  if (!Array.isArray(p.quotas)) bad('quotas', 'ожидается список');
  else
    p.quotas.forEach((q, i) => {
      kinds(q?.organizationKinds, `quotas[${i}].organizationKinds`);
      if (!Number.isInteger(q?.minimumPerWeek) || q.minimumPerWeek < 0 || q.minimumPerWeek > 100) {
        bad(`quotas[${i}].minimumPerWeek`, 'ожидается целое число от 0 до 100');
      }
      if (q?.nature !== 'recommended' && q?.nature !== 'required')
        bad(`quotas[${i}].nature`, 'ожидается recommended или required');
      citation(q?.citation, `quotas[${i}].citation`);
    });

  if (!Array.isArray(p.reporting)) bad('reporting', 'ожидается список');
  else {
    const codes = new Set<string>();
    p.reporting.forEach((r, i) => {
      const f = `reporting[${i}]`;
      if (typeof r?.code !== 'string' || !/^[a-z0-9_.-]{3,100}$/.test(r.code))
        bad(`${f}.code`, 'ожидается код из латинских букв, цифр, . _ -');
      else if (codes.has(r.code)) bad(`${f}.code`, 'код правила повторяется');
      else codes.add(r.code);
      if (!Array.isArray(r?.events) || !r.events.length || r.events.some((e) => !EVENTS.includes(e))) {
        bad(`${f}.events`, `ожидается непустой список событий из: ${EVENTS.join(', ')}`);
      }
      if (r?.organizationKinds !== undefined) kinds(r.organizationKinds, `${f}.organizationKinds`);
      for (const key of ['duty', 'recipient'] as const) {
        if (typeof r?.[key] !== 'string' || !r[key].trim()) bad(`${f}.${key}`, 'поле обязательно');
      }
      if (!Number.isInteger(r?.workingDays) || r.workingDays < 0 || r.workingDays > 365) {
        bad(`${f}.workingDays`, 'ожидается целое число от 0 до 365');
      }
      citation(r?.citation, `${f}.citation`);
    });
  }

  const rank = p.responsibleMinRank;
  if (!rank || (rank.rank !== null && !RANK_ORDER.includes(rank.rank))) {
    bad('responsibleMinRank.rank', `ожидается null или одно из: ${RANK_ORDER.join(', ')}`);
  } else if (rank.rank) citation(rank.citation, 'responsibleMinRank.citation');

  const checklist = p.contentChecklist;
  if (!checklist || !Array.isArray(checklist.items)) bad('contentChecklist.items', 'ожидается список');
  else {
    checklist.items.forEach((item, i) => {
      if (typeof item?.code !== 'string' || typeof item?.title !== 'string' || !item.title.trim()) {
        bad(`contentChecklist.items[${i}]`, 'ожидается { code, title }');
      }
    });
    if (checklist.items.length) citation(checklist.citation, 'contentChecklist.citation');
  }

  const requirement = (value: Partial<Requirement> | undefined, field: string) => {
    if (value === undefined) return;
    if (!value || typeof value !== 'object') return bad(field, 'ожидается { nature, citation }');
    if (value.nature !== 'recommended' && value.nature !== 'required')
      bad(`${field}.nature`, 'ожидается recommended или required');
    citation(value.citation, `${field}.citation`);
  };
  const pages = p.pageRequirements;
  if (pages !== undefined) {
    if (!pages || typeof pages !== 'object') bad('pageRequirements', 'ожидается объект');
    else {
      requirement(pages.networks, 'pageRequirements.networks');
      const networks = pages.networks?.networks as unknown;
      if (
        pages.networks &&
        (!Array.isArray(networks) ||
          !networks.length ||
          networks.some((n) => !(NETWORKS as readonly unknown[]).includes(n)))
      ) {
        bad('pageRequirements.networks.networks', `ожидается непустой список сетей из: ${NETWORKS.join(', ')}`);
      }
      requirement(pages.gosuslugiMark, 'pageRequirements.gosuslugiMark');
      requirement(pages.feedbackWidget, 'pageRequirements.feedbackWidget');
      requirement(pages.commentsOpen, 'pageRequirements.commentsOpen');
    }
  }
  requirement(p.publicationStyle, 'publicationStyle');
  return problems;
}
