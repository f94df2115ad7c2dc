import { Role } from '../auth/role';
import {
  ACTION_ACTOR,
  allowedActions,
  awaitingReview,
  deadlineAnswered,
  lateBySeconds,
  lateFlags,
  nextStatus,
  pendingDeadline,
  quotaStanding,
} from './plan-workflow.rules';

const d = (iso: string) => new Date(iso);

describe('content-plan workflow (Khabarovsk Положение 1 p.5–7)', () => {
  it.each([
    [null, 'edit', 'draft'],
    ['draft', 'edit', 'draft'],
    ['changes_requested', 'edit', 'changes_requested'],
    ['draft', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'request_changes', 'changes_requested'],
    ['changes_requested', 'submit', 'resubmitted'],
    ['resubmitted', 'approve', 'approved'],
    ['resubmitted', 'request_changes', 'changes_requested'],
    [null, 'declare_no_news', 'no_news_declared'],
    ['draft', 'declare_no_news', 'no_news_declared'],
  ] as const)('moves %p by %p to %p', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ['submitted', 'edit'],
    ['approved', 'edit'],
    ['draft', 'approve'],
    ['draft', 'request_changes'],
    ['approved', 'approve'],
    ['approved', 'submit'],
    ['submitted', 'submit'],
    ['no_news_declared', 'submit'],
    ['submitted', 'declare_no_news'],
    [null, 'submit'],
  ] as const)('refuses %p → %p (nobody edits a sent plan except through the workflow)', (from, action) => {
    expect(nextStatus(from, action)).toBeUndefined();
  });

  it('offers a caller only the actions of the state that its role takes (p.6 press office, p.7 Committee)', () => {
    expect(allowedActions('submitted', Role.Coordinator)).toEqual(['approve', 'request_changes']);
    expect(allowedActions('submitted', Role.Editor)).toEqual([]);
    expect(allowedActions('submitted', Role.Admin)).toEqual(['approve', 'request_changes']);
    expect(allowedActions('draft', Role.Editor)).toEqual(['edit', 'submit', 'declare_no_news']);
    expect(allowedActions('draft', Role.Coordinator)).toEqual([]);
    expect(allowedActions('changes_requested', Role.Admin)).toEqual(['edit', 'submit', 'declare_no_news']);
    expect(allowedActions('submitted', Role.Viewer)).toEqual([]);
    expect(allowedActions('draft', Role.Viewer)).toEqual([]);
    expect(allowedActions('approved', Role.Admin)).toEqual([]);
  });

  it('counts lateness in seconds and never below zero (p.6 17:00)', () => {
    expect(lateBySeconds(d('2026-06-10T07:00:00Z'), d('2026-06-10T07:01:00Z'))).toBe(60);
    expect(lateBySeconds(d('2026-06-10T07:00:00Z'), d('2026-06-10T06:00:00Z'))).toBe(0);
  });

  it('flags late steps and the overdue pending one', () => {
    const plan = {
      status: 'submitted' as const,
      submissionDueAt: d('2026-06-10T07:00:00Z'),
      reviewDueAt: d('2026-06-11T08:00:00Z'),
      resubmissionDueAt: null,
    };
    const flags = lateFlags(
      [
        {
          action: 'submit',
          fromStatus: 'draft',
          at: d('2026-06-10T07:01:00Z'),
          dueAt: plan.submissionDueAt,
          lateBySeconds: 60,
        },
      ],
      plan,
      d('2026-06-11T09:00:00Z'),
    );
    expect(flags).toEqual([
      { kind: 'submission', dueAt: plan.submissionDueAt, doneAt: d('2026-06-10T07:01:00Z'), lateByMinutes: 1 },
      { kind: 'review', dueAt: plan.reviewDueAt, doneAt: null, lateByMinutes: 60 },
    ]);
  });

  it('excuses a shortfall only with a reason (p.5 ¶3)', () => {
    expect(quotaStanding(3, { minimumPerWeek: 5 }, null)).toEqual({
      minimumPerWeek: 5,
      planned: 3,
      shortfall: 2,
      excused: false,
    });
    expect(quotaStanding(3, { minimumPerWeek: 5 }, 'мало поводов')?.excused).toBe(true);
    expect(quotaStanding(3, undefined, null)).toBeUndefined();
  });

  it('lists every step a state allows, to an admin who may take both sides (p.5–7)', () => {
    expect(allowedActions(null, Role.Admin)).toEqual(['edit', 'declare_no_news']);
    expect(allowedActions('draft', Role.Admin)).toEqual(['edit', 'submit', 'declare_no_news']);
    expect(allowedActions('changes_requested', Role.Admin)).toEqual(['edit', 'submit', 'declare_no_news']);
    expect(allowedActions('resubmitted', Role.Admin)).toEqual(['approve', 'request_changes']);
    expect(allowedActions('no_news_declared', Role.Admin)).toEqual([]);
  });

  it('lets the organization send and the Committee decide (Khabarovsk Положение 1 p.6–7)', () => {
    expect(ACTION_ACTOR).toEqual({
      edit: 'organization',
      submit: 'organization',
      declare_no_news: 'organization',
      approve: 'coordinator',
      request_changes: 'coordinator',
    });
  });

  it('awaits the Committee only on a sent or resent plan (Khabarovsk Положение 1 p.7)', () => {
    expect(['submitted', 'resubmitted'].every((status) => awaitingReview(status as 'submitted'))).toBe(true);
    for (const status of [null, 'draft', 'changes_requested', 'approved', 'no_news_declared'] as const) {
      expect(awaitingReview(status)).toBe(false);
    }
  });

  describe('the deadline a plan waits on (Khabarovsk Положение 1 p.6–7)', () => {
    const plan = {
      submissionDueAt: d('2026-06-11T07:00:00Z'),
      reviewDueAt: d('2026-06-12T07:00:00Z'),
      resubmissionDueAt: d('2026-06-15T07:00:00Z'),
    };

    it.each([
      [null, { kind: 'submission', dueAt: plan.submissionDueAt }],
      ['draft', { kind: 'submission', dueAt: plan.submissionDueAt }],
      ['submitted', { kind: 'review', dueAt: plan.reviewDueAt }],
      ['resubmitted', { kind: 'review', dueAt: plan.reviewDueAt }],
      ['changes_requested', { kind: 'resubmission', dueAt: plan.resubmissionDueAt }],
      ['approved', undefined],
      ['no_news_declared', undefined],
    ] as const)('%p waits on %p', (status, expected) => {
      expect(pendingDeadline({ ...plan, status })).toEqual(expected);
    });

    it('waits on nothing while the review or resubmission deadline is not set yet', () => {
      expect(pendingDeadline({ ...plan, status: 'submitted', reviewDueAt: null })).toBeUndefined();
      expect(pendingDeadline({ ...plan, status: 'changes_requested', resubmissionDueAt: null })).toBeUndefined();
    });

    it.each([
      [null, 'submit', 'submission'],
      ['draft', 'submit', 'submission'],
      ['changes_requested', 'submit', 'resubmission'],
      ['draft', 'declare_no_news', 'submission'],
      ['changes_requested', 'declare_no_news', 'resubmission'],
      ['submitted', 'approve', 'review'],
      ['resubmitted', 'request_changes', 'review'],
      ['draft', 'edit', undefined],
    ] as const)('%p → %p answers the %p deadline', (from, action, kind) => {
      expect(deadlineAnswered(from, action)).toBe(kind);
    });
  });

  describe('lateness (Khabarovsk Положение 1 p.6 «до 17:00», p.7 «в течение одного рабочего дня»)', () => {
    const plan = {
      status: 'changes_requested' as const,
      submissionDueAt: d('2026-06-11T07:00:00Z'),
      reviewDueAt: d('2026-06-12T07:00:00Z'),
      resubmissionDueAt: d('2026-06-15T07:00:00Z'),
    };
    const onTime = {
      action: 'submit' as const,
      fromStatus: 'draft' as const,
      at: d('2026-06-11T06:00:00Z'),
      dueAt: plan.submissionDueAt,
      lateBySeconds: 0,
    };

    it('does not report a step taken on time, nor one without a deadline or lateness', () => {
      const noDeadline = { ...onTime, dueAt: null, lateBySeconds: 90 };
      const unknownLateness = { ...onTime, lateBySeconds: null };
      const edit = { ...onTime, action: 'edit' as const, lateBySeconds: 90 };
      expect(lateFlags([onTime, noDeadline, unknownLateness, edit], plan, d('2026-06-13T00:00:00Z'))).toEqual([]);
    });

    it('does not report the pending step before its deadline, nor at the deadline itself', () => {
      expect(lateFlags([], plan, d('2026-06-14T07:00:00Z'))).toEqual([]);
      expect(lateFlags([], plan, plan.resubmissionDueAt)).toEqual([]);
    });

    it('reports the pending resubmission once its deadline has passed, rounding lateness up to a minute', () => {
      expect(lateFlags([], plan, d('2026-06-15T07:00:01Z'))).toEqual([
        { kind: 'resubmission', dueAt: plan.resubmissionDueAt, doneAt: null, lateByMinutes: 1 },
      ]);
    });

    it('reports nothing pending for an approved plan however late it is now', () => {
      expect(lateFlags([], { ...plan, status: 'approved' }, d('2027-01-01T00:00:00Z'))).toEqual([]);
    });
  });

  it('does not excuse a plan that meets the quota, reason or not (p.5 ¶3)', () => {
    expect(quotaStanding(5, { minimumPerWeek: 5 }, 'мало поводов')).toEqual({
      minimumPerWeek: 5,
      planned: 5,
      shortfall: 0,
      excused: false,
    });
    expect(quotaStanding(7, { minimumPerWeek: 5 }, null)?.shortfall).toBe(0);
    expect(quotaStanding(3, { minimumPerWeek: 5 }, '')?.excused).toBe(false);
  });
});
