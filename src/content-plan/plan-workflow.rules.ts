import { Role } from '../auth/role';

/**
 * The weekly content-plan workflow (Khabarovsk Положение 1 p.5–7) as plain data: which action
 * moves a plan from which state to which, who may take it, and how late a step was.
 */

export const PLAN_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'resubmitted',
  'approved',
  'no_news_declared',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_FORMATS = [
  'text',
  'photo',
  'infographic',
  'cards',
  'animation',
  'video',
  'live',
  'poll',
  'contest',
  'promo',
  'other',
] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export type PlanAction = 'edit' | 'submit' | 'approve' | 'request_changes' | 'declare_no_news';

/** Who takes an action: the organization's press office or the coordinating body. */
export type PlanActor = 'organization' | 'coordinator';

/** `null` is "no plan yet". */
export type PlanState = PlanStatus | null;

const EDITABLE: readonly PlanState[] = [null, 'draft', 'changes_requested'];
const AWAITING_REVIEW: readonly PlanState[] = ['submitted', 'resubmitted'];

export const ACTION_ACTOR: Record<PlanAction, PlanActor> = {
  edit: 'organization',
  submit: 'organization',
  declare_no_news: 'organization',
  approve: 'coordinator',
  request_changes: 'coordinator',
};

/**
 * The roles that act for each side: the press office edits and sends (p.6), the Committee approves
 * or recommends (p.7); admins may act for either. Viewers act for none. The routes' access rules and
 * the actions offered on a plan are both read from here.
 */
export const ACTOR_ROLES: Record<PlanActor, readonly Role[]> = {
  organization: [Role.Admin, Role.Editor],
  coordinator: [Role.Admin, Role.Coordinator],
};

/** Roles that may take `action`. */
export function rolesFor(action: PlanAction): Role[] {
  return [...ACTOR_ROLES[ACTION_ACTOR[action]]];
}

/**
 * The state an action leads to, or undefined when it is not allowed from `from`:
 * draft → submitted → approved | changes_requested → (edited) resubmitted → approved | … ;
 * no_news_declared (p.5 last paragraph) replaces a plan that was not yet approved.
 * Nobody edits a submitted plan except through the workflow.
 */
export function nextStatus(from: PlanState, action: PlanAction): PlanStatus | undefined {
  switch (action) {
    case 'edit':
      return EDITABLE.includes(from) ? (from ?? 'draft') : undefined;
    case 'submit':
      return from === 'draft' ? 'submitted' : from === 'changes_requested' ? 'resubmitted' : undefined;
    case 'approve':
      return AWAITING_REVIEW.includes(from) ? 'approved' : undefined;
    case 'request_changes':
      return AWAITING_REVIEW.includes(from) ? 'changes_requested' : undefined;
    case 'declare_no_news':
      return EDITABLE.includes(from) ? 'no_news_declared' : undefined;
  }
}

/**
 * Actions a caller in `role` may take from a state (shown on the plan so that clients need not
 * know the table): the state allows them and the role acts for their side.
 */
export function allowedActions(from: PlanState, role: Role): PlanAction[] {
  const actions: PlanAction[] = ['edit', 'submit', 'approve', 'request_changes', 'declare_no_news'];
  return actions.filter((action) => nextStatus(from, action) !== undefined && rolesFor(action).includes(role));
}

export function awaitingReview(status: PlanState): boolean {
  return AWAITING_REVIEW.includes(status);
}

/** Seconds a step came after its deadline; 0 when on time. Lateness is recorded, never refused. */
export function lateBySeconds(dueAt: Date, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - dueAt.getTime()) / 1000));
}

export type PendingDeadline = 'submission' | 'review' | 'resubmission';

/** The deadline a plan in `status` is waiting on, if any. */
export function pendingDeadline(plan: {
  status: PlanState;
  submissionDueAt: Date;
  reviewDueAt: Date | null;
  resubmissionDueAt: Date | null;
}): { kind: PendingDeadline; dueAt: Date } | undefined {
  switch (plan.status) {
    case null:
    case 'draft':
      return { kind: 'submission', dueAt: plan.submissionDueAt };
    case 'submitted':
    case 'resubmitted':
      return plan.reviewDueAt ? { kind: 'review', dueAt: plan.reviewDueAt } : undefined;
    case 'changes_requested':
      return plan.resubmissionDueAt ? { kind: 'resubmission', dueAt: plan.resubmissionDueAt } : undefined;
    // Stryker disable StringLiteral,ConditionalExpression: equivalent, a status no case names also gives undefined
    case 'approved':
    case 'no_news_declared':
      return undefined;
  }
}
// Stryker restore StringLiteral,ConditionalExpression

/** Which deadline a transition answers, for its lateness. */
export function deadlineAnswered(from: PlanState, action: PlanAction): PendingDeadline | undefined {
  switch (action) {
    // Stryker disable next-line ConditionalExpression: equivalent, falling through to the next case gives the same answer
    case 'submit':
      return from === 'changes_requested' ? 'resubmission' : 'submission';
    case 'declare_no_news':
      return from === 'changes_requested' ? 'resubmission' : 'submission';
    case 'approve':
    case 'request_changes':
      return 'review';
    // Stryker disable next-line StringLiteral,ConditionalExpression: equivalent, no case also gives undefined
    case 'edit':
      return undefined;
  }
}

export interface QuotaFacts {
  minimumPerWeek: number;
}

/**
 * p.5 ¶2–3: fewer publications than the minimum are allowed when there are not enough newsworthy
 * events; the plan then says why and the shortfall counts as excused, not hidden.
 */
export function quotaStanding(planned: number, quota: QuotaFacts | undefined, insufficientEventsReason: string | null) {
  if (!quota) return undefined;
  const shortfall = Math.max(0, quota.minimumPerWeek - planned);
  return {
    minimumPerWeek: quota.minimumPerWeek,
    planned,
    shortfall,
    excused: shortfall > 0 && !!insufficientEventsReason,
  };
}

export interface TransitionFacts {
  action: PlanAction;
  fromStatus: PlanState;
  at: Date;
  dueAt: Date | null;
  lateBySeconds: number | null;
}

export interface LateFlag {
  kind: PendingDeadline;
  dueAt: Date;
  /** null while the step is still pending. */
  doneAt: Date | null;
  lateByMinutes: number;
}

const minutes = (seconds: number) => Math.ceil(seconds / 60);

/**
 * Late submission, review and resubmission (p.6–7), each with how late: the steps taken after
 * their deadline, and the pending step when its deadline has passed by `now`.
 */
export function lateFlags(
  transitions: readonly TransitionFacts[],
  plan: { status: PlanState; submissionDueAt: Date; reviewDueAt: Date | null; resubmissionDueAt: Date | null },
  now: Date,
): LateFlag[] {
  const flags: LateFlag[] = [];
  for (const t of transitions) {
    const kind = deadlineAnswered(t.fromStatus, t.action);
    if (kind && t.dueAt && t.lateBySeconds) {
      flags.push({ kind, dueAt: t.dueAt, doneAt: t.at, lateByMinutes: minutes(t.lateBySeconds) });
    }
  }
  const pending = pendingDeadline(plan);
  if (pending && now > pending.dueAt) {
    flags.push({ ...pending, doneAt: null, lateByMinutes: minutes(lateBySeconds(pending.dueAt, now)) });
  }
  return flags;
}
