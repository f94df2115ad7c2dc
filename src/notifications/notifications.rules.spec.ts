import { createHmac } from 'crypto';
import { WorkingCalendar } from '../calendar/working-calendar';
import type { JurisdictionTime } from '../calendar/working-time';
import { shippedYears } from '../calendar/year-definition';
import {
  afterFailure,
  changedPreferences,
  digestContent,
  DigestFacts,
  keys,
  dueSlots,
  MAX_ATTEMPTS,
  messageIdFor,
  planNeedsReminder,
  quotaAtRisk,
  recipientsOf,
  retryDelaySeconds,
  signUnsubscribe,
  UserCandidate,
  verifyUnsubscribe,
  wants,
  DEFAULT_PREFERENCES,
} from './notifications.rules';

const federal = new WorkingCalendar(shippedYears());
const khabarovsk: JurisdictionTime = { code: 'khabarovsk-krai', timeZone: 'Asia/Vladivostok', calendar: federal };
const blagodarny: JurisdictionTime = { code: 'blagodarny-mo', timeZone: 'Europe/Moscow', calendar: federal };

const user = (over: Partial<UserCandidate>): UserCandidate => ({
  id: 'u',
  email: 'u@x.ru',
  fullName: 'U',
  role: 'editor',
  isActive: true,
  jurisdictions: [],
  organizations: [],
  ...over,
});

describe('recipients', () => {
  const users = [
    user({ id: 'c1', email: 'C1@x.ru', role: 'coordinator', jurisdictions: ['khabarovsk-krai'] }),
    user({ id: 'c2', email: 'c2@x.ru', role: 'coordinator', jurisdictions: ['blagodarny-mo'] }),
    user({ id: 'c3', email: 'c3@x.ru', role: 'coordinator', jurisdictions: ['khabarovsk-krai'], isActive: false }),
    user({ id: 'e1', email: 'e1@x.ru', role: 'editor', organizations: ['org-a'] }),
    user({ id: 'e2', email: 'e2@x.ru', role: 'editor', organizations: ['org-b'] }),
    user({ id: 'a1', email: 'a1@x.ru', role: 'admin', jurisdictions: ['khabarovsk-krai'], organizations: ['org-a'] }),
    user({ id: 'v1', email: 'v1@x.ru', role: 'viewer', organizations: ['org-a'] }),
  ];
  const officials = [
    {
      organizationId: 'org-a',
      fullName: 'Ответственный А',
      workEmail: 'resp@a.ru',
      roles: ['responsible'],
      activeFrom: '2026-01-01',
      activeTo: null,
    },
    {
      organizationId: 'org-a',
      fullName: 'Бывший',
      workEmail: 'old@a.ru',
      roles: ['responsible'],
      activeFrom: '2025-01-01',
      activeTo: '2025-12-31',
    },
    {
      organizationId: 'org-a',
      fullName: 'Исполнитель',
      workEmail: 'exec@a.ru',
      roles: ['executor'],
      activeFrom: '2026-01-01',
      activeTo: null,
    },
    {
      organizationId: 'org-b',
      fullName: 'Ответственный Б',
      workEmail: 'resp@b.ru',
      roles: ['responsible'],
      activeFrom: '2026-01-01',
      activeTo: null,
    },
  ];

  it('sends a jurisdiction message to its active coordinators only, lower-cased', () => {
    expect(recipientsOf({ kind: 'coordinators', jurisdiction: 'khabarovsk-krai' }, users).map((p) => p.email)).toEqual([
      'c1@x.ru',
    ]);
  });

  it('sends a workflow notice to the organization’s editors only', () => {
    expect(recipientsOf({ kind: 'editors', organizationId: 'org-a' }, users, officials).map((p) => p.email)).toEqual([
      'e1@x.ru',
    ]);
  });

  it('adds the responsible official in office, never another organization’s or a former one', () => {
    const people = recipientsOf(
      { kind: 'organization', organizationId: 'org-a', today: '2026-06-15' },
      users,
      officials,
    );
    expect(people).toEqual([
      { email: 'e1@x.ru', name: 'U', userId: 'e1' },
      { email: 'resp@a.ru', name: 'Ответственный А', userId: null },
    ]);
  });

  it('sends one message per address', () => {
    const twice = [...users, user({ id: 'e9', email: 'E1@x.ru', organizations: ['org-a'] })];
    expect(recipientsOf({ kind: 'editors', organizationId: 'org-a' }, twice)).toHaveLength(1);
  });
});

describe('preferences', () => {
  it('has everything on by default, and e-mail off stops everything', () => {
    expect(wants(undefined, 'coordinator_digest')).toBe(true);
    expect(wants({ ...DEFAULT_PREFERENCES, emailEnabled: false }, 'plan_submitted')).toBe(false);
    expect(wants({ ...DEFAULT_PREFERENCES, coordinatorDigest: false }, 'coordinator_digest')).toBe(false);
    expect(wants({ ...DEFAULT_PREFERENCES, coordinatorDigest: false }, 'organization_digest')).toBe(true);
  });

  it('changes only the fields a change sets: left out or undefined keeps the stored value', () => {
    const stored = { ...DEFAULT_PREFERENCES, coordinatorDigest: false };
    expect(changedPreferences(stored, {})).toEqual(stored);
    expect(changedPreferences(stored, { coordinatorDigest: undefined, planReminders: undefined })).toEqual(stored);
    expect(changedPreferences(stored, { planReminders: false, coordinatorDigest: true })).toEqual({
      ...DEFAULT_PREFERENCES,
      planReminders: false,
    });
  });
});

describe('backoff', () => {
  it('doubles from one minute and is capped at six hours', () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([60, 120, 240, 480, 960]);
    expect(retryDelaySeconds(20)).toBe(6 * 3600);
  });

  it('retries a temporary failure and gives up after the last attempt or on a permanent 5xx', () => {
    const now = new Date('2026-06-15T00:00:00Z');
    expect(afterFailure(1, now, 451)).toEqual({ status: 'pending', nextAttemptAt: new Date('2026-06-15T00:01:00Z') });
    expect(afterFailure(3, now, undefined).nextAttemptAt).toEqual(new Date('2026-06-15T00:04:00Z'));
    expect(afterFailure(MAX_ATTEMPTS, now, 421).status).toBe('failed');
    expect(afterFailure(1, now, 550).status).toBe('failed');
  });

  it('makes a Message-ID on the service’s host', () => {
    expect(messageIdFor('abc', 'https://reestr.example.ru/x')).toBe('<abc@notifications.reestr.example.ru>');
  });
});

describe('what is due at an instant', () => {
  const kinds = (now: string, j = khabarovsk, plans = true) =>
    dueSlots(new Date(now), j, plans).map((s) => ('stage' in s ? `${s.kind}:${s.week}:${s.stage}` : `${s.kind}`));

  it('digests on Monday 09:00 local time, Khabarovsk seven hours ahead of Moscow', () => {
    // 2026-06-15 is a Monday; 09:00 in Khabarovsk is 23:00 UTC on Sunday.
    expect(kinds('2026-06-14T22:59:00Z')).not.toContain('weekly_digest');
    const [digest] = dueSlots(new Date('2026-06-14T23:00:00Z'), khabarovsk, true);
    expect(digest).toMatchObject({ kind: 'weekly_digest', week: '2026-W24' });
    expect(kinds('2026-06-14T23:00:00Z', blagodarny, false)).not.toContain('weekly_digest');
    expect(kinds('2026-06-15T06:00:00Z', blagodarny, false)).toContain('weekly_digest');
    // Past the catch-up window nothing is sent for that Monday any more.
    expect(kinds('2026-06-15T05:00:00Z')).not.toContain('weekly_digest');
  });

  it('reminds of the plan the day before and on the due day at 12:00 local (Khabarovsk Положение 1 p.6)', () => {
    // Plan for 2026-W26 is due Thursday 2026-06-18 17:00 (+10).
    expect(kinds('2026-06-17T02:00:00Z')).toContain('plan_due:2026-W26:day_before');
    expect(kinds('2026-06-18T02:30:00Z')).toContain('plan_due:2026-W26:due_day');
    expect(kinds('2026-06-18T01:59:00Z')).not.toContain('plan_due:2026-W26:due_day');
    // Not after the deadline itself, even within the catch-up window.
    expect(kinds('2026-06-18T07:00:00Z')).not.toContain('plan_due:2026-W26:due_day');
    expect(kinds('2026-06-17T02:00:00Z', khabarovsk, false).some((k) => k.startsWith('plan_due'))).toBe(false);
  });

  it('moves the plan reminders with the due day when Friday is a holiday (12 June 2026)', () => {
    // Week 2026-W24 has 12 June (Friday) off, so the plan for W25 is due Wednesday 10 June.
    expect(kinds('2026-06-09T02:00:00Z')).toContain('plan_due:2026-W25:day_before');
    expect(kinds('2026-06-10T02:00:00Z')).toContain('plan_due:2026-W25:due_day');
    expect(kinds('2026-06-11T02:00:00Z')).not.toContain('plan_due:2026-W25:due_day');
  });

  it('checks quotas at risk on Thursday 12:00 and obligations due tomorrow every day at 12:00', () => {
    expect(kinds('2026-06-18T02:00:00Z')).toContain('quota_at_risk');
    expect(kinds('2026-06-17T02:00:00Z')).not.toContain('quota_at_risk');
    const slot = dueSlots(new Date('2026-06-16T09:30:00Z'), blagodarny, false).find((s) => s.kind === 'obligation_due');
    expect(slot).toMatchObject({ tomorrow: '2026-06-17' });
  });

  it('reminds only of plans not yet sent, and flags fewer than half the minimum', () => {
    expect([null, 'draft', 'submitted', 'changes_requested', 'no_news_declared'].map(planNeedsReminder)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(quotaAtRisk({ required: 5, published: 2, status: 'short' })).toBe(true);
    expect(quotaAtRisk({ required: 5, published: 3, status: 'short' })).toBe(false);
    expect(quotaAtRisk({ required: 4, published: 2, status: 'short' })).toBe(false);
    expect(quotaAtRisk({ required: null, published: 0, status: 'not_applicable' })).toBe(false);
    expect(quotaAtRisk({ required: 3, published: 0, status: 'exempt' })).toBe(false);
  });
});

describe('digest content', () => {
  const d = (iso: string) => new Date(iso);
  const facts: DigestFacts = {
    quota: [
      { organizationId: 'b', organizationName: 'Б', status: 'short', required: 3, published: 1, pages: [] },
      { organizationId: 'a', organizationName: 'А', status: 'met', required: 3, published: 3, pages: [] },
    ],
    overdueObligations: [
      {
        id: 'o1',
        organizationId: 'a',
        organizationName: 'А',
        duty: 'сообщить',
        recipient: 'ЦУР',
        dueAt: d('2026-06-10T15:00:00Z'),
      },
    ],
    plans: [
      {
        organizationId: 'a',
        organizationName: 'А',
        week: '2026-W26',
        status: null,
        submissionDueAt: d('2026-06-18T07:00:00Z'),
        submittedAt: null,
      },
      {
        organizationId: 'b',
        organizationName: 'Б',
        week: '2026-W26',
        status: 'approved',
        submissionDueAt: d('2026-06-18T07:00:00Z'),
        submittedAt: d('2026-06-18T08:00:00Z'),
      },
      {
        organizationId: 'c',
        organizationName: 'В',
        week: '2026-W26',
        status: 'submitted',
        submissionDueAt: d('2026-06-18T07:00:00Z'),
        submittedAt: d('2026-06-18T06:00:00Z'),
      },
    ],
    findings: [
      {
        id: '1',
        organizationId: 'a',
        organizationName: 'А',
        kind: 'quota_short',
        severity: 'violation',
        clause: 'п.4',
        firstSeenAt: d('2026-06-16T00:00:00Z'),
        resolvedAt: null,
      },
      {
        id: '2',
        organizationId: 'b',
        organizationName: 'Б',
        kind: 'no_gosuslugi_mark',
        severity: 'recommendation',
        clause: 'п.3.2',
        firstSeenAt: d('2026-05-01T00:00:00Z'),
        resolvedAt: d('2026-06-17T00:00:00Z'),
      },
      {
        id: '3',
        organizationId: 'b',
        organizationName: 'Б',
        kind: 'comments_closed',
        severity: 'violation',
        clause: 'п.9',
        firstSeenAt: d('2026-05-01T00:00:00Z'),
        resolvedAt: null,
      },
    ],
  };
  const period = { from: d('2026-06-15T06:00:00Z'), to: d('2026-06-22T06:00:00Z') };

  it('selects short organizations, overdue obligations, missing or late plans, new and resolved findings', () => {
    const content = digestContent(facts, period);
    expect(content.belowQuota.map((o) => o.organizationId)).toEqual(['b']);
    expect(content.overdueObligations.map((o) => o.id)).toEqual(['o1']);
    expect(content.latePlans.map((p) => [p.organizationId, p.state])).toEqual([
      ['a', 'missing'],
      ['b', 'late'],
    ]);
    expect(content.newFindings.map((f) => f.id)).toEqual(['1']);
    expect(content.resolvedFindings.map((f) => f.id)).toEqual(['2']);
    expect(content.empty).toBe(false);
  });

  it('keeps an organization’s digest to that organization', () => {
    const content = digestContent(facts, period, 'a');
    expect(content.belowQuota).toEqual([]);
    expect(content.latePlans.map((p) => p.organizationId)).toEqual(['a']);
    expect(content.resolvedFindings).toEqual([]);
    expect(digestContent(facts, period, 'z').empty).toBe(true);
  });

  it('reads the period as [from, to): a finding at its start counts, one at its end and an obligation due then do not', () => {
    const [finding] = facts.findings;
    const [obligation] = facts.overdueObligations;
    const edges: DigestFacts = {
      quota: [],
      plans: [],
      overdueObligations: [{ ...obligation!, dueAt: period.to }],
      findings: [
        { ...finding!, id: 'from', firstSeenAt: period.from, resolvedAt: period.from },
        { ...finding!, id: 'to', firstSeenAt: period.to, resolvedAt: period.to },
      ],
    };
    const content = digestContent(edges, period);
    expect([content.newFindings, content.resolvedFindings].map((list) => list.map((f) => f.id))).toEqual([
      ['from'],
      ['from'],
    ]);
    expect(content.overdueObligations).toEqual([]);
  });

  it('lists a draft as missing and a plan sent at its due instant as on time', () => {
    const [missing, late] = facts.plans;
    const content = digestContent(
      {
        ...facts,
        plans: [
          { ...missing!, status: 'draft' },
          { ...late!, organizationId: 'b', status: 'submitted', submittedAt: late!.submissionDueAt },
        ],
      },
      period,
    );
    expect(content.latePlans.map((p) => [p.organizationId, p.state])).toEqual([['a', 'missing']]);
  });

  it('shows only the short pages of a short organization, organizations by name and obligations by due date', () => {
    const page = (url: string, status: string) => ({ network: 'vk', url, status, required: 3, published: 1 });
    const [obligation] = facts.overdueObligations;
    const content = digestContent(
      {
        ...facts,
        quota: [
          {
            ...facts.quota[0]!,
            organizationName: 'Б',
            pages: [page('https://vk.com/b1', 'short'), page('https://vk.com/b2', 'met')],
          },
          { ...facts.quota[0]!, organizationId: 'a', organizationName: 'А', pages: [] },
        ],
        overdueObligations: [
          { ...obligation!, id: 'later', dueAt: d('2026-06-12T15:00:00Z') },
          { ...obligation!, id: 'other', organizationName: 'Б', dueAt: d('2026-06-01T15:00:00Z') },
          { ...obligation!, id: 'earlier', dueAt: d('2026-06-10T15:00:00Z') },
        ],
      },
      period,
    );
    expect(content.belowQuota.map((o) => [o.organizationName, o.pages.map((p) => p.url)])).toEqual([
      ['А', []],
      ['Б', ['https://vk.com/b1']],
    ]);
    expect(content.overdueObligations.map((o) => o.id)).toEqual(['earlier', 'later', 'other']);
  });

  it('is not empty while any one list has a line', () => {
    const none: DigestFacts = { quota: [], overdueObligations: [], plans: [], findings: [] };
    expect(digestContent(none, period).empty).toBe(true);
    for (const key of ['quota', 'overdueObligations', 'plans'] as const) {
      expect(digestContent({ ...none, [key]: facts[key] }, period).empty).toBe(false);
    }
    expect(digestContent({ ...none, findings: [facts.findings[0]!] }, period).empty).toBe(false);
    expect(digestContent({ ...none, findings: [facts.findings[1]!] }, period).empty).toBe(false);
  });
});

describe('unsubscribe token', () => {
  it('verifies its own signature and refuses a changed payload or another secret', () => {
    const token = signUnsubscribe({ email: 'a@x.ru', topic: 'coordinatorDigest' }, 'secret-1');
    expect(verifyUnsubscribe(token, 'secret-1')).toEqual({ email: 'a@x.ru', topic: 'coordinatorDigest' });
    expect(verifyUnsubscribe(token, 'secret-2')).toBeUndefined();
    const forged = signUnsubscribe({ email: 'b@x.ru', topic: 'coordinatorDigest' }, 'secret-1');
    expect(verifyUnsubscribe(`${forged.split('.')[0]}.${token.split('.')[1]}`, 'secret-1')).toBeUndefined();
    expect(verifyUnsubscribe('garbage', 'secret-1')).toBeUndefined();
  });
});

describe('notification rules at their edges', () => {
  const kinds = [
    ['coordinator_digest', 'coordinatorDigest'],
    ['organization_digest', 'organizationDigest'],
    ['plan_due_reminder', 'planReminders'],
    ['obligation_due_reminder', 'obligationReminders'],
    ['quota_at_risk', 'quotaReminders'],
    ['plan_submitted', 'workflowNotices'],
    ['plan_changes_requested', 'workflowNotices'],
    ['plan_approved', 'workflowNotices'],
  ] as const;

  it.each(kinds)('sends %s by default and obeys its own switch, %s, alone', (kind, topic) => {
    expect(wants(undefined, kind)).toBe(true);
    const allOff = { ...DEFAULT_PREFERENCES, [topic]: false };
    expect(wants(allOff, kind)).toBe(false);
    const onlyThis = Object.fromEntries(
      Object.keys(DEFAULT_PREFERENCES).map((k) => [k, k === topic || k === 'emailEnabled']),
    );
    expect(wants(onlyThis as typeof DEFAULT_PREFERENCES, kind)).toBe(true);
  });

  it('gives up on SMTP codes 500 to 599 only', () => {
    const now = new Date('2026-06-15T09:00:00Z');
    expect([499, 500, 599, 600, undefined].map((code) => afterFailure(1, now, code).status)).toEqual([
      'pending',
      'failed',
      'failed',
      'pending',
      'pending',
    ]);
  });

  it('sends only to a whole e-mail address, not to one inside other text', () => {
    const odd = [
      user({ id: 'e1', email: 'Иван <ivan@x.ru>', organizations: ['org-a'] }),
      user({ id: 'e2', email: 'petr@x.ru, копия', organizations: ['org-a'] }),
      user({ id: 'e3', email: ' Anna@X.ru ', organizations: ['org-a'] }),
    ];
    expect(recipientsOf({ kind: 'editors', organizationId: 'org-a' }, odd).map((p) => p.email)).toEqual(['anna@x.ru']);
  });

  it('counts a responsible official in office from the first day to the last', () => {
    const official = (activeFrom: string, activeTo: string | null, workEmail: string) => ({
      organizationId: 'org-a',
      fullName: 'Ответственный',
      workEmail,
      roles: ['responsible'],
      activeFrom,
      activeTo,
    });
    const people = recipientsOf(
      { kind: 'organization', organizationId: 'org-a', today: '2026-06-15' },
      [],
      [
        official('2026-06-15', null, 'first@a.ru'),
        official('2026-01-01', '2026-06-15', 'last@a.ru'),
        official('2026-06-16', null, 'tomorrow@a.ru'),
        official('2026-01-01', '2026-06-14', 'yesterday@a.ru'),
      ],
    );
    expect(people.map((p) => p.email)).toEqual(['first@a.ru', 'last@a.ru']);
  });

  it('does not warn of a quota at risk for an exempt, not applicable or excused page', () => {
    for (const status of ['exempt', 'not_applicable', 'excused']) {
      expect(quotaAtRisk({ required: 3, published: 0, status })).toBe(false);
    }
    expect(quotaAtRisk({ required: 3, published: 1, status: 'short' })).toBe(true);
  });

  it('refuses an unsubscribe token with a third part, a short signature, or a claim it cannot read', () => {
    const token = signUnsubscribe({ email: 'a@x.ru', topic: 'planReminders' }, 'secret-1');
    const [payload, mac] = token.split('.');
    expect(verifyUnsubscribe(`${token}.x`, 'secret-1')).toBeUndefined();
    expect(verifyUnsubscribe(`${payload}.`, 'secret-1')).toBeUndefined();
    expect(verifyUnsubscribe(`${payload}.${mac!.slice(0, 10)}`, 'secret-1')).toBeUndefined();
    const signed = (claim: unknown) => {
      const body = Buffer.from(typeof claim === 'string' ? claim : JSON.stringify(claim)).toString('base64url');
      return `${body}.${createHmac('sha256', 'secret-1').update(body).digest('base64url')}`;
    };
    expect(verifyUnsubscribe(signed({ e: 'a@x.ru', t: 'planReminders' }), 'secret-1')).toEqual({
      email: 'a@x.ru',
      topic: 'planReminders',
    });
    for (const claim of [{ e: 5, t: 'planReminders' }, { e: 'a@x.ru', t: 'everything' }, 'not json']) {
      expect(verifyUnsubscribe(signed(claim), 'secret-1')).toBeUndefined();
    }
  });

  it('keys each message by its cause and its recipient, so that a slot sends it once', () => {
    expect([
      keys.coordinatorDigest('khabarovsk-krai', '2026-W25', 'a@x.ru'),
      keys.organizationDigest('org-a', '2026-W25', 'a@x.ru'),
      keys.planDue('org-a', '2026-W26', 'due_day', 'a@x.ru'),
      keys.obligationDue('obl-1', 'a@x.ru'),
      keys.quotaAtRisk('org-a', '2026-W25', 'a@x.ru'),
      keys.workflow('plan-1', 3, 'plan_approved', 'a@x.ru'),
    ]).toEqual([
      'digest:khabarovsk-krai:2026-W25:a@x.ru',
      'org-digest:org-a:2026-W25:a@x.ru',
      'plan-due:org-a:2026-W26:due_day:a@x.ru',
      'obligation-due:obl-1:a@x.ru',
      'quota-risk:org-a:2026-W25:a@x.ru',
      'plan:plan-1:v3:plan_approved:a@x.ru',
    ]);
  });
});
