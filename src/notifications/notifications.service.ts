import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import {
  contentPlanDue,
  isoWeekBounds,
  localDateOf,
  localDateTimeText,
  parseLocalInstant,
  shiftIsoWeek,
} from '../calendar/working-time';
import type { JurisdictionTime } from '../calendar/working-time';
import { Clock } from '../common/clock';
import { ComplianceService } from '../compliance/compliance.service';
import { FINDING_TITLES } from '../compliance/compliance.texts';
import type { FindingKind } from '../compliance/finding.rules';
import type { EnvironmentVariables } from '../config/env.validation';
import { NETWORK_TITLES, type Network } from '../registry/page-url.rules';
import { PolicyService } from '../registry/policy.service';
import type { JurisdictionPolicy } from '../registry/policy.types';
import type { OutboxMessage } from './notification.entity';
import { NotificationViews } from './notification-views';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';
import { NewMessage, NotificationsRepository, OutboxFilter } from './notifications.repository';
import {
  Audience,
  DEFAULT_PREFERENCES,
  digestContent,
  DigestFacts,
  DigestQuotaRow,
  DueSlot,
  dueSlots,
  keys,
  messageIdFor,
  NotificationKind,
  OfficialCandidate,
  Person,
  planNeedsReminder,
  Preferences,
  PreferenceTopic,
  quotaAtRisk,
  recipientsOf,
  signUnsubscribe,
  TOPIC_OF,
  UserCandidate,
  verifyUnsubscribe,
  wants,
} from './notifications.rules';
import {
  PLAN_STATE_TITLES,
  PRODUCT_NAME,
  SEVERITY_TITLES,
  STAGE_TITLES,
  subjectOf,
  TOPIC_TITLES,
  WORKFLOW_TITLES,
} from './notifications.texts';

/** A plan transition as the content-plan module hands it over, inside its transaction. */
export interface PlanTransitionNotice {
  planId: string;
  organizationId: string;
  organizationName: string;
  jurisdictionCode: string;
  week: string;
  action: 'submit' | 'approve' | 'request_changes';
  resubmission: boolean;
  version: number;
  at: Date;
  actorName: string;
  comment: string | null;
  itemComments: { position: number; topic: string; comment: string }[];
  reviewDueAt: Date | null;
  resubmissionDueAt: Date | null;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  unsubscribeUrl: string;
}

interface Draft {
  key: string;
  kind: NotificationKind;
  person: Person;
  organizationId: string | null;
  data: Record<string, unknown>;
}

export interface TickReport {
  at: string;
  slots: { jurisdiction: string; kind: string; week?: string; stage?: string }[];
  created: number;
}

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly views = new NotificationViews();
  private secret?: Promise<string>;
  readonly baseUrl: string;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly calendar: CalendarService,
    private readonly policies: PolicyService,
    private readonly compliance: ComplianceService,
    private readonly clock: Clock,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {
    const configured = this.config.get('PUBLIC_BASE_URL', { infer: true });
    this.baseUrl = (configured ?? `http://localhost:${this.config.get('PORT', { infer: true })}`).replace(/\/$/, '');
  }

  // -------------------------------------------------------------------------------------------
  // Workflow notices: in the caller's transaction, with the transition

  /** Plan submitted → the jurisdiction's coordinators; changes requested or approved → the organization's editors. */
  async planTransition(manager: EntityManager, notice: PlanTransitionNotice): Promise<number> {
    const kind: NotificationKind =
      notice.action === 'submit'
        ? 'plan_submitted'
        : notice.action === 'approve'
          ? 'plan_approved'
          : 'plan_changes_requested';
    const audience: Audience =
      notice.action === 'submit'
        ? { kind: 'coordinators', jurisdiction: notice.jurisdictionCode }
        : { kind: 'editors', organizationId: notice.organizationId };
    const j = await this.calendar.jurisdiction(notice.jurisdictionCode);
    const people = recipientsOf(audience, await this.repository.candidatesIn(notice.jurisdictionCode, manager));
    const zone = j.timeZone;
    const title =
      kind === 'plan_submitted' && notice.resubmission ? WORKFLOW_TITLES.plan_resubmitted : WORKFLOW_TITLES[kind];
    const data = {
      jurisdictionName: j.name,
      organizationName: notice.organizationName,
      week: notice.week,
      actionTitle: title,
      at: localDateTimeText(notice.at, zone),
      actorName: notice.actorName,
      comment: notice.comment,
      itemComments: notice.itemComments,
      reviewDueAt: kind === 'plan_submitted' && notice.reviewDueAt ? localDateTimeText(notice.reviewDueAt, zone) : null,
      resubmissionDueAt:
        kind === 'plan_changes_requested' && notice.resubmissionDueAt
          ? localDateTimeText(notice.resubmissionDueAt, zone)
          : null,
      link: this.planLink(notice.organizationId, notice.week),
    };
    const drafts = people.map((person) => ({
      key: keys.workflow(notice.planId, notice.version, kind, person.email),
      kind,
      person,
      organizationId: notice.organizationId,
      data,
    }));
    return this.enqueue(notice.jurisdictionCode, drafts, notice.at, manager);
  }

  // -------------------------------------------------------------------------------------------
  // The schedule: what is due now, in every jurisdiction's own time

  async tick(now = this.clock.now()): Promise<TickReport> {
    const report: TickReport = { at: now.toISOString(), slots: [], created: 0 };
    for (const { code } of await this.calendar.jurisdictions()) {
      try {
        const j = await this.calendar.jurisdiction(code);
        const { policy } = await this.policies.get(code);
        for (const slot of dueSlots(now, j, policy.contentPlan.required)) {
          report.slots.push({
            jurisdiction: code,
            kind: slot.kind,
            ...('week' in slot && { week: slot.week }),
            ...('stage' in slot && { stage: slot.stage }),
          });
          report.created += await this.serve(slot, j, policy);
        }
      } catch (error) {
        this.logger.error(`Notifications of ${code} not produced: ${(error as Error).message}`);
      }
    }
    return report;
  }

  private serve(slot: DueSlot, j: JurisdictionTime & { name: string }, policy: JurisdictionPolicy): Promise<number> {
    switch (slot.kind) {
      case 'weekly_digest':
        return this.digests(slot, j, policy);
      case 'plan_due':
        return this.planReminders(slot, j, policy);
      case 'obligation_due':
        return this.obligationReminders(slot, j);
      case 'quota_at_risk':
        return this.quotaReminders(slot, j);
    }
  }

  private async audiences(jurisdiction: string) {
    const [users, officials] = await Promise.all([
      this.repository.candidatesIn(jurisdiction),
      this.repository.responsibleOfficialsIn(jurisdiction),
    ]);
    return { users, officials };
  }

  private organizationPeople(
    organizationId: string,
    today: string,
    who: { users: UserCandidate[]; officials: OfficialCandidate[] },
  ) {
    return recipientsOf({ kind: 'organization', organizationId, today }, who.users, who.officials);
  }

  /** Monday 09:00: the coordinators' digest of the jurisdiction and each organization's own. */
  private async digests(
    slot: Extract<DueSlot, { kind: 'weekly_digest' }>,
    j: JurisdictionTime & { name: string },
    policy: JurisdictionPolicy,
  ): Promise<number> {
    const zone = j.timeZone;
    const planWeek = shiftIsoWeek(slot.week, 1);
    const kinds = policy.quotas.flatMap((q) => q.organizationKinds);
    const [quota, obligations, plans, findings, organizations, who] = await Promise.all([
      this.compliance.weekOrganizations(j.code, slot.week),
      this.repository.overdueObligations(j.code, slot.at),
      policy.contentPlan.required ? this.repository.plansOfWeek(j.code, kinds, planWeek) : [],
      this.repository.findingsBetween(j.code, slot.periodStart, slot.at),
      this.repository.openOrganizationsIn(j.code),
      this.audiences(j.code),
    ]);
    const submissionDueAt = policy.contentPlan.required ? contentPlanDue(planWeek, j).toJSDate() : slot.at;
    const facts: DigestFacts = {
      quota: quota.map((o): DigestQuotaRow => ({
        organizationId: o.organizationId,
        organizationName: o.organizationName,
        status: o.status,
        required: o.required,
        published: o.published,
        pages: o.pages.map((p) => ({
          network: NETWORK_TITLES[p.network as Network] ?? p.network,
          url: p.url,
          status: p.status,
          required: p.required,
          published: p.published,
        })),
      })),
      overdueObligations: obligations,
      plans: plans.map((p) => ({ ...p, submissionDueAt })),
      findings,
    };
    const period = { from: slot.periodStart, to: slot.at };
    const bounds = isoWeekBounds(slot.week, zone);
    const periodText = `${bounds.start.toFormat('dd.MM.yyyy')} — ${bounds.end.minus({ days: 1 }).toFormat('dd.MM.yyyy')}`;
    const model = (organizationId?: string) => {
      const content = digestContent(facts, period, organizationId);
      return {
        jurisdictionName: j.name,
        week: slot.week,
        planWeek,
        periodText,
        empty: content.empty,
        belowQuota: content.belowQuota.map((o) => ({
          ...o,
          link: `${this.baseUrl}/api/v1/compliance/organizations/${o.organizationId}?from=${slot.week}&to=${slot.week}`,
        })),
        overdueObligations: content.overdueObligations.map((o) => ({
          organizationName: o.organizationName,
          duty: o.duty,
          recipient: o.recipient,
          dueAt: localDateTimeText(o.dueAt, zone),
          link: `${this.baseUrl}/api/v1/obligations?organizationId=${o.organizationId}`,
        })),
        latePlans: content.latePlans.map((p) => ({
          organizationName: p.organizationName,
          stateTitle: PLAN_STATE_TITLES[p.state],
          dueAt: localDateTimeText(p.submissionDueAt, zone),
          submittedAt: p.submittedAt ? localDateTimeText(p.submittedAt, zone) : null,
          link: this.planLink(p.organizationId, p.week),
        })),
        newFindings: content.newFindings.map((f) => this.findingLine(f)),
        resolvedFindings: content.resolvedFindings.map((f) => this.findingLine(f)),
      };
    };
    const today = localDateOf(slot.at, zone);
    const drafts: Draft[] = recipientsOf({ kind: 'coordinators', jurisdiction: j.code }, who.users).map((person) => ({
      key: keys.coordinatorDigest(j.code, slot.week, person.email),
      kind: 'coordinator_digest',
      person,
      organizationId: null,
      data: model(),
    }));
    for (const organization of organizations) {
      const people = this.organizationPeople(organization.id, today, who);
      if (!people.length) continue;
      const data = { ...model(organization.id), organizationName: organization.name };
      for (const person of people) {
        drafts.push({
          key: keys.organizationDigest(organization.id, slot.week, person.email),
          kind: 'organization_digest',
          person,
          organizationId: organization.id,
          data,
        });
      }
    }
    return this.enqueue(j.code, drafts, slot.at);
  }

  /** The day before and the due day at 12:00: organizations whose plan is not sent yet. */
  private async planReminders(
    slot: Extract<DueSlot, { kind: 'plan_due' }>,
    j: JurisdictionTime & { name: string },
    policy: JurisdictionPolicy,
  ): Promise<number> {
    const kinds = policy.quotas.flatMap((q) => q.organizationKinds);
    const [plans, who] = await Promise.all([
      this.repository.plansOfWeek(j.code, kinds, slot.week),
      this.audiences(j.code),
    ]);
    const today = localDateOf(slot.at, j.timeZone);
    const drafts: Draft[] = [];
    for (const plan of plans.filter((p) => planNeedsReminder(p.status))) {
      const data = {
        jurisdictionName: j.name,
        organizationName: plan.organizationName,
        week: slot.week,
        stage: slot.stage,
        stageTitle: STAGE_TITLES[slot.stage].replace(/^./, (c) => c.toUpperCase()),
        dueAt: localDateTimeText(slot.dueAt, j.timeZone),
        dueTime: localDateTimeText(slot.dueAt, j.timeZone).slice(11),
        link: this.planLink(plan.organizationId, slot.week),
      };
      for (const person of this.organizationPeople(plan.organizationId, today, who)) {
        drafts.push({
          key: keys.planDue(plan.organizationId, slot.week, slot.stage, person.email),
          kind: 'plan_due_reminder',
          person,
          organizationId: plan.organizationId,
          data,
        });
      }
    }
    return this.enqueue(j.code, drafts, slot.at);
  }

  /** Every day at 12:00: reporting obligations due tomorrow (local date), not yet fulfilled. */
  private async obligationReminders(
    slot: Extract<DueSlot, { kind: 'obligation_due' }>,
    j: JurisdictionTime & { name: string },
  ): Promise<number> {
    const from = parseLocalInstant(`${slot.tomorrow}T00:00`, j.timeZone)!;
    const [obligations, who] = await Promise.all([
      this.repository.obligationsDueBetween(j.code, from.toJSDate(), from.plus({ days: 1 }).toJSDate()),
      this.audiences(j.code),
    ]);
    const today = localDateOf(slot.at, j.timeZone);
    const drafts: Draft[] = [];
    for (const obligation of obligations) {
      const data = {
        jurisdictionName: j.name,
        organizationName: obligation.organizationName,
        duty: obligation.duty,
        recipient: obligation.recipient,
        clause: obligation.clause,
        dueAt: localDateTimeText(obligation.dueAt, j.timeZone),
        link: `${this.baseUrl}/api/v1/obligations?organizationId=${obligation.organizationId}`,
      };
      for (const person of this.organizationPeople(obligation.organizationId, today, who)) {
        drafts.push({
          key: keys.obligationDue(obligation.id, person.email),
          kind: 'obligation_due_reminder',
          person,
          organizationId: obligation.organizationId,
          data,
        });
      }
    }
    return this.enqueue(j.code, drafts, slot.at);
  }

  /** Thursday 12:00: pages with fewer than half the week's minimum published so far. */
  private async quotaReminders(
    slot: Extract<DueSlot, { kind: 'quota_at_risk' }>,
    j: JurisdictionTime & { name: string },
  ): Promise<number> {
    const [quota, who] = await Promise.all([
      this.compliance.weekOrganizations(j.code, slot.week),
      this.audiences(j.code),
    ]);
    const today = localDateOf(slot.at, j.timeZone);
    const bounds = isoWeekBounds(slot.week, j.timeZone);
    const drafts: Draft[] = [];
    for (const organization of quota) {
      if (organization.status === 'exempt' || organization.status === 'excused') continue;
      const pages = organization.pages.filter(quotaAtRisk);
      if (!pages.length) continue;
      const data = {
        jurisdictionName: j.name,
        organizationName: organization.organizationName,
        week: slot.week,
        at: localDateTimeText(slot.at, j.timeZone),
        weekEnd: `${bounds.end.minus({ days: 1 }).toFormat('dd.MM.yyyy')} 24:00`,
        pages: pages.map((p) => ({
          network: NETWORK_TITLES[p.network as Network] ?? p.network,
          url: p.url,
          published: p.published,
          required: p.required,
        })),
        link: `${this.baseUrl}/api/v1/compliance/organizations/${organization.organizationId}?from=${slot.week}&to=${slot.week}`,
      };
      for (const person of this.organizationPeople(organization.organizationId, today, who)) {
        drafts.push({
          key: keys.quotaAtRisk(organization.organizationId, slot.week, person.email),
          kind: 'quota_at_risk',
          person,
          organizationId: organization.organizationId,
          data,
        });
      }
    }
    return this.enqueue(j.code, drafts, slot.at);
  }

  /** Drops what a person switched off, then inserts; a key already there is a cause already served. */
  private async enqueue(jurisdiction: string, drafts: Draft[], at: Date, manager?: EntityManager): Promise<number> {
    if (!drafts.length) return 0;
    const preferences = await this.repository.preferencesOf([...new Set(drafts.map((d) => d.person.email))], manager);
    const rows: NewMessage[] = drafts
      .filter((d) => wants(preferences.get(d.person.email), d.kind))
      .map((d) => {
        const id = randomUUID();
        return {
          id,
          idempotencyKey: d.key,
          messageId: messageIdFor(id, this.baseUrl),
          kind: d.kind,
          recipientEmail: d.person.email,
          recipientName: d.person.name,
          recipientUserId: d.person.userId,
          jurisdictionCode: jurisdiction,
          organizationId: d.organizationId,
          data: d.data,
          // The cause's instant (the slot, the transition), so tests that set the clock see it too.
          createdAt: at,
        };
      });
    return this.repository.insertMessages(rows, manager);
  }

  // -------------------------------------------------------------------------------------------
  // Rendering, outbox reads

  async render(
    message: Pick<OutboxMessage, 'kind' | 'data' | 'recipientEmail' | 'recipientName'>,
  ): Promise<RenderedMessage> {
    const topic = TOPIC_OF[message.kind];
    const unsubscribeUrl = `${this.baseUrl}/api/v1/notifications/unsubscribe?token=${signUnsubscribe(
      { email: message.recipientEmail, topic },
      await this.signingSecret(),
    )}`;
    const subject = subjectOf(message.kind, message.data);
    const model = {
      ...message.data,
      subject,
      product: PRODUCT_NAME,
      recipientName: message.recipientName,
      recipientEmail: message.recipientEmail,
      topicTitle: TOPIC_TITLES[topic],
      unsubscribeUrl,
      preferencesUrl: `${this.baseUrl}/api/docs#/notifications`,
    };
    return { subject, unsubscribeUrl, ...this.views.render(message.kind, model) };
  }

  listOutbox(filter: OutboxFilter) {
    return this.repository.listOutbox(filter);
  }

  async message(id: string) {
    const message = await this.repository.findMessage(id);
    if (!message) throw new NotificationsError(NotificationsErrorCode.MESSAGE_NOT_FOUND, { id });
    return { message, attempts: await this.repository.attemptsOf(id) };
  }

  async preview(id: string): Promise<string> {
    const { message } = await this.message(id);
    return (await this.render(message)).html;
  }

  // -------------------------------------------------------------------------------------------
  // Preferences and unsubscribe

  async preferences(email: string): Promise<Preferences> {
    return (
      (await this.repository.preferencesOf([email.toLowerCase()])).get(email.toLowerCase()) ?? {
        ...DEFAULT_PREFERENCES,
      }
    );
  }

  async setPreferences(email: string, change: Partial<Preferences>): Promise<Preferences> {
    // The DTO instance holds every declared field, undefined when left out: those keep their value.
    const given = Object.entries(change).filter(([, value]) => value !== undefined);
    const next = { ...(await this.preferences(email)), ...Object.fromEntries(given) } as Preferences;
    await this.repository.savePreferences(email.toLowerCase(), next);
    return next;
  }

  async readUnsubscribe(token: string): Promise<{ email: string; topic: PreferenceTopic } | undefined> {
    return verifyUnsubscribe(token, await this.signingSecret());
  }

  async unsubscribe(token: string) {
    const claim = await this.readUnsubscribe(token);
    if (claim) await this.repository.switchOff(claim.email, claim.topic);
    return claim;
  }

  signingSecret(): Promise<string> {
    const configured = this.config.get('NOTIFICATIONS_SECRET', { infer: true });
    this.secret ??= configured ? Promise.resolve(configured) : this.repository.signingSecret();
    return this.secret;
  }

  private planLink(organizationId: string, week: string) {
    return `${this.baseUrl}/api/v1/organizations/${organizationId}/content-plans/${week}`;
  }

  private findingLine(f: {
    organizationId: string;
    organizationName: string;
    kind: string;
    severity: string;
    clause: string;
  }) {
    return {
      organizationName: f.organizationName,
      title: FINDING_TITLES[f.kind as FindingKind] ?? f.kind,
      severityTitle: SEVERITY_TITLES[f.severity] ?? f.severity,
      clause: f.clause,
      link: `${this.baseUrl}/api/v1/compliance/findings?organization=${f.organizationId}`,
    };
  }
}
