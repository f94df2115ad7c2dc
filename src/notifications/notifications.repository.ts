import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganizationKind } from '../registry/organization-kind';
import { DeliveryAttempt, NotificationPreference, NotificationSecret, OutboxMessage } from './notification.entity';
import type {
  AttemptOutcome,
  DigestFindingRow,
  DigestObligationRow,
  DigestPlanRow,
  NotificationKind,
  OfficialCandidate,
  OutboxStatus,
  Preferences,
  PreferenceTopic,
  UserCandidate,
} from './notifications.rules';
import { PREFERENCE_TOPICS } from './notifications.rules';

export interface NewMessage {
  id: string;
  idempotencyKey: string;
  messageId: string;
  kind: NotificationKind;
  recipientEmail: string;
  recipientName: string;
  recipientUserId: string | null;
  jurisdictionCode: string;
  organizationId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface ClaimedMessage {
  id: string;
  kind: NotificationKind;
  messageId: string;
  recipientEmail: string;
  recipientName: string;
  jurisdictionCode: string;
  data: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  kind?: NotificationKind;
  recipient?: string;
  limit: number;
}

const COLUMNS: Record<PreferenceTopic | 'emailEnabled', string> = {
  emailEnabled: 'email_enabled',
  coordinatorDigest: 'coordinator_digest',
  organizationDigest: 'organization_digest',
  planReminders: 'plan_reminders',
  obligationReminders: 'obligation_reminders',
  quotaReminders: 'quota_reminders',
  workflowNotices: 'workflow_notices',
};

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // -------------------------------------------------------------------------------------------
  // Outbox

  /** One statement; a key already there is skipped (the cause was served before). Returns how many are new. */
  async insertMessages(rows: NewMessage[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (!rows.length) return 0;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values(
        rows.map((r) => ({
          ...r,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: r.createdAt,
          // The driver serializes jsonb; the deep-partial type cannot describe a free-form record.
          data: r.data as never,
        })),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length;
  }

  /**
   * Claims due messages for one worker: pending ones whose time has come and in-flight ones whose
   * lease ran out (their worker died between sending and recording). Rows another worker holds are
   * skipped, not waited for. Each claim opens an attempt; an older attempt left open was interrupted.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ClaimedMessage[] = await manager.query(
        `WITH due AS (
           SELECT id FROM notification_outbox
            WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1)
            ORDER BY next_attempt_at, created_at
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
         UPDATE notification_outbox o
            SET status = 'sending', lease_until = $2, attempts = o.attempts + 1, updated_at = now()
           FROM due WHERE o.id = due.id
         RETURNING o.id, o.kind, o.message_id AS "messageId", o.recipient_email AS "recipientEmail",
                   o.recipient_name AS "recipientName", o.jurisdiction_code AS "jurisdictionCode", o.data,
                   o.attempts, o.created_at AS "createdAt"`,
        [now, leaseUntil, limit],
      );
      // UPDATE … RETURNING through the driver answers [rows, count].
      const claimed = (Array.isArray(rows[0]) ? rows[0] : rows) as ClaimedMessage[];
      if (!claimed.length) return [];
      const ids = claimed.map((r) => r.id);
      await manager.query(
        `UPDATE notification_attempts SET outcome = 'interrupted', finished_at = $2
          WHERE message_id = ANY($1::uuid[]) AND outcome IS NULL`,
        [ids, now],
      );
      await manager.query(
        `INSERT INTO notification_attempts (message_id, attempt, started_at)
         SELECT * FROM unnest($1::uuid[], $2::int[], array_fill($3::timestamptz, ARRAY[$4::int]))`,
        [ids, claimed.map((r) => r.attempts), now, ids.length],
      );
      return claimed;
    });
  }

  /** Records the outcome of an attempt, if the row is still held by that attempt. */
  async finishAttempt(
    message: { id: string; attempts: number },
    at: Date,
    outcome: AttemptOutcome,
    next: { status: OutboxStatus; nextAttemptAt?: Date },
    response: string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const sent = next.status === 'sent';
      await manager.query(
        `UPDATE notification_outbox
            SET status = $3, lease_until = NULL, sent_at = $4, next_attempt_at = COALESCE($5, next_attempt_at),
                last_error = $6, updated_at = now()
          WHERE id = $1 AND status = 'sending' AND attempts = $2`,
        [
          message.id,
          message.attempts,
          next.status,
          sent ? at : null,
          next.nextAttemptAt ?? null,
          sent || next.status === 'suppressed' ? null : response?.slice(0, 2000),
        ],
      );
      await manager.query(
        `UPDATE notification_attempts SET outcome = $3, finished_at = $4, response = $5
          WHERE message_id = $1 AND attempt = $2`,
        [message.id, message.attempts, outcome, at, response?.slice(0, 2000) ?? null],
      );
    });
  }

  listOutbox(filter: OutboxFilter): Promise<OutboxMessage[]> {
    const query = this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id')
      .limit(filter.limit);
    if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
    if (filter.kind) query.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.recipient)
      query.andWhere('m.recipient_email = :recipient', { recipient: filter.recipient.toLowerCase() });
    return query.getMany();
  }

  findMessage(id: string): Promise<OutboxMessage | null> {
    return this.dataSource.getRepository(OutboxMessage).findOne({ where: { id } });
  }

  attemptsOf(id: string): Promise<DeliveryAttempt[]> {
    return this.dataSource.getRepository(DeliveryAttempt).find({ where: { messageId: id }, order: { attempt: 'ASC' } });
  }

  // -------------------------------------------------------------------------------------------
  // Preferences and the signing key

  async preferencesOf(emails: string[], manager: EntityManager = this.dataSource.manager) {
    const map = new Map<string, Preferences>();
    if (!emails.length) return map;
    const rows = await manager
      .getRepository(NotificationPreference)
      .createQueryBuilder('p')
      .where('p.email = ANY(:emails)', { emails })
      .getMany();
    for (const row of rows) map.set(row.email, preferencesOfRow(row));
    return map;
  }

  async savePreferences(email: string, preferences: Preferences): Promise<void> {
    await this.dataSource
      .getRepository(NotificationPreference)
      .upsert({ email, ...preferences, updatedAt: new Date() }, ['email']);
  }

  async switchOff(email: string, topic: PreferenceTopic): Promise<void> {
    const column = COLUMNS[topic];
    await this.dataSource.query(
      `INSERT INTO notification_preferences (email, ${column}) VALUES ($1, false)
       ON CONFLICT (email) DO UPDATE SET ${column} = false, updated_at = now()`,
      [email],
    );
  }

  /** The database-kept signing key: the first instance creates it, every one reads the same. */
  async signingSecret(): Promise<string> {
    await this.dataSource.query(
      `INSERT INTO notification_secrets (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`,
      [randomBytes(32).toString('base64url')],
    );
    const row = await this.dataSource.getRepository(NotificationSecret).findOneByOrFail({ id: 1 });
    return row.secret;
  }

  // -------------------------------------------------------------------------------------------
  // Recipients

  /** Active coordinators and editors with their scopes inside one jurisdiction. */
  async candidatesIn(jurisdiction: string, manager: EntityManager = this.dataSource.manager): Promise<UserCandidate[]> {
    return manager.query(
      `SELECT u.id, u.email, u.full_name AS "fullName", u.role::text AS role, u.is_active AS "isActive",
              COALESCE(array_agg(DISTINCT j.jurisdiction_code) FILTER (WHERE j.jurisdiction_code = $1), '{}') AS jurisdictions,
              COALESCE(array_agg(DISTINCT s.organization_id::text) FILTER (WHERE o.id IS NOT NULL), '{}') AS organizations
         FROM users u
         LEFT JOIN user_jurisdiction_scopes j ON j.user_id = u.id
         LEFT JOIN user_organization_scopes s ON s.user_id = u.id
         LEFT JOIN organizations o ON o.id = s.organization_id AND o.jurisdiction_code = $1
        WHERE u.is_active AND u.role::text IN ('coordinator', 'editor')
        GROUP BY u.id
       HAVING bool_or(j.jurisdiction_code = $1) OR bool_or(o.id IS NOT NULL)`,
      [jurisdiction],
    );
  }

  /** Responsible officials (work e-mail only) of one jurisdiction's organizations. */
  responsibleOfficialsIn(jurisdiction: string): Promise<OfficialCandidate[]> {
    return this.dataSource.query(
      `SELECT f.organization_id AS "organizationId", f.full_name AS "fullName", f.work_email AS "workEmail",
              f.roles::text[] AS roles, f.active_from::text AS "activeFrom", f.active_to::text AS "activeTo"
         FROM officials f JOIN organizations o ON o.id = f.organization_id
        WHERE o.jurisdiction_code = $1 AND 'responsible' = ANY(f.roles) AND f.work_email IS NOT NULL`,
      [jurisdiction],
    );
  }

  openOrganizationsIn(jurisdiction: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT id, name FROM organizations WHERE jurisdiction_code = $1 AND closed_on IS NULL ORDER BY name`,
      [jurisdiction],
    );
  }

  // -------------------------------------------------------------------------------------------
  // Facts of digests and reminders (one statement per jurisdiction each)

  overdueObligations(jurisdiction: string, now: Date): Promise<DigestObligationRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.organization_id AS "organizationId", o.name AS "organizationName", r.duty, r.recipient,
              r.due_at AS "dueAt"
         FROM reporting_obligations r JOIN organizations o ON o.id = r.organization_id
        WHERE r.jurisdiction_code = $1 AND r.fulfilled_at IS NULL AND r.due_at < $2`,
      [jurisdiction, now],
    );
  }

  obligationsDueBetween(
    jurisdiction: string,
    from: Date,
    to: Date,
  ): Promise<(DigestObligationRow & { clause: string })[]> {
    return this.dataSource.query(
      `SELECT r.id, r.organization_id AS "organizationId", o.name AS "organizationName", r.duty, r.recipient,
              r.due_at AS "dueAt", concat_ws(', ', r.citation->>'act' || ' № ' || (r.citation->>'number'), r.citation->>'clause') AS clause
         FROM reporting_obligations r JOIN organizations o ON o.id = r.organization_id
        WHERE r.jurisdiction_code = $1 AND r.fulfilled_at IS NULL AND r.due_at >= $2 AND r.due_at < $3`,
      [jurisdiction, from, to],
    );
  }

  /** Organizations of the kinds that keep plans, with their plan of `week` if any (exempt ones left out). */
  plansOfWeek(
    jurisdiction: string,
    kinds: OrganizationKind[],
    week: string,
  ): Promise<Omit<DigestPlanRow, 'submissionDueAt'>[]> {
    if (!kinds.length) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT o.id AS "organizationId", o.name AS "organizationName", $3::text AS week, cp.status,
              cp.submitted_at AS "submittedAt"
         FROM organizations o
         LEFT JOIN content_plans cp ON cp.organization_id = o.id AND cp.week = $3
        WHERE o.jurisdiction_code = $1 AND o.closed_on IS NULL AND o.kind::text = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM organization_exemptions e WHERE e.organization_id = o.id AND e.valid_to IS NULL)`,
      [jurisdiction, kinds, week],
    );
  }

  /** Findings opened or resolved in [from, to). */
  findingsBetween(jurisdiction: string, from: Date, to: Date): Promise<DigestFindingRow[]> {
    return this.dataSource.query(
      `SELECT f.id, f.organization_id AS "organizationId", o.name AS "organizationName", f.kind, f.severity,
              f.citation->>'clause' AS clause,
              f.first_seen_at AS "firstSeenAt", f.resolved_at AS "resolvedAt"
         FROM compliance_findings f JOIN organizations o ON o.id = f.organization_id
        WHERE f.jurisdiction_code = $1
          AND ((f.first_seen_at >= $2 AND f.first_seen_at < $3) OR (f.resolved_at >= $2 AND f.resolved_at < $3))`,
      [jurisdiction, from, to],
    );
  }
}

function preferencesOfRow(row: NotificationPreference): Preferences {
  const preferences = { emailEnabled: row.emailEnabled } as Preferences;
  for (const topic of PREFERENCE_TOPICS) preferences[topic] = row[topic];
  return preferences;
}
