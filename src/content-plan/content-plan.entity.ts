import type { StoredStyleHit } from '../compliance/style/style.rules';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../registry/organization.entity';
import type { PlanAction, PlanFormat, PlanStatus } from './plan-workflow.rules';

/** Per-item recommendation of the coordinator, kept with the transition that sent it (p.7). */
export interface ItemComment {
  itemId: string;
  position: number;
  topic: string;
  comment: string;
}

/**
 * The weekly content plan of one organization for one ISO week (Khabarovsk Положение 1 p.2.2, 5–7).
 * Deadlines are derived from the working-time engine when the plan is created or moves on, and
 * stored, so that a later calendar correction does not rewrite what the organization was told.
 */
@Entity('content_plans')
@Index('content_plans_org_week_key', ['organizationId', 'week'], { unique: true })
// The coordinator's queue: a jurisdiction's plans of a week by review deadline.
@Index('content_plans_queue_idx', ['jurisdictionCode', 'week', 'reviewDueAt'])
@Check('content_plans_week', `week ~ '^[0-9]{4}-W[0-9]{2}$'`)
@Check(
  'content_plans_status',
  `status IN ('draft', 'submitted', 'changes_requested', 'resubmitted', 'approved', 'no_news_declared')`,
)
@Check('content_plans_version', `version >= 1`)
// Once sent, the plan carries its first submission and its review deadline.
@Check(
  'content_plans_submitted',
  `status IN ('draft', 'no_news_declared') OR (submitted_at IS NOT NULL AND review_due_at IS NOT NULL)`,
)
@Check(
  'content_plans_changes_requested',
  `status <> 'changes_requested' OR (reviewed_at IS NOT NULL AND resubmission_due_at IS NOT NULL)`,
)
@Check('content_plans_approved', `status <> 'approved' OR reviewed_at IS NOT NULL`)
@Check('content_plans_no_news', `(status = 'no_news_declared') = (no_news_reason IS NOT NULL)`)
@Check(
  'content_plans_insufficient_reason',
  `insufficient_events_reason IS NULL OR length(btrim(insufficient_events_reason)) > 0`,
)
export class ContentPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  /** Target ISO week, 'YYYY-Www' (Monday–Sunday in the jurisdiction's zone). */
  @Column({ type: 'varchar', length: 8 })
  week!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: PlanStatus;

  /** Optimistic concurrency: every change names the version it was based on (If-Match). */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** p.6: penultimate working day of the week before, 17:00 local. */
  @Column({ name: 'submission_due_at', type: 'timestamptz' })
  submissionDueAt!: Date;

  /** p.7: one working day after the latest (re)submission. */
  @Column({ name: 'review_due_at', type: 'timestamptz', nullable: true })
  reviewDueAt!: Date | null;

  /** p.7: one working day after the latest request for changes. */
  @Column({ name: 'resubmission_due_at', type: 'timestamptz', nullable: true })
  resubmissionDueAt!: Date | null;

  /** First submission (or the no-news declaration), judged against submission_due_at. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'last_submitted_at', type: 'timestamptz', nullable: true })
  lastSubmittedAt!: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** p.5 ¶3: fewer publications than the minimum, for want of newsworthy events. */
  @Column({ name: 'insufficient_events_reason', type: 'varchar', length: 2000, nullable: true })
  insufficientEventsReason!: string | null;

  /** p.5 last paragraph: no newsworthy events at all that week. */
  @Column({ name: 'no_news_reason', type: 'varchar', length: 2000, nullable: true })
  noNewsReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One planned publication. */
/** A stored style hit of a plan item, with the field whose text it is in. */
export type PlanItemStyleHit = StoredStyleHit & { field: 'topic' | 'description' };

@Entity('content_plan_items')
@Index('content_plan_items_plan_position_key', ['planId', 'position'], { unique: true })
@Check(
  'content_plan_items_format',
  `format IN ('text', 'photo', 'infographic', 'cards', 'animation', 'video', 'live', 'poll', 'contest', 'promo', 'other')`,
)
@Check('content_plan_items_target', `cardinality(page_ids) + cardinality(networks) > 0`)
@Check('content_plan_items_position', `position >= 1`)
export class ContentPlanItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ContentPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: ContentPlan;

  @Column({ type: 'int' })
  position!: number;

  @Column({ name: 'planned_on', type: 'date' })
  plannedOn!: string;

  @Column({ name: 'planned_time', type: 'varchar', length: 5, nullable: true })
  plannedTime!: string | null;

  /** Official pages of the organization the item goes to. */
  @Column({ name: 'page_ids', type: 'uuid', array: true, default: () => "'{}'" })
  pageIds!: string[];

  /** Or whole networks (all of the organization's pages there). */
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  networks!: string[];

  @Column({ type: 'varchar', length: 500 })
  topic!: string;

  @Column({ type: 'varchar', length: 16 })
  format!: PlanFormat;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  author!: string | null;

  /** Style check hits of the topic and description (DOMAIN.md §4), computed when the item is saved. */
  @Column({ name: 'style_hits', type: 'jsonb', nullable: true })
  styleHits!: PlanItemStyleHit[] | null;
}

/**
 * Append-only audit of the workflow: who moved the plan, when, from which state to which, with
 * the comment and the per-item recommendations. A trigger (migration ContentPlans) refuses
 * UPDATE and DELETE.
 */
@Entity('content_plan_transitions')
@Index('content_plan_transitions_plan_idx', ['planId', 'id'])
@Check('content_plan_transitions_late', `late_by_seconds IS NULL OR late_by_seconds >= 0`)
export class ContentPlanTransition {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @ManyToOne(() => ContentPlan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: ContentPlan;

  @Column({ type: 'varchar', length: 24 })
  action!: PlanAction;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus!: PlanStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus!: PlanStatus;

  /** The plan's version after the transition. */
  @Column({ name: 'plan_version', type: 'int' })
  planVersion!: number;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 4000, nullable: true })
  comment!: string | null;

  @Column({ name: 'item_comments', type: 'jsonb', nullable: true })
  itemComments!: ItemComment[] | null;

  /** The deadline this step answered (submission, review or resubmission), if any. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'late_by_seconds', type: 'int', nullable: true })
  lateBySeconds!: number | null;
}

/** A recurring event that comes back every week (e.g. the Monday operational meeting). */
@Entity('content_plan_templates')
@Index('content_plan_templates_org_idx', ['organizationId'], { where: 'archived_at IS NULL' })
@Check('content_plan_templates_weekday', `weekday BETWEEN 1 AND 7`)
@Check(
  'content_plan_templates_format',
  `format IN ('text', 'photo', 'infographic', 'cards', 'animation', 'video', 'live', 'poll', 'contest', 'promo', 'other')`,
)
@Check('content_plan_templates_target', `cardinality(page_ids) + cardinality(networks) > 0`)
export class ContentPlanTemplate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Name of the recurring event. */
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'smallint' })
  weekday!: number;

  @Column({ name: 'planned_time', type: 'varchar', length: 5, nullable: true })
  plannedTime!: string | null;

  @Column({ name: 'page_ids', type: 'uuid', array: true, default: () => "'{}'" })
  pageIds!: string[];

  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  networks!: string[];

  @Column({ type: 'varchar', length: 500 })
  topic!: string;

  @Column({ type: 'varchar', length: 16 })
  format!: PlanFormat;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  author!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
