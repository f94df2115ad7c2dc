import request from 'supertest';
import { api, asAdmin, aUser, anOrganization, bearer, checkedAgent, expectProblem } from './support/api';
import { aCoordinator, planAction, putItems, someItems } from './support/content-plan.builders';
import { anOfficial, unique } from './support/organizations.builders';
import { aHandle, aPage } from './support/pages.builders';
import { freePort, RunningApp, startApp, testEnvironment } from './support/processes';
import { startSmtp, TestSmtp } from './support/smtp';

const KHABAROVSK = 'khabarovsk-krai';
const BLAGODARNY = 'blagodarny-mo';
const SCRIPT_NAME = () => `Комитет <script>alert(1)</script> «Связь» ${unique()}`;

interface OutboxRow {
  id: string;
  kind: string;
  idempotencyKey: string;
  messageId: string;
  recipientEmail: string;
  subject: string;
  organizationId: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
}

async function outboxOf(recipient: string, url?: string): Promise<OutboxRow[]> {
  const response = await (url ? request(url) : api())
    .get('/api/v1/notifications/outbox')
    .query({ recipient, limit: '1000' })
    .set(bearer(await asAdmin()))
    .expect(200);
  return response.body.items;
}

async function messageOf(id: string, url?: string) {
  const response = await (url ? request(url) : api())
    .get(`/api/v1/notifications/outbox/${id}`)
    .set(bearer(await asAdmin()))
    .expect(200);
  return response.body as OutboxRow & {
    data: Record<string, any>;
    history: { attempt: number; outcome: string | null }[];
  };
}

async function tick(now: string) {
  const response = await api()
    .post('/api/v1/notifications/tick')
    .set(bearer(await asAdmin()))
    .set('X-Test-Now', now)
    .expect(200);
  return response.body as { created: number; slots: { jurisdiction: string; kind: string }[] };
}

/** A plan with five items for `week` (Monday `monday`) sent by the organization's editor. */
async function submittedPlan(organizationId: string, editorToken: string, week: string, monday: string, now: string) {
  const draft = await putItems(organizationId, week, { items: someItems(monday, 5) }, { token: editorToken, now });
  expect(draft.status).toBe(200);
  const sent = await planAction(organizationId, week, 'submit', {
    token: editorToken,
    version: draft.body.version,
    now,
  });
  expect(sent.status).toBe(200);
  return sent.body as { version: number; items: { id: string }[] };
}

async function publish(pageId: string, instants: string[]) {
  await api()
    .post('/api/v1/publications')
    .set(bearer(await asAdmin()))
    .send({ publications: instants.map((publishedAt) => ({ pageId, publishedAt, externalId: aHandle() })) })
    .expect(200);
}

describe('Notifications: delivery over SMTP (issue 8)', () => {
  let smtp: TestSmtp;
  let mailer: RunningApp;

  const bootMailer = async () => {
    const port = await freePort();
    mailer = await startApp(
      testEnvironment({
        DATABASE_URL: process.env.TEST_DB_URL,
        PORT: String(port),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        SMTP_URL: smtp.url,
        ALLOW_TEST_CLOCK: 'true',
        COMPLIANCE_RECOMPUTE_CRON: 'off',
        NOTIFICATIONS_TICK_CRON: 'off',
        NOTIFICATIONS_DELIVERY_CRON: 'off',
      }),
    );
  };

  const deliver = async (now: string) =>
    (
      await request(mailer.url)
        .post('/api/v1/notifications/outbox/deliver')
        .set(bearer(await asAdmin()))
        .set('X-Test-Now', now)
        .expect(200)
    ).body;

  const mailsTo = (address: string, list = smtp.delivered()) =>
    list.filter((m) =>
      (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.value.some((v) => v.address === address)),
    );

  let organization: { id: string; name: string };
  let editor: { id: string; email: string; token: string };
  let coordinator: { id: string; email: string; token: string };
  let plan: { version: number; items: { id: string }[] };

  beforeAll(async () => {
    smtp = await startSmtp();
    await bootMailer();
    organization = await anOrganization({ jurisdiction: KHABAROVSK, name: SCRIPT_NAME() });
    editor = await aUser({ role: 'editor', organizations: [organization.id] });
    coordinator = await aCoordinator(KHABAROVSK);
  }, 120_000);

  afterAll(async () => {
    await mailer?.stop();
    await smtp?.close();
  });

  it('sends the plan-submitted notice to the coordinator: subject, recipient, Russian text, escaped name, RFC 8058 header', async () => {
    plan = await submittedPlan(organization.id, editor.token, '2026-W05', '2026-01-26', '2026-01-20T10:00:00+10:00');
    const report = await deliver('2026-01-20T00:01:00Z');
    expect(report.sent).toBeGreaterThanOrEqual(1);

    const [mail] = mailsTo(coordinator.email);
    expect(mail).toBeDefined();
    expect(mailsTo(editor.email)).toEqual([]);
    expect(mail!.subject).toBe(`Контент-план на неделю 2026-W05 представлен: ${organization.name}`);
    expect(mail!.text).toContain('Реестр официальных страниц и контент-планов');
    expect(mail!.text).toContain('Хабаровский край');
    expect(mail!.text).toContain(`Контент-план организации «${organization.name}» на неделю 2026-W05 представлен`);
    const html = String(mail!.html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    // Long header lines arrive folded (RFC 5322 2.2.3); unfolding removes the line breaks.
    const header = (key: string) => (mail!.headerLines.find((h) => h.key === key)?.line ?? '').replace(/\r?\n/g, '');
    expect(header('list-unsubscribe')).toMatch(
      new RegExp(`^List-Unsubscribe: <${mailer.url}/api/v1/notifications/unsubscribe\\?token=[\\w.-]+>$`),
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const [row] = await outboxOf(coordinator.email, mailer.url);
    expect(row).toMatchObject({ kind: 'plan_submitted', status: 'sent', attempts: 1, messageId: mail!.messageId });
  });

  it('refuses null for a preference, which is stored NOT NULL, and keeps the stored ones', async () => {
    const user = await aUser({ role: 'coordinator', jurisdictions: ['blagodarny-mo'] });
    const before = await api().get('/api/v1/notifications/preferences').set(bearer(user.token)).expect(200);
    const response = await api()
      .put('/api/v1/notifications/preferences')
      .set(bearer(user.token))
      .send({ emailEnabled: null, planReminders: false });
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors).toEqual([
      { field: 'emailEnabled', message: 'обязательное поле: null не допускается' },
    ]);
    const stored = await api().get('/api/v1/notifications/preferences').set(bearer(user.token)).expect(200);
    expect(stored.body).toEqual(before.body);
  });

  it('switches the topic off with the one-click POST of the List-Unsubscribe link (RFC 8058)', async () => {
    const [mail] = mailsTo(coordinator.email);
    const link = /<([^>]+)>/.exec(mail!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1]!;
    const url = new URL(link);
    const page = await checkedAgent(url.origin)
      .get(url.pathname + url.search)
      .expect(200);
    expect(page.text).toContain('Отписать адрес');
    const done = await checkedAgent(url.origin)
      .post(url.pathname + url.search)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).toContain('Вы отписаны');
    const preferences = await api().get('/api/v1/notifications/preferences').set(bearer(coordinator.token)).expect(200);
    expect(preferences.body).toMatchObject({ workflowNotices: false, coordinatorDigest: true, emailEnabled: true });
    const forged = await checkedAgent(url.origin)
      .post(`${url.pathname}?token=${url.searchParams.get('token')}x`)
      .set('Accept', 'text/html')
      .expect(400);
    expect(forged.text).toContain('Ссылка недействительна');
    expectProblem(
      await request(url.origin).post(`${url.pathname}?token=${url.searchParams.get('token')}x`),
      400,
      'NOTIFICATIONS.UNSUBSCRIBE_LINK_INVALID',
    );
  });

  it('retries with backoff while the SMTP server refuses, then delivers exactly once', async () => {
    let refusals = 0;
    smtp.refuse = (address) => address === editor.email && refusals++ < 2;
    const changes = await planAction(
      organization.id,
      '2026-W05',
      'request-changes',
      { token: coordinator.token, version: plan.version, now: '2026-01-21T10:00:00+10:00' },
      {
        comment: 'Добавьте видео о приёме граждан',
        itemComments: [{ itemId: plan.items[0]!.id, comment: 'Уточните тему' }],
      },
    );
    expect(changes.status).toBe(200);
    plan = changes.body;
    const [queued] = (await outboxOf(editor.email, mailer.url)).filter((m) => m.kind === 'plan_changes_requested');

    await deliver('2026-01-21T00:00:30Z');
    expect(await messageOf(queued!.id, mailer.url)).toMatchObject({ status: 'pending', attempts: 1 });
    // The first retry is a minute after the failure: nothing is due 30 seconds later.
    await deliver('2026-01-21T00:01:00Z');
    expect((await messageOf(queued!.id, mailer.url)).attempts).toBe(1);
    await deliver('2026-01-21T00:01:31Z');
    expect(await messageOf(queued!.id, mailer.url)).toMatchObject({ status: 'pending', attempts: 2 });
    await deliver('2026-01-21T00:03:32Z');

    const message = await messageOf(queued!.id, mailer.url);
    expect(message.status).toBe('sent');
    expect(message.history.map((h) => h.outcome)).toEqual(['retry', 'retry', 'sent']);
    const mails = mailsTo(editor.email, smtp.raw);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Контент-план на неделю 2026-W05 возвращён на доработку');
    expect(mails[0]!.text).toContain('Комментарий: Добавьте видео о приёме граждан');
    expect(mails[0]!.text).toContain('Уточните тему');
    smtp.refuse = () => false;
  }, 120_000);

  it('delivers once when the process is killed between the SMTP answer and the commit (same Message-ID, peer dedups)', async () => {
    const resubmitted = await planAction(organization.id, '2026-W05', 'submit', {
      token: editor.token,
      version: plan.version,
      now: '2026-01-21T15:00:00+10:00',
    });
    expect(resubmitted.status).toBe(200);
    const approved = await planAction(organization.id, '2026-W05', 'approve', {
      token: (await aCoordinator(KHABAROVSK)).token,
      version: resubmitted.body.version,
      now: '2026-01-22T10:00:00+10:00',
    });
    expect(approved.status).toBe(200);
    const [queued] = (await outboxOf(editor.email, mailer.url)).filter((m) => m.kind === 'plan_approved');

    const victim = mailer;
    smtp.beforeAcknowledge = async (mail) => {
      if (mail.messageId !== queued!.messageId || !victim.process.pid) return;
      smtp.beforeAcknowledge = () => undefined;
      await victim.stop('SIGKILL');
    };
    await request(victim.url)
      .post('/api/v1/notifications/outbox/deliver')
      .set(bearer(await asAdmin()))
      .set('X-Test-Now', '2026-01-22T00:00:30Z')
      .then(
        () => undefined,
        () => undefined, // the connection dies with the process
      );
    await victim.stop('SIGKILL');
    expect(victim.process.signalCode).toBe('SIGKILL');
    expect(smtp.raw.filter((m) => m.messageId === queued!.messageId)).toHaveLength(1);

    await bootMailer();
    // Within the lease nobody takes the row over; after it, the next worker sends it again.
    await deliver('2026-01-22T00:02:00Z');
    expect((await messageOf(queued!.id, mailer.url)).status).toBe('sending');
    await deliver('2026-01-22T00:10:00Z');

    const message = await messageOf(queued!.id, mailer.url);
    expect(message.status).toBe('sent');
    expect(message.history.map((h) => h.outcome)).toEqual(['interrupted', 'sent']);
    const copies = smtp.raw.filter((m) => m.messageId === queued!.messageId);
    expect(copies).toHaveLength(2);
    expect(smtp.delivered().filter((m) => m.messageId === queued!.messageId)).toHaveLength(1);
    expect(copies[0]!.subject).toBe('Контент-план на неделю 2026-W05 утверждён');
  }, 180_000);
});

describe('Notifications: outbox without SMTP_URL (issue 8)', () => {
  it('writes workflow notices in the transition’s transaction to the right people only', async () => {
    const organization = await anOrganization({ jurisdiction: KHABAROVSK, name: SCRIPT_NAME() });
    const editor = await aUser({ role: 'editor', organizations: [organization.id] });
    const otherEditor = await aUser({ role: 'editor', organizations: [(await anOrganization()).id] });
    const coordinator = await aCoordinator(KHABAROVSK);
    const elsewhere = await aCoordinator(BLAGODARNY);

    const plan = await submittedPlan(
      organization.id,
      editor.token,
      '2026-W30',
      '2026-07-20',
      '2026-07-14T10:00:00+10:00',
    );
    const [notice] = await outboxOf(coordinator.email);
    expect(notice).toMatchObject({
      kind: 'plan_submitted',
      status: 'pending',
      organizationId: organization.id,
      subject: `Контент-план на неделю 2026-W30 представлен: ${organization.name}`,
    });
    expect(notice!.idempotencyKey).toMatch(/^plan:[0-9a-f-]+:v2:plan_submitted:/);
    // A message is about a Khabarovsk plan: its instants are in Khabarovsk's offset.
    expect([notice!.nextAttemptAt, notice!.createdAt, notice!.sentAt]).toEqual([
      expect.stringMatching(/^2026-.*\+10:00$/),
      expect.stringMatching(/\+10:00$/),
      null,
    ]);
    expect(await outboxOf(elsewhere.email)).toEqual([]);
    expect(await outboxOf(editor.email)).toEqual([]);

    // A refused transition (stale version) writes no notice: it rolls back with the transition.
    const stale = await planAction(organization.id, '2026-W30', 'approve', {
      token: coordinator.token,
      version: plan.version - 1,
      now: '2026-07-14T12:00:00+10:00',
    });
    expect(stale.status).toBe(409);
    const approved = await planAction(organization.id, '2026-W30', 'approve', {
      token: coordinator.token,
      version: plan.version,
      now: '2026-07-14T12:00:00+10:00',
    });
    expect(approved.status).toBe(200);
    expect((await outboxOf(editor.email)).map((m) => m.kind)).toEqual(['plan_approved']);
    expect(await outboxOf(otherEditor.email)).toEqual([]);

    const preview = await api()
      .get(`/api/v1/notifications/outbox/${notice!.id}/preview`)
      .set(bearer(await asAdmin()))
      .expect(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
    expect(preview.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.text).not.toContain('<script>');
    expect(preview.text).toContain('Реестр официальных страниц и контент-планов');
  });

  it('keeps messages in the outbox for admins only, and refuses to deliver without SMTP_URL', async () => {
    const coordinator = await aCoordinator(KHABAROVSK);
    expectProblem(
      await api().get('/api/v1/notifications/outbox').set(bearer(coordinator.token)),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    expectProblem(
      await api()
        .post('/api/v1/notifications/outbox/deliver')
        .set(bearer(await asAdmin())),
      409,
      'NOTIFICATIONS.SMTP_NOT_CONFIGURED',
    );
    expectProblem(
      await api()
        .get('/api/v1/notifications/outbox/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f')
        .set(bearer(await asAdmin())),
      404,
      'NOTIFICATIONS.MESSAGE_NOT_FOUND',
    );
    const startup = globalThis.__testApp?.output() ?? '';
    expect(startup).toContain('SMTP_URL is not set: notifications are kept in the outbox');
  });
});

describe('Notifications: preferences', () => {
  it('answers every stored preference to a change, also an empty one, and keeps what the change leaves out', async () => {
    const user = await aCoordinator();
    const preferences = '/api/v1/notifications/preferences';
    const changed = await api().put(preferences).set(bearer(user.token)).send({ planReminders: false }).expect(200);
    const stored = {
      emailEnabled: true,
      coordinatorDigest: true,
      organizationDigest: true,
      planReminders: false,
      obligationReminders: true,
      quotaReminders: true,
      workflowNotices: true,
    };
    expect(changed.body).toEqual(stored);
    expect((await api().put(preferences).set(bearer(user.token)).send({}).expect(200)).body).toEqual(stored);
    expect((await api().get(preferences).set(bearer(user.token)).expect(200)).body).toEqual(stored);
  });
});

describe('Notifications: weekly digests on a fake clock (issue 8)', () => {
  // Monday 15 June 2026, 09:00 in Blagodarny (Moscow time): the digests of 2026-W24.
  const MONDAY_0900 = '2026-06-15T09:00:00+03:00';
  let organization: { id: string; name: string };
  let neighbour: { id: string; name: string };
  let editor: { id: string; email: string; token: string };
  let neighbourEditor: { email: string };
  let coordinator: { id: string; email: string; token: string };
  let quiet: { email: string; token: string };
  let official: { workEmail: string; workPhone: string };

  beforeAll(async () => {
    organization = await anOrganization({
      jurisdiction: BLAGODARNY,
      kind: 'subordinate_organization',
      name: SCRIPT_NAME(),
    });
    neighbour = await anOrganization({ jurisdiction: BLAGODARNY, kind: 'subordinate_organization' });
    editor = await aUser({ role: 'editor', organizations: [organization.id] });
    neighbourEditor = await aUser({ role: 'editor', organizations: [neighbour.id] });
    coordinator = await aCoordinator(BLAGODARNY);
    quiet = await aCoordinator(BLAGODARNY);
    const responsible = await anOfficial(organization.id, { activeFrom: '2026-01-01', workPhone: '+7 86549 5-11-22' });
    official = responsible as unknown as { workEmail: string; workPhone: string };
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-05-04' });
    await publish(page.id, ['2026-06-10T10:00:00+03:00']);
    await api()
      .put('/api/v1/notifications/preferences')
      .set(bearer(quiet.token))
      .send({ coordinatorDigest: false })
      .expect(200);
  });

  it('produces the digest of a week once even when two workers tick at the same instant', async () => {
    const [first, second] = await Promise.all([tick(MONDAY_0900), tick(MONDAY_0900)]);
    expect(first.slots).toContainEqual(expect.objectContaining({ jurisdiction: BLAGODARNY, kind: 'weekly_digest' }));
    expect(second.slots).toContainEqual(expect.objectContaining({ jurisdiction: BLAGODARNY, kind: 'weekly_digest' }));
    await tick('2026-06-15T09:05:00+03:00');
    const digests = (await outboxOf(coordinator.email)).filter((m) => m.kind === 'coordinator_digest');
    expect(digests.map((m) => m.idempotencyKey)).toEqual([`digest:${BLAGODARNY}:2026-W24:${coordinator.email}`]);
  });

  it('lists the organization below its weekly minimum with its figures and a link (Blagodarny Порядок p.4)', async () => {
    const [digest] = (await outboxOf(coordinator.email)).filter((m) => m.kind === 'coordinator_digest');
    const { data } = await messageOf(digest!.id);
    expect(data.jurisdictionName).toBe('Благодарненский муниципальный округ Ставропольского края');
    const line = data.belowQuota.find((o: { organizationId: string }) => o.organizationId === organization.id);
    expect(line).toMatchObject({ published: 1, required: 3, organizationName: organization.name });
    expect(line.link).toContain(`/api/v1/compliance/organizations/${organization.id}?from=2026-W24&to=2026-W24`);
    // The page registered on 4 May was never reported (Blagodarny 3.3.2, 3.2.4): overdue obligations.
    const overdue = data.overdueObligations.filter(
      (o: { organizationName: string }) => o.organizationName === organization.name,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue[0].link).toContain(`/api/v1/obligations?organizationId=${organization.id}`);
    const preview = await api()
      .get(`/api/v1/notifications/outbox/${digest!.id}/preview`)
      .set(bearer(await asAdmin()))
      .expect(200);
    expect(preview.text).toContain('Меньше минимума публикаций за неделю');
    expect(preview.text).toContain('опубликовано 1 из 3');
    expect(preview.text).not.toContain('<script>alert');
  });

  it("sends the organization's digest to its editors and responsible official, about that organization only", async () => {
    const mine = (await outboxOf(editor.email)).filter((m) => m.kind === 'organization_digest');
    expect(mine.map((m) => m.organizationId)).toEqual([organization.id]);
    const toOfficial = (await outboxOf(official.workEmail)).filter((m) => m.kind === 'organization_digest');
    expect(toOfficial.map((m) => m.idempotencyKey)).toEqual([
      `org-digest:${organization.id}:2026-W24:${official.workEmail.toLowerCase()}`,
    ]);
    const theirs = (await outboxOf(neighbourEditor.email)).filter((m) => m.kind === 'organization_digest');
    expect(theirs.map((m) => m.organizationId)).toEqual([neighbour.id]);
    const { data } = await messageOf(theirs[0]!.id);
    expect(JSON.stringify(data)).not.toContain(organization.id);
    expect(JSON.stringify(data)).not.toContain(organization.name);
    const { data: own } = await messageOf(mine[0]!.id);
    expect(JSON.stringify(own)).not.toContain(official.workPhone);
  });

  it('respects preferences: a coordinator who turned the digest off gets none', async () => {
    expect((await outboxOf(quiet.email)).filter((m) => m.kind === 'coordinator_digest')).toEqual([]);
    const preferences = await api().get('/api/v1/notifications/preferences').set(bearer(quiet.token)).expect(200);
    expect(preferences.body).toMatchObject({ coordinatorDigest: false, organizationDigest: true });
  });

  it('sends nothing at other instants, and a Khabarovsk coordinator no Blagodarny digest', async () => {
    const khabarovsk = await aCoordinator(KHABAROVSK);
    const report = await tick('2026-06-16T09:00:00+03:00');
    expect(report.slots.filter((s) => s.kind === 'weekly_digest')).toEqual([]);
    expect((await outboxOf(khabarovsk.email)).filter((m) => m.idempotencyKey.includes(BLAGODARNY))).toEqual([]);
  });
});

describe('Notifications: reminders on a fake clock (issue 8)', () => {
  it('reminds of a plan not yet sent the day before its due day at 12:00 local (Khabarovsk Положение 1 p.6)', async () => {
    const late = await anOrganization({ jurisdiction: KHABAROVSK });
    const lateEditor = await aUser({ role: 'editor', organizations: [late.id] });
    const punctual = await anOrganization({ jurisdiction: KHABAROVSK });
    const punctualEditor = await aUser({ role: 'editor', organizations: [punctual.id] });
    // The plan for 2026-W27 (29 June) is due Thursday 25 June 17:00 Khabarovsk time.
    await submittedPlan(punctual.id, punctualEditor.token, '2026-W27', '2026-06-29', '2026-06-23T10:00:00+10:00');

    await tick('2026-06-24T11:59:00+10:00');
    expect((await outboxOf(lateEditor.email)).filter((m) => m.kind === 'plan_due_reminder')).toEqual([]);
    await tick('2026-06-24T12:00:00+10:00');
    await tick('2026-06-25T12:10:00+10:00');
    const reminders = (await outboxOf(lateEditor.email)).filter((m) => m.kind === 'plan_due_reminder');
    expect(reminders.map((m) => m.idempotencyKey).sort()).toEqual([
      `plan-due:${late.id}:2026-W27:day_before:${lateEditor.email}`,
      `plan-due:${late.id}:2026-W27:due_day:${lateEditor.email}`,
    ]);
    expect(reminders.map((m) => m.subject)).toContain('Сегодня до 17:00 — срок контент-плана на неделю 2026-W27');
    expect((await outboxOf(punctualEditor.email)).filter((m) => m.kind === 'plan_due_reminder')).toEqual([]);
  });

  it('reminds of a reporting obligation due tomorrow (Blagodarny 3.3.2)', async () => {
    const organization = await anOrganization({ jurisdiction: BLAGODARNY, kind: 'subordinate_organization' });
    const editor = await aUser({ role: 'editor', organizations: [organization.id] });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-09-01' });
    const obligations = page.obligations as { id: string; dueAt: string }[];
    const first = obligations.reduce((a, b) => (a.dueAt < b.dueAt ? a : b));
    const dueDate = first.dueAt.slice(0, 10);
    const dayBefore = new Date(`${dueDate}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await tick(`${dayBefore.toISOString().slice(0, 10)}T12:00:00+03:00`);
    const reminders = (await outboxOf(editor.email)).filter((m) => m.kind === 'obligation_due_reminder');
    expect(reminders.map((m) => m.idempotencyKey)).toContain(`obligation-due:${first.id}:${editor.email}`);
    expect(reminders[0]!.subject).toMatch(/^Завтра срок: /);
  });

  it('warns every organization at risk, not only those on the first screen of the week report (Blagodarny Порядок p.4)', async () => {
    // 120 organizations whose names sort before the one at risk, imported with a VK page each.
    const suffix = unique();
    const lines = Array.from({ length: 120 }, (_, i) =>
      [
        `Аа учреждение ${suffix} ${String(i).padStart(3, '0')}`,
        'Подведомственное учреждение',
        '',
        'ВКонтакте',
        `https://vk.com/aa_${suffix.replace(/\W/g, '')}_${i}`,
        '03.08.2026',
      ].join(';'),
    );
    const header = 'Организация;Вид организации;Вышестоящая организация;Сеть;Ссылка;Дата создания';
    await api()
      .post(`/api/v1/registry/import?jurisdiction=${BLAGODARNY}&dryRun=false`)
      .set(bearer(await asAdmin()))
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send([header, ...lines].join('\n'))
      .expect(200);
    const late = await anOrganization({
      jurisdiction: BLAGODARNY,
      kind: 'subordinate_organization',
      name: `Яя ${suffix}`,
    });
    const editor = await aUser({ role: 'editor', organizations: [late.id] });
    const page = await aPage({ organizationId: late.id, network: 'vk', createdOn: '2026-08-03' });
    await publish(page.id, ['2026-08-31T10:00:00+03:00']);

    await tick('2026-09-03T12:00:00+03:00');
    const warnings = (await outboxOf(editor.email)).filter((m) => m.kind === 'quota_at_risk');
    expect(warnings.map((m) => m.idempotencyKey)).toEqual([`quota-risk:${late.id}:2026-W36:${editor.email}`]);
  });

  it('warns on Thursday 12:00 when fewer than half of the weekly minimum is published (Blagodarny Порядок p.4)', async () => {
    const organization = await anOrganization({ jurisdiction: BLAGODARNY, kind: 'subordinate_organization' });
    const editor = await aUser({ role: 'editor', organizations: [organization.id] });
    const busy = await anOrganization({ jurisdiction: BLAGODARNY, kind: 'subordinate_organization' });
    const busyEditor = await aUser({ role: 'editor', organizations: [busy.id] });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-08-03' });
    const busyPage = await aPage({ organizationId: busy.id, network: 'vk', createdOn: '2026-08-03' });
    await publish(page.id, ['2026-08-17T10:00:00+03:00']);
    await publish(busyPage.id, ['2026-08-17T10:00:00+03:00', '2026-08-19T10:00:00+03:00']);

    await tick('2026-08-20T12:00:00+03:00');
    const [warning] = (await outboxOf(editor.email)).filter((m) => m.kind === 'quota_at_risk');
    expect(warning).toMatchObject({ idempotencyKey: `quota-risk:${organization.id}:2026-W34:${editor.email}` });
    const { data } = await messageOf(warning!.id);
    expect(data.pages).toEqual([expect.objectContaining({ network: 'ВКонтакте', published: 1, required: 3 })]);
    expect((await outboxOf(busyEditor.email)).filter((m) => m.kind === 'quota_at_risk')).toEqual([]);
  });
});
