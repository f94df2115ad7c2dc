import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { NotificationKind, OutboxStatus, AttemptOutcome } from './notifications.rules';

/**
 * A message in the durable outbox. It is written in the same transaction as its cause (a plan
 * transition, a tick of the schedule); the delivery worker sends it later. `idempotency_key` names
 * the cause and the recipient (`digest:<jurisdiction>:<week>:<user>`), so a cause produces one
 * message whatever the number of workers or ticks; `message_id` is fixed at creation, so a resend
 * after a crash carries the same Message-ID and the peer can drop the duplicate.
 */
@Entity('notification_outbox')
@Index('notification_outbox_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('notification_outbox_message_id_key', ['messageId'], { unique: true })
// The delivery worker's claim: due rows in order of their next attempt.
@Index('notification_outbox_due_idx', ['nextAttemptAt'], { where: `status IN ('pending', 'sending')` })
@Index('notification_outbox_created_idx', ['createdAt'])
@Check('notification_outbox_status', `status IN ('pending', 'sending', 'sent', 'failed', 'suppressed')`)
@Check('notification_outbox_attempts', `attempts >= 0`)
@Check('notification_outbox_lease', `(status = 'sending') = (lease_until IS NOT NULL)`)
@Check('notification_outbox_sent', `(status = 'sent') = (sent_at IS NOT NULL)`)
@Check('notification_outbox_email', `recipient_email = lower(recipient_email)`)
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 300 })
  idempotencyKey!: string;

  /** RFC 5322 Message-ID with the angle brackets, e.g. `<uuid@notifications.example.ru>`. */
  @Column({ name: 'message_id', type: 'varchar', length: 300 })
  messageId!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: NotificationKind;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254 })
  recipientEmail!: string;

  @Column({ name: 'recipient_name', type: 'varchar', length: 300 })
  recipientName!: string;

  /** The user the message is for; null for a responsible official without an account. */
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  /** What the template renders; never a phone number of a person outside the organization. */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** While `sending`: until when the worker that claimed the row owns it. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 2000, nullable: true })
  lastError!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One try to hand a message to the SMTP server; an attempt without an outcome was interrupted. */
@Entity('notification_attempts')
@Index('notification_attempts_message_key', ['messageId', 'attempt'], { unique: true })
@Check('notification_attempts_outcome', `outcome IS NULL OR outcome IN ('sent', 'retry', 'failed', 'interrupted')`)
export class DeliveryAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @ManyToOne(() => OutboxMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: OutboxMessage;

  @Column({ type: 'int' })
  attempt!: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: AttemptOutcome | null;

  /** The SMTP server's answer or the error, as it came. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  response!: string | null;
}

/**
 * What a person wants to receive, by address: users and responsible officials (who may have no
 * account) alike. No row means everything on.
 */
@Entity('notification_preferences')
@Check('notification_preferences_email', `email = lower(email)`)
export class NotificationPreference {
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'email_enabled', type: 'boolean', default: true })
  emailEnabled!: boolean;

  @Column({ name: 'coordinator_digest', type: 'boolean', default: true })
  coordinatorDigest!: boolean;

  @Column({ name: 'organization_digest', type: 'boolean', default: true })
  organizationDigest!: boolean;

  @Column({ name: 'plan_reminders', type: 'boolean', default: true })
  planReminders!: boolean;

  @Column({ name: 'obligation_reminders', type: 'boolean', default: true })
  obligationReminders!: boolean;

  @Column({ name: 'quota_reminders', type: 'boolean', default: true })
  quotaReminders!: boolean;

  @Column({ name: 'workflow_notices', type: 'boolean', default: true })
  workflowNotices!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * The key that signs unsubscribe links when NOTIFICATIONS_SECRET is not set: generated once by
 * the first instance and shared by all through the database, so links survive restarts.
 */
@Entity('notification_secrets')
@Check('notification_secrets_single', `id = 1`)
export class NotificationSecret {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'varchar', length: 128 })
  secret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
