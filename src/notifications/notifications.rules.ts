import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  contentPlanDue,
  isoWeekMonday,
  isoWeekOf,
  JurisdictionTime,
  localDateOf,
  parseLocalInstant,
  shiftIsoWeek,
} from '../calendar/working-time';

// ---------------------------------------------------------------------------------------------
// Kinds, statuses, preferences

export const NOTIFICATION_KINDS = [
  'coordinator_digest',
  'organization_digest',
  'plan_due_reminder',
  'obligation_due_reminder',
  'quota_at_risk',
  'plan_submitted',
  'plan_changes_requested',
  'plan_approved',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type AttemptOutcome = 'sent' | 'retry' | 'failed' | 'interrupted';

/** The switches a person has; `emailEnabled` off stops everything. */
export const PREFERENCE_TOPICS = [
  'coordinatorDigest',
  'organizationDigest',
  'planReminders',
  'obligationReminders',
  'quotaReminders',
  'workflowNotices',
] as const;
export type PreferenceTopic = (typeof PREFERENCE_TOPICS)[number];
export type Preferences = { emailEnabled: boolean } & Record<PreferenceTopic, boolean>;

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  emailEnabled: true,
  coordinatorDigest: true,
  organizationDigest: true,
  planReminders: true,
  obligationReminders: true,
  quotaReminders: true,
  workflowNotices: true,
});

/**
 * Stored preferences with a change applied: a field the change leaves out, or sends as undefined
 * (a validated DTO carries every declared field, set or not), keeps its stored value.
 */
export function changedPreferences(stored: Preferences, change: Partial<Preferences>): Preferences {
  const next = { ...stored };
  for (const key of Object.keys(stored) as (keyof Preferences)[]) {
    const value = change[key];
    if (typeof value === 'boolean') next[key] = value;
  }
  return next;
}

export const TOPIC_OF: Record<NotificationKind, PreferenceTopic> = {
  coordinator_digest: 'coordinatorDigest',
  organization_digest: 'organizationDigest',
  plan_due_reminder: 'planReminders',
  obligation_due_reminder: 'obligationReminders',
  quota_at_risk: 'quotaReminders',
  plan_submitted: 'workflowNotices',
  plan_changes_requested: 'workflowNotices',
  plan_approved: 'workflowNotices',
};

export function wants(preferences: Preferences | undefined, kind: NotificationKind): boolean {
  const p = preferences ?? DEFAULT_PREFERENCES;
  return p.emailEnabled && p[TOPIC_OF[kind]];
}

// ---------------------------------------------------------------------------------------------
// Delivery: retries with exponential backoff

/** Attempts before a message is given up as `failed`: 1 + 9 retries over about 8.5 hours. */
export const MAX_ATTEMPTS = 10;
export const FIRST_RETRY_SECONDS = 60;
export const MAX_RETRY_SECONDS = 6 * 3600;
/** How long a claimed row belongs to its worker; longer than any SMTP timeout of the transport. */
export const LEASE_SECONDS = 5 * 60;

/** Delay after the n-th failed attempt (n ≥ 1): 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempt - 1));
}

/**
 * What becomes of a message whose attempt number `attempt` failed: a permanent SMTP refusal (5xx:
 * the address does not exist, the message is refused) or the last attempt gives up; anything else
 * (connection refused, 4xx) is tried again later.
 */
export function afterFailure(
  attempt: number,
  now: Date,
  smtpCode: number | undefined,
): { status: 'pending' | 'failed'; nextAttemptAt: Date } {
  const permanent = smtpCode !== undefined && smtpCode >= 500 && smtpCode < 600;
  if (permanent || attempt >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(attempt) * 1000) };
}

/** RFC 5322 msg-id: unique left part, the service's host on the right. */
export function messageIdFor(id: string, publicBaseUrl: string): string {
  const host = new URL(publicBaseUrl).hostname || 'localhost';
  return `<${id}@notifications.${host}>`;
}

// ---------------------------------------------------------------------------------------------
// Recipients

export interface Person {
  email: string;
  name: string;
  userId: string | null;
}

export interface UserCandidate {
  id: string;
  email: string;
  fullName: string;
  role: 'admin' | 'coordinator' | 'editor' | 'viewer';
  isActive: boolean;
  jurisdictions: string[];
  organizations: string[];
}

export interface OfficialCandidate {
  organizationId: string;
  fullName: string;
  workEmail: string | null;
  roles: string[];
  activeFrom: string;
  activeTo: string | null;
}

export type Audience =
  | { kind: 'coordinators'; jurisdiction: string }
  | { kind: 'editors'; organizationId: string }
  /** Editors and the responsible official(s) in office on `today`. */
  | { kind: 'organization'; organizationId: string; today: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Who receives a message about a jurisdiction or an organization: only coordinators of that
 * jurisdiction, only editors of that organization, only that organization's responsible official.
 * Nobody else, whatever the candidates passed in; one message per address.
 */
export function recipientsOf(
  audience: Audience,
  users: readonly UserCandidate[],
  officials: readonly OfficialCandidate[] = [],
): Person[] {
  const people: Person[] = [];
  for (const user of users) {
    if (!user.isActive) continue;
    const inScope =
      audience.kind === 'coordinators'
        ? user.role === 'coordinator' && user.jurisdictions.includes(audience.jurisdiction)
        : user.role === 'editor' && user.organizations.includes(audience.organizationId);
    if (inScope) people.push({ email: user.email, name: user.fullName, userId: user.id });
  }
  if (audience.kind === 'organization') {
    for (const official of officials) {
      const inOffice =
        official.activeFrom <= audience.today && (official.activeTo === null || official.activeTo >= audience.today);
      if (
        official.organizationId === audience.organizationId &&
        official.roles.includes('responsible') &&
        inOffice &&
        official.workEmail
      ) {
        people.push({ email: official.workEmail, name: official.fullName, userId: null });
      }
    }
  }
  const seen = new Set<string>();
  return people
    .map((p) => ({ ...p, email: p.email.trim().toLowerCase() }))
    .filter((p) => EMAIL.test(p.email) && !seen.has(p.email) && seen.add(p.email));
}

// ---------------------------------------------------------------------------------------------
// Schedule: what is due at an instant

/**
 * A tick may come late (instances down, a slow queue): a slot is still served within this window
 * after its time. The idempotency key makes a slot produce its messages once however many ticks
 * fall in the window.
 */
export const CATCH_UP_HOURS = 6;

export type DueSlot =
  /** Monday 09:00 local: the digests of the week that just ended. */
  | { kind: 'weekly_digest'; week: string; at: Date; periodStart: Date }
  /** 12:00 local the day before the plan is due, and 12:00 on the due day (Khabarovsk Положение 1 p.6). */
  | { kind: 'plan_due'; week: string; stage: 'day_before' | 'due_day'; at: Date; dueAt: Date }
  /** 12:00 local every day: obligations due tomorrow. */
  | { kind: 'obligation_due'; at: Date; tomorrow: string }
  /** Thursday 12:00 local: fewer than half the week's minimum published so far. */
  | { kind: 'quota_at_risk'; week: string; at: Date };

function local(date: string, time: string, zone: string): Date {
  return parseLocalInstant(`${date}T${time}`, zone)!.toJSDate();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function inWindow(at: Date, now: Date, until?: Date): boolean {
  const end = Math.min(at.getTime() + CATCH_UP_HOURS * 3600_000, until?.getTime() ?? Infinity);
  return at.getTime() <= now.getTime() && now.getTime() < end;
}

/**
 * The slots of one jurisdiction due at `now`, evaluated in its own zone and calendar.
 * `contentPlans` is whether its acts set a weekly plan.
 */
export function dueSlots(now: Date, j: JurisdictionTime, contentPlans: boolean): DueSlot[] {
  const zone = j.timeZone;
  const today = localDateOf(now, zone);
  const week = isoWeekOf(now, zone);
  const monday = isoWeekMonday(week);
  const slots: DueSlot[] = [];

  const digestAt = local(monday, '09:00', zone);
  if (inWindow(digestAt, now)) {
    slots.push({
      kind: 'weekly_digest',
      week: shiftIsoWeek(week, -1),
      at: digestAt,
      periodStart: local(addDays(monday, -7), '09:00', zone),
    });
  }

  const noon = local(today, '12:00', zone);
  if (inWindow(noon, now)) slots.push({ kind: 'obligation_due', at: noon, tomorrow: addDays(today, 1) });

  const thursdayNoon = local(addDays(monday, 3), '12:00', zone);
  if (inWindow(thursdayNoon, now)) slots.push({ kind: 'quota_at_risk', week, at: thursdayNoon });

  if (contentPlans) {
    // A plan is due in the week before its target week, or earlier when that week is short.
    for (const target of [shiftIsoWeek(week, 1), shiftIsoWeek(week, 2)]) {
      const due = contentPlanDue(target, j);
      const dueDate = due.toISODate()!;
      const dueAt = due.toJSDate();
      for (const [stage, date] of [
        ['day_before', addDays(dueDate, -1)],
        ['due_day', dueDate],
      ] as const) {
        const at = local(date, '12:00', zone);
        if (inWindow(at, now, dueAt)) slots.push({ kind: 'plan_due', week: target, stage, at, dueAt });
      }
    }
  }
  return slots;
}

/** Plans that still need the reminder: none yet, or a draft never sent. */
export function planNeedsReminder(status: string | null): boolean {
  return status === null || status === 'draft';
}

/** Thursday 12:00: fewer than half of the week's minimum published on a page with a minimum. */
export function quotaAtRisk(page: { required: number | null; published: number; status: string }): boolean {
  if (page.required === null || page.required <= 0) return false;
  if (page.status === 'exempt' || page.status === 'not_applicable' || page.status === 'excused') return false;
  return page.published * 2 < page.required;
}

// ---------------------------------------------------------------------------------------------
// Idempotency keys: the cause and the recipient

export const keys = {
  coordinatorDigest: (jurisdiction: string, week: string, email: string) => `digest:${jurisdiction}:${week}:${email}`,
  organizationDigest: (organizationId: string, week: string, email: string) =>
    `org-digest:${organizationId}:${week}:${email}`,
  planDue: (organizationId: string, week: string, stage: string, email: string) =>
    `plan-due:${organizationId}:${week}:${stage}:${email}`,
  obligationDue: (obligationId: string, email: string) => `obligation-due:${obligationId}:${email}`,
  quotaAtRisk: (organizationId: string, week: string, email: string) => `quota-risk:${organizationId}:${week}:${email}`,
  /** The plan's version after the transition is unique per transition. */
  workflow: (planId: string, version: number, kind: NotificationKind, email: string) =>
    `plan:${planId}:v${version}:${kind}:${email}`,
};

// ---------------------------------------------------------------------------------------------
// Digest content

export interface DigestQuotaRow {
  organizationId: string;
  organizationName: string;
  status: string;
  required: number | null;
  published: number;
  pages: { network: string; url: string; status: string; required: number | null; published: number }[];
}

export interface DigestObligationRow {
  id: string;
  organizationId: string;
  organizationName: string;
  duty: string;
  recipient: string;
  dueAt: Date;
}

export interface DigestPlanRow {
  organizationId: string;
  organizationName: string;
  week: string;
  status: string | null;
  submissionDueAt: Date;
  submittedAt: Date | null;
}

export interface DigestFindingRow {
  id: string;
  organizationId: string;
  organizationName: string;
  kind: string;
  severity: string;
  clause: string;
  firstSeenAt: Date;
  resolvedAt: Date | null;
}

export interface DigestFacts {
  quota: DigestQuotaRow[];
  overdueObligations: DigestObligationRow[];
  plans: DigestPlanRow[];
  findings: DigestFindingRow[];
}

export interface DigestContent {
  belowQuota: DigestQuotaRow[];
  overdueObligations: DigestObligationRow[];
  latePlans: (DigestPlanRow & { state: 'missing' | 'late' })[];
  newFindings: DigestFindingRow[];
  resolvedFindings: DigestFindingRow[];
  empty: boolean;
}

/**
 * What a digest shows for the period [from, to): organizations short of their minimum last week,
 * obligations overdue now, plans of the coming week not sent or sent late, findings opened and
 * resolved in the period. With `organizationId`, only that organization's lines.
 */
export function digestContent(
  facts: DigestFacts,
  period: { from: Date; to: Date },
  organizationId?: string,
): DigestContent {
  const mine = <T extends { organizationId: string }>(rows: T[]) =>
    organizationId === undefined ? rows : rows.filter((r) => r.organizationId === organizationId);
  const byName = <T extends { organizationName: string }>(a: T, b: T) =>
    a.organizationName.localeCompare(b.organizationName, 'ru');
  const within = (d: Date | null) => d !== null && d >= period.from && d < period.to;

  const belowQuota = mine(facts.quota)
    .filter((o) => o.status === 'short')
    .map((o) => ({ ...o, pages: o.pages.filter((p) => p.status === 'short') }))
    .sort(byName);
  const overdueObligations = mine(facts.overdueObligations)
    .filter((o) => o.dueAt < period.to)
    .sort((a, b) => byName(a, b) || a.dueAt.getTime() - b.dueAt.getTime());
  const latePlans = mine(facts.plans)
    .flatMap((p): (DigestPlanRow & { state: 'missing' | 'late' })[] => {
      if (p.status === null || p.status === 'draft') return [{ ...p, state: 'missing' }];
      if (p.submittedAt && p.submittedAt > p.submissionDueAt) return [{ ...p, state: 'late' }];
      return [];
    })
    .sort(byName);
  const newFindings = mine(facts.findings)
    .filter((f) => within(f.firstSeenAt))
    .sort(byName);
  const resolvedFindings = mine(facts.findings)
    .filter((f) => within(f.resolvedAt))
    .sort(byName);
  return {
    belowQuota,
    overdueObligations,
    latePlans,
    newFindings,
    resolvedFindings,
    empty:
      !belowQuota.length &&
      !overdueObligations.length &&
      !latePlans.length &&
      !newFindings.length &&
      !resolvedFindings.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Unsubscribe links (RFC 8058): an HMAC-signed address and topic

export interface UnsubscribeClaim {
  email: string;
  topic: PreferenceTopic;
}

export function signUnsubscribe(claim: UnsubscribeClaim, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ e: claim.email, t: claim.topic })).toString('base64url');
  const mac = createHmac('sha256', secret).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

export function verifyUnsubscribe(token: string, secret: string): UnsubscribeClaim | undefined {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return undefined;
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const { e, t } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { e?: unknown; t?: unknown };
    if (typeof e !== 'string' || !PREFERENCE_TOPICS.includes(t as PreferenceTopic)) return undefined;
    return { email: e, topic: t as PreferenceTopic };
  } catch {
    return undefined;
  }
}
