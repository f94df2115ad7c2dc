import type { OrganizationKind } from './organization-kind';

/** Where a rule comes from; shown in every finding the rule produces. */
export interface Citation {
  /** Kind and issuer of the act, e.g. 'Постановление Правительства Хабаровского края'. */
  act: string;
  number: string;
  /** YYYY-MM-DD */
  date: string;
  /** e.g. 'Положение 1 п.3.1' */
  clause: string;
}

import type { Network } from './page-url.rules';

export type { Network };

export type OfficialRank = 'head' | 'first_deputy_head' | 'deputy_head' | 'department_head' | 'specialist';
/** Highest first: a minimum rank admits itself and everything before it. */
export const RANK_ORDER: readonly OfficialRank[] = [
  'head',
  'first_deputy_head',
  'deputy_head',
  'department_head',
  'specialist',
];

/** Registry events that can oblige somebody to report (DOMAIN.md §1, reporting deadlines). */
export type ReportableEvent =
  | 'page_created'
  | 'page_deleted'
  | 'page_url_changed'
  | 'organization_renamed'
  | 'executor_changed'
  | 'responsible_changed'
  | 'frequency_decided';

export interface ReportingRule {
  /** Stable code of the rule, e.g. 'khabarovsk.committee_registry'. */
  code: string;
  events: ReportableEvent[];
  /** Kinds of organizations whose events oblige; all kinds when omitted. */
  organizationKinds?: OrganizationKind[];
  /** What must be done, in Russian, e.g. 'Сообщить в Комитет сведения для Реестра'. */
  duty: string;
  /** Who receives the report, in Russian. */
  recipient: string;
  workingDays: number;
  citation: Citation;
}

export interface QuotaRule {
  organizationKinds: OrganizationKind[];
  minimumPerWeek: number;
  nature: 'recommended' | 'required';
  citation: Citation;
}

/** A requirement with its nature: `required` rules give violations, `recommended` ones recommendations. */
export interface Requirement {
  nature: 'required' | 'recommended';
  citation: Citation;
}

/** What every official page must have and where an organization must keep pages. */
export interface PageRequirements {
  /** Networks in which every organization must keep a live official page. */
  networks?: Requirement & { networks: Network[] };
  /** Gosuslugi special mark (Decree 2560; Blagodarny Порядок п.3). */
  gosuslugiMark?: Requirement;
  /** Feedback platform (ПОС) form on the page. */
  feedbackWidget?: Requirement;
  /** Users may comment on publications. */
  commentsOpen?: Requirement;
}

export interface ChecklistItem {
  code: string;
  title: string;
}

/** A jurisdiction's rules as data, seeded from its acts and editable by an admin. */
export interface JurisdictionPolicy {
  networks: { allowed: Network[]; citation: Citation };
  onePagePerNetwork: { required: boolean; citation?: Citation };
  quotas: QuotaRule[];
  reporting: ReportingRule[];
  contentPlan: { required: boolean; citation?: Citation };
  responsibleMinRank: { rank: OfficialRank | null; citation?: Citation };
  esiaAuthorizedRequired: { required: boolean; citation?: Citation };
  contentChecklist: { items: ChecklistItem[]; citation?: Citation };
  /** Optional: policies stored before the compliance engine have none (then nothing is checked). */
  pageRequirements?: PageRequirements;
  /** Social-network style of publications (DOMAIN.md §4). */
  publicationStyle?: Requirement;
}
