import { Role } from '../auth/role';
import { allowedActions, lateBySeconds, lateFlags, nextStatus, quotaStanding } from './plan-workflow.rules';

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
});
