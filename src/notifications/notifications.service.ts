import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { localDateTimeText } from '../calendar/working-time';
import { Clock } from '../common/clock';
import type { EnvironmentVariables } from '../config/env.validation';
import type { OutboxMessage } from './notification.entity';
import { NotificationViews } from './notification-views';
import { NotificationsError, NotificationsErrorCode } from './notifications.errors';
import { NewMessage, NotificationsRepository, OutboxFilter } from './notifications.repository';
import {
  Audience,
  DEFAULT_PREFERENCES,
  keys,
  messageIdFor,
  NotificationKind,
  Person,
  Preferences,
  PreferenceTopic,
  recipientsOf,
  signUnsubscribe,
  TOPIC_OF,
  verifyUnsubscribe,
  wants,
} from './notifications.rules';
import { PRODUCT_NAME, subjectOf, TOPIC_TITLES, WORKFLOW_TITLES } from './notifications.texts';

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

@Injectable()
export class NotificationsService {
  private readonly views = new NotificationViews();
  private secret?: Promise<string>;
  readonly baseUrl: string;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly calendar: CalendarService,
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
    const next = { ...(await this.preferences(email)), ...change };
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
}
