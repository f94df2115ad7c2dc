import { randomUUID } from 'node:crypto';
import { api, asAdmin, aUser, bearer, expectProblem } from './support/api';
import { anOfficial } from './support/organizations.builders';
import { aHandle, aPage, anOrganizationWithEditor, patchPage } from './support/pages.builders';
import { anApprovedPlan, anItem, planAction, putItems, someItems } from './support/content-plan.builders';

const BLAGODARNY = 'blagodarny-mo';
const KHABAROVSK = 'khabarovsk-krai';

function publish(token: string, publications: Record<string, unknown>[]) {
  return api().post('/api/v1/publications').set(bearer(token)).send({ publications });
}

async function weekReport(week: string, jurisdiction: string, screen: Record<string, string | number> = {}) {
  const response = await api()
    .get(`/api/v1/compliance/weeks/${week}`)
    .query({ jurisdiction, ...screen })
    .set(bearer(await asAdmin()))
    .expect(200);
  return response.body;
}

/** The organization's entry in the week report, looked up screen by screen. */
async function organizationWeek(week: string, jurisdiction: string, organizationId: string) {
  for (let offset = 0; ; offset += 1000) {
    const report = await weekReport(week, jurisdiction, { offset, limit: 1000 });
    const found = report.organizations.find((o: { organizationId: string }) => o.organizationId === organizationId);
    if (found || report.organizations.length < 1000) return found;
  }
}

async function recompute(jurisdiction: string, now: string, week?: string) {
  const response = await api()
    .post('/api/v1/compliance/findings/recompute')
    .query({ jurisdiction, ...(week && { week }) })
    .set(bearer(await asAdmin()))
    .set('X-Test-Now', now)
    .expect(200);
  return response.body;
}

async function findingsOf(organizationId: string, status: 'open' | 'resolved' = 'open') {
  const response = await api()
    .get('/api/v1/compliance/findings')
    .query({ organization: organizationId, status, limit: '1000' })
    .set(bearer(await asAdmin()))
    .expect(200);
  return response.body.items as {
    kind: string;
    severity: string;
    pageId: string | null;
    week: string | null;
    citation: { number: string; clause: string };
    details: Record<string, unknown>;
    dueAt: string | null;
    firstSeenAt: string;
    lastSeenAt: string;
    resolvedAt: string | null;
    title: string;
  }[];
}

/** Marks every reporting obligation of an organization fulfilled. */
async function fulfilAll(organizationId: string) {
  const token = await asAdmin();
  const obligations = await api()
    .get(`/api/v1/obligations?organizationId=${organizationId}&status=all`)
    .set(bearer(token))
    .expect(200);
  for (const obligation of obligations.body.items as { id: string; status: string }[]) {
    if (obligation.status === 'fulfilled') continue;
    await api()
      .post(`/api/v1/organizations/${organizationId}/obligations/${obligation.id}/fulfilment`)
      .set(bearer(token))
      .send({ fulfilledAt: '2026-06-17T11:00:00+03:00' })
      .expect(200);
  }
}

const kindsOf = (findings: { kind: string }[]) => findings.map((f) => f.kind).sort();

/** n publications of a page, one a day from `monday` at 10:00 of the given offset. */
const posts = (pageId: string, monday: string, n: number, offset: string, tag = aHandle()) =>
  Array.from({ length: n }, (_, i) => {
    const day = new Date(`${monday}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + (i % 7));
    return {
      pageId,
      publishedAt: `${day.toISOString().slice(0, 10)}T10:0${i % 10}:00${offset}`,
      externalId: `${tag}-${i}`,
    };
  });

/** A Blagodarny subordinate organization (3 a week) with its editor and a VK page live since January. */
async function aBlagodarnySubordinateWithVkPage() {
  const { organization, editor } = await anOrganizationWithEditor({
    jurisdiction: BLAGODARNY,
    kind: 'subordinate_organization',
  });
  const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
  return { organization, editor, page };
}

describe('Publications', () => {
  it('records a batch, reports bad rows by index and ignores a re-sent batch (idempotent on page + external id or URL)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: BLAGODARNY,
      kind: 'administration',
    });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
    const batch = [
      { pageId: page.id, publishedAt: '2026-06-15T10:00:00+03:00', externalId: 'wall-1_1', format: 'photo' },
      { pageUrl: page.url, publishedAt: '2026-06-15 12:00', url: `${page.url}?w=wall-1_2` },
      { pageId: page.id, publishedAt: '2030-01-01T10:00:00+03:00', externalId: 'future' },
      { pageId: '00000000-0000-4000-8000-000000000000', publishedAt: '2026-06-15T10:00:00+03:00', externalId: 'x' },
      { pageId: page.id, publishedAt: 'вчера', externalId: 'y', colour: 'red' },
      { pageId: page.id, publishedAt: '2026-06-15T10:00:00+03:00', externalId: 'wall-1_1' },
    ];
    const first = await publish(editor.token, batch).expect(200);
    expect(first.body).toMatchObject({ received: 6, created: 2, duplicates: 1, rejected: 3 });
    expect(first.body.accepted.map((a: { index: number; status: string }) => [a.index, a.status])).toEqual([
      [0, 'created'],
      [1, 'created'],
      [5, 'duplicate'],
    ]);
    // Publication ids are bigint strings; two missing ids would otherwise compare equal.
    expect(first.body.accepted.map((a: { id: unknown }) => a.id)).toEqual([
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      first.body.accepted[0].id,
    ]);
    expect(first.body.accepted[1].id).not.toBe(first.body.accepted[0].id);
    expect(first.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'publications[2].publishedAt',
      'publications[3].pageId',
      'publications[4].colour',
    ]);
    expect(first.body.errors[0].message).toMatch(/будущем/);

    const again = await publish(editor.token, batch).expect(200);
    expect(again.body).toMatchObject({ created: 0, duplicates: 3, rejected: 3 });
    expect(again.body.accepted.map((a: { id: string }) => a.id)).toEqual(
      first.body.accepted.map((a: { id: string }) => a.id),
    );
    const week = await organizationWeek('2026-W25', BLAGODARNY, organization.id);
    expect(week.pages[0]).toMatchObject({ published: 2, required: 3, status: 'short', shortBy: 1 });
  });

  it('reads a CSV upload with Russian headers as source «import» and reports its bad lines', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: BLAGODARNY,
      kind: 'administration',
    });
    const page = await aPage({
      organizationId: organization.id,
      network: 'ok',
      url: `https://ok.ru/${aHandle()}`,
      createdOn: '2026-01-12',
    });
    const csv = `\ufeffСтраница;Дата и время;Адрес публикации;Формат\n${page.url};2026-06-16 09:00;https://ok.ru/group/1/topic/1;photo\n${page.url};16.06.2026;https://ok.ru/group/1/topic/2;photo\n`;
    const response = await api()
      .post('/api/v1/publications/import')
      .set(bearer(editor.token))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(response.body).toMatchObject({ received: 2, created: 1, rejected: 1 });
    expect(response.body.errors[0].field).toBe('publications[1].publishedAt');

    const bad = await api()
      .post('/api/v1/publications/import')
      .set(bearer(editor.token))
      .set('Content-Type', 'text/csv')
      .send('Когда;Что\n1;2\n');
    expectProblem(bad, 400, 'COMPLIANCE.CSV_INVALID');
  });

  it('refuses a page of another organization row by row, and viewers altogether', async () => {
    const { editor } = await anOrganizationWithEditor({ jurisdiction: BLAGODARNY });
    const other = await anOrganizationWithEditor({ jurisdiction: BLAGODARNY });
    const page = await aPage({ organizationId: other.organization.id, createdOn: '2026-01-12' });
    const response = await publish(editor.token, posts(page.id, '2026-06-15', 1, '+03:00')).expect(200);
    expect(response.body).toMatchObject({ created: 0, rejected: 1 });
    expect(response.body.errors[0].message).toMatch(/нет доступа/);
    const viewer = await aUser({ role: 'viewer' });
    expectProblem(await publish(viewer.token, posts(page.id, '2026-06-15', 1, '+03:00')), 403, 'AUTH.FORBIDDEN_ROLE');
  });

  it('reports rows with characters PostgreSQL cannot store by index and keeps the rest of the batch', async () => {
    const { organization, editor } = await anOrganizationWithEditor({ jurisdiction: BLAGODARNY });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
    const at = '2026-06-16T10:00:00+03:00';
    const response = await publish(editor.token, [
      { pageId: page.id, publishedAt: at, externalId: 'nul', text: 'Субботник\u0000' },
      { pageId: page.id, publishedAt: at, externalId: 'half-\ud83c' },
      { pageId: page.id, publishedAt: at, externalId: 'ok', text: 'Субботник в парке 🌳' },
    ]).expect(200);
    expect(response.body).toMatchObject({ received: 3, created: 1, rejected: 2 });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'publications[0].text',
      'publications[1].externalId',
    ]);
    expect(response.body.accepted).toEqual([{ index: 2, id: expect.any(String), status: 'created' }]);
  });

  it('answers malformed batches with a problem and stores nothing', async () => {
    const token = await asAdmin();
    expectProblem(
      await api().post('/api/v1/publications').set(bearer(token)).send({}),
      400,
      'COMMON.VALIDATION_FAILED',
    );
    expectProblem(await publish(token, []), 400, 'COMMON.VALIDATION_FAILED');
    const tooMany = await publish(
      token,
      Array.from({ length: 10_001 }, () => ({})),
    );
    expectProblem(tooMany, 400, 'COMMON.VALIDATION_FAILED');
    expect(tooMany.body.errors[0].field).toBe('publications');
    expectProblem(
      await api().post('/api/v1/publications').set(bearer(token)).send({ publications: 'all' }),
      400,
      'COMMON.VALIDATION_FAILED',
    );
    const unknownField = await api()
      .post('/api/v1/publications')
      .set(bearer(token))
      .send({ publications: [{}], pages: [] });
    expectProblem(unknownField, 400, 'COMMON.VALIDATION_FAILED');
    expect(unknownField.body.errors).toEqual([{ field: 'pages', message: 'такого поля нет в запросе этого типа' }]);
    const bareList = await api()
      .post('/api/v1/publications')
      .set(bearer(token))
      .send([{ pageId: randomUUID() }]);
    expectProblem(bareList, 400, 'COMMON.VALIDATION_FAILED');
    // A bare list is read as an object without fields: the list of publications is missing.
    expect(bareList.body.errors[0]).toEqual({ field: 'publications', message: 'обязательное поле' });
    expectProblem(
      await api().post('/api/v1/publications').set(bearer(token)).set('content-type', 'application/json').send('null'),
      400,
      'COMMON.VALIDATION_FAILED',
    );
    expectProblem(await api().post('/api/v1/publications').send({ publications: [] }), 401, 'AUTH.UNAUTHENTICATED');
  });
});

describe('Weekly quota (DOMAIN.md §3)', () => {
  it('counts a post at Sunday 23:59 Khabarovsk time in that week and Monday 00:00 in the next (Положение 1 п.5 ¶2: 5 a week)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: KHABAROVSK,
      kind: 'executive_body',
    });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
    const week = [
      ...posts(page.id, '2026-06-08', 4, '+10:00'),
      { pageId: page.id, publishedAt: '2026-06-14T23:59:00+10:00', externalId: 'sunday-late' },
      // 00:00 Monday in Khabarovsk is still Sunday 17:00 in Moscow: it belongs to the next week.
      { pageId: page.id, publishedAt: '2026-06-14T17:00:00+03:00', externalId: 'monday-midnight' },
    ];
    await publish(editor.token, week).expect(200);
    const w24 = await organizationWeek('2026-W24', KHABAROVSK, organization.id);
    expect(w24).toMatchObject({ status: 'met', required: 5, published: 5 });
    expect(w24.requirement).toMatchObject({ nature: 'recommended', citation: { clause: 'Положение 1 п.5 абз.2–3' } });
    const w25 = await organizationWeek('2026-W25', KHABAROVSK, organization.id);
    expect(w25).toMatchObject({ status: 'short', published: 1 });
    expect(w25.pages[0]).toMatchObject({ shortBy: 4 });
  });

  it('applies a frequency decision from the week it takes effect mid-month (Blagodarny Порядок п.4)', async () => {
    const { organization, editor, page } = await aBlagodarnySubordinateWithVkPage();
    await api()
      .post(`/api/v1/organizations/${organization.id}/posting-frequency-decisions`)
      .set(bearer(await asAdmin()))
      .send({
        minimumPerWeek: 1,
        decisionNumber: '17-р',
        decisionDate: '2026-06-16',
        decidedBy: 'Первый заместитель главы администрации',
        clause: 'Порядок п.4',
        validFrom: '2026-06-17',
      })
      .expect(201);
    await publish(editor.token, [
      ...posts(page.id, '2026-06-08', 1, '+03:00'),
      ...posts(page.id, '2026-06-15', 1, '+03:00'),
    ]).expect(200);
    const trend = await api()
      .get(`/api/v1/compliance/organizations/${organization.id}`)
      .query({ from: '2026-W24', to: '2026-W26' })
      .set(bearer(editor.token))
      .expect(200);
    expect(
      trend.body.weeks.map((w: { week: string; status: string; required: number; published: number }) => [
        w.week,
        w.status,
        w.required,
        w.published,
      ]),
    ).toEqual([
      ['2026-W24', 'short', 3, 1],
      ['2026-W25', 'met', 1, 1],
      ['2026-W26', 'short', 1, 0],
    ]);
  });

  it('treats the weeks an exemption agreed with the administration is in force as exempt, mid-week start included (Blagodarny п.4)', async () => {
    const { organization, editor, page } = await aBlagodarnySubordinateWithVkPage();
    await api()
      .post(`/api/v1/organizations/${organization.id}/exemptions`)
      .set(bearer(await asAdmin()))
      .send({
        decisionNumber: '21-р',
        decisionDate: '2026-06-16',
        agreedBy: 'Первый заместитель главы администрации',
        clause: 'п.4',
        validFrom: '2026-06-17',
        validTo: '2026-06-21',
      })
      .expect(201);
    await publish(editor.token, posts(page.id, '2026-06-08', 1, '+03:00')).expect(200);
    const trend = await api()
      .get(`/api/v1/compliance/organizations/${organization.id}`)
      .query({ from: '2026-W24', to: '2026-W26' })
      .set(bearer(editor.token))
      .expect(200);
    expect(trend.body.weeks.map((w: { week: string; status: string }) => [w.week, w.status])).toEqual([
      ['2026-W24', 'short'],
      ['2026-W25', 'exempt'],
      ['2026-W26', 'short'],
    ]);
    expect(trend.body.weeks[1].pages).toEqual([expect.objectContaining({ pageId: page.id, status: 'exempt' })]);
    for (const [week, status] of [
      ['2026-W24', 'short'],
      ['2026-W25', 'exempt'],
    ]) {
      expect(await organizationWeek(week, BLAGODARNY, organization.id)).toMatchObject({
        status,
        pages: [expect.objectContaining({ pageId: page.id, status })],
      });
    }
  });

  it('treats a week with a declaration of no news as excused, and counts approved items that went out (Khabarovsk Положение 1 п.5)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: KHABAROVSK,
      kind: 'executive_body',
    });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
    await planAction(
      organization.id,
      '2026-W27',
      'declare-no-news',
      { token: editor.token, now: '2026-06-25T12:00:00+10:00' },
      { reason: 'Поводов нет' },
    ).expect(200);
    await publish(editor.token, posts(page.id, '2026-06-29', 1, '+10:00')).expect(200);
    expect(await organizationWeek('2026-W27', KHABAROVSK, organization.id)).toMatchObject({ status: 'excused' });

    await anApprovedPlan(organization.id, '2026-W28', someItems('2026-07-06', 5), editor.token, '2026-07-01');
    // Three of the five planned days carry a post on the page's network.
    await publish(editor.token, posts(page.id, '2026-07-06', 3, '+10:00')).expect(200);
    const w28 = await organizationWeek('2026-W28', KHABAROVSK, organization.id);
    expect(w28.plan).toEqual({ plannedItems: 5, publishedAsPlanned: 3 });
  });

  it('counts an approved item as gone out only on its local day, on its page or in its network (Khabarovsk Положение 1 п.5)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: KHABAROVSK,
      kind: 'executive_body',
    });
    const vk = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
    const ok = await aPage({
      organizationId: organization.id,
      network: 'ok',
      url: `https://ok.ru/${aHandle()}`,
      createdOn: '2026-01-12',
    });
    const items = [
      anItem('2026-07-20', { networks: ['vk'] }), // Monday: a VK post at 23:59 local time
      anItem('2026-07-21', { networks: [], pageIds: [ok.id] }), // Tuesday: posts on the other page, or Wednesday
      anItem('2026-07-22', { networks: ['ok'] }), // Wednesday: the OK post at 00:00 local time
      anItem('2026-07-23', { networks: ['vk', 'ok'] }), // Thursday: nothing
      anItem('2026-07-24', { networks: [], pageIds: [vk.id] }), // Friday: the post came Saturday 00:00 local time
    ];
    await anApprovedPlan(organization.id, '2026-W30', items, editor.token, '2026-07-15');
    const tag = aHandle();
    await publish(editor.token, [
      { pageId: vk.id, publishedAt: '2026-07-20T23:59:00+10:00', externalId: `${tag}-1` },
      { pageId: vk.id, publishedAt: '2026-07-21T12:00:00+10:00', externalId: `${tag}-2` },
      { pageId: ok.id, publishedAt: '2026-07-22T00:00:00+10:00', externalId: `${tag}-3` },
      { pageId: vk.id, publishedAt: '2026-07-24T14:00:00Z', externalId: `${tag}-4` },
    ]).expect(200);
    const week = await organizationWeek('2026-W30', KHABAROVSK, organization.id);
    expect(week.plan).toEqual({ plannedItems: 5, publishedAsPlanned: 2 });
  });

  it('evaluates the whole jurisdiction for the totals and shows one screen of organizations in name order, optionally of one status (Blagodarny п.3.3.1.1: 3 a week)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: BLAGODARNY,
      kind: 'administration',
    });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
    await publish(editor.token, posts(page.id, '2026-08-03', 1, '+03:00')).expect(200);

    const all = await weekReport('2026-W32', BLAGODARNY, { limit: 1000 });
    expect(all.matchingOrganizations).toBe(all.totals.organizations);
    expect(all.organizations.length).toBe(Math.min(1000, all.totals.organizations));
    const screen = await weekReport('2026-W32', BLAGODARNY, { offset: 1, limit: 2 });
    expect(screen).toMatchObject({ offset: 1, limit: 2, status: null, totals: all.totals });
    const screenIds = screen.organizations.map((o: { organizationId: string }) => o.organizationId);
    // Offset 1 of the name order: one or two organizations, as many as other tests added.
    expect(screenIds).toHaveLength(Math.min(2, all.organizations.length - 1));
    expect(screenIds.length).toBeGreaterThan(0);
    expect(screenIds.every((id: unknown) => typeof id === 'string' && id.length === 36)).toBe(true);
    expect(screenIds).toEqual(all.organizations.slice(1, 3).map((o: { organizationId: string }) => o.organizationId));

    const short = await weekReport('2026-W32', BLAGODARNY, { status: 'short', limit: 1000 });
    expect(short.totals).toEqual(all.totals);
    expect(short.matchingOrganizations).toBeLessThanOrEqual(all.totals.organizations);
    expect(short.organizations.every((o: { status: string }) => o.status === 'short')).toBe(true);
    const ours = short.organizations.find((o: { organizationId: string }) => o.organizationId === organization.id);
    expect(ours).toMatchObject({
      organizationName: organization.name,
      required: 3,
      published: 1,
      pages: [{ pageId: page.id, network: 'vk', url: page.url, status: 'short', published: 1 }],
    });
    const met = await weekReport('2026-W32', BLAGODARNY, { status: 'met', limit: 1000 });
    expect(met.organizations.some((o: { organizationId: string }) => o.organizationId === organization.id)).toBe(false);

    const token = await asAdmin();
    for (const [query, field] of [
      [{ limit: '0' }, 'limit'],
      [{ limit: '1001' }, 'limit'],
      [{ offset: '-1' }, 'offset'],
      [{ offset: 'много' }, 'offset'],
      [{ status: 'perfect' }, 'status'],
    ] as const) {
      const response = await api()
        .get('/api/v1/compliance/weeks/2026-W32')
        .query({ jurisdiction: BLAGODARNY, ...query })
        .set(bearer(token));
      expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });

  it('answers bad weeks, unknown jurisdictions and foreign scopes with problems', async () => {
    const token = await asAdmin();
    const bad = await api()
      .get('/api/v1/compliance/weeks/2026-W60')
      .query({ jurisdiction: BLAGODARNY })
      .set(bearer(token));
    expectProblem(bad, 400, 'CALENDAR.INVALID_WEEK');
    // Past PostgreSQL's bigint an offset used to fail the query with 500.
    const far = await api()
      .get('/api/v1/compliance/weeks/2026-W25')
      .query({ jurisdiction: BLAGODARNY, offset: '99999999999999999999999' })
      .set(bearer(token));
    expectProblem(far, 400, 'COMMON.VALIDATION_FAILED');
    expect(far.body.errors).toEqual([{ field: 'offset', message: 'не больше 1000000' }]);
    expectProblem(
      await api().get('/api/v1/compliance/weeks/2026-W25').query({ jurisdiction: 'atlantis' }).set(bearer(token)),
      404,
      'CALENDAR.JURISDICTION_NOT_FOUND',
    );
    expectProblem(
      await api().get('/api/v1/compliance/weeks/2026-W25').set(bearer(token)),
      400,
      'COMMON.VALIDATION_FAILED',
    );
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: [KHABAROVSK] });
    expectProblem(
      await api()
        .get('/api/v1/compliance/weeks/2026-W25')
        .query({ jurisdiction: BLAGODARNY })
        .set(bearer(coordinator.token)),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    const { organization } = await anOrganizationWithEditor({ jurisdiction: BLAGODARNY });
    const stranger = await anOrganizationWithEditor({ jurisdiction: BLAGODARNY });
    expectProblem(
      await api()
        .get(`/api/v1/compliance/organizations/${organization.id}`)
        .query({ from: '2026-W20', to: '2026-W21' })
        .set(bearer(stranger.editor.token)),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    expectProblem(
      await api()
        .get(`/api/v1/compliance/organizations/${organization.id}`)
        .query({ from: '2026-W30', to: '2026-W21' })
        .set(bearer(token)),
      400,
      'COMPLIANCE.PERIOD_INVALID',
    );
  });
});

describe('Findings', () => {
  it('opens each registry finding with its clause and resolves it when the cause is gone (Blagodarny п.3.3.1.2, 2.3; Порядок п.3–5)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: BLAGODARNY,
      kind: 'administration',
    });
    const page = await aPage({
      organizationId: organization.id,
      network: 'vk',
      createdOn: '2026-01-12',
      commentsOpen: false,
    });
    await publish(editor.token, posts(page.id, '2026-06-15', 1, '+03:00')).expect(200);

    const run = await recompute(BLAGODARNY, '2026-06-22T09:00:00+03:00');
    expect(run.quotaWeek).toBe('2026-W25');
    const open = await findingsOf(organization.id);
    expect(kindsOf(open)).toEqual([
      'checklist_incomplete',
      'comments_closed',
      'no_esia_authorized',
      'no_feedback_widget',
      'no_gosuslugi_mark',
      'no_page_in_required_network',
      'no_responsible',
      // Blagodarny 3.2.4: the new page had to be reported to the regional centre within 3 working days.
      'obligation_overdue',
      'quota_short',
    ]);
    const quota = open.find((f) => f.kind === 'quota_short')!;
    expect(quota).toMatchObject({
      severity: 'violation',
      week: '2026-W25',
      pageId: page.id,
      citation: { number: '1249', clause: 'Порядок п.4' },
      details: { published: 1, required: 3, shortBy: 2 },
    });
    expect(quota.title).toMatch(/меньше/);
    expect(open.find((f) => f.kind === 'no_responsible')!.citation.clause).toBe('п.3.3.1.2');

    const again = await recompute(BLAGODARNY, '2026-06-22T09:05:00+03:00');
    expect(again.opened).toBe(0);
    expect(await findingsOf(organization.id)).toHaveLength(open.length);

    await anOfficial(organization.id, { rank: 'deputy_head', roles: ['responsible'], activeFrom: '2026-01-01' });
    await anOfficial(organization.id, {
      fullName: 'Иванов Иван Иванович',
      position: 'Главный специалист',
      rank: 'specialist',
      roles: ['authorized'],
      esiaConfirmedOn: '2026-02-01',
      activeFrom: '2026-01-01',
    });
    const current = (
      await api()
        .get(`/api/v1/pages/${page.id}`)
        .set(bearer(await asAdmin()))
    ).body;
    const patched = await patchPage(page.id, {
      version: current.version,
      gosuslugiMarkOn: '2026-03-01',
      feedbackWidgetOn: '2026-03-01',
      commentsOpen: true,
      checklist: {
        coverWithEmblem: true,
        unifiedStyle: true,
        currentInformation: true,
        geotag: true,
        fieldMaterials: true,
      },
    });
    expect(patched.status).toBe(200);
    const okPage = await aPage({
      organizationId: organization.id,
      network: 'ok',
      url: `https://ok.ru/${aHandle()}`,
      createdOn: '2026-01-12',
      gosuslugiMarkOn: '2026-03-01',
      feedbackWidgetOn: '2026-03-01',
      checklist: {
        coverWithEmblem: true,
        unifiedStyle: true,
        currentInformation: true,
        geotag: true,
        fieldMaterials: true,
      },
    });
    await publish(editor.token, posts(page.id, '2026-06-16', 2, '+03:00')).expect(200);
    // Each official page carries the minimum, the new OK page too.
    await publish(editor.token, posts(okPage.id, '2026-06-15', 3, '+03:00')).expect(200);
    await fulfilAll(organization.id);

    const fixed = await recompute(BLAGODARNY, '2026-06-22T10:00:00+03:00', '2026-W25');
    expect(fixed.resolved).toBeGreaterThanOrEqual(9);
    expect(await findingsOf(organization.id)).toEqual([]);
    const resolved = await findingsOf(organization.id, 'resolved');
    expect(kindsOf(resolved)).toEqual(kindsOf(open));
    // Instants in Blagodarny's offset, as its obligations and plans give them.
    expect(resolved.map((f) => f.resolvedAt)).toEqual(resolved.map(() => '2026-06-22T10:00:00.000+03:00'));
    expect(resolved.length).toBeGreaterThan(0);
  });

  it('reports overdue reporting obligations and an uncommunicated frequency decision until fulfilled (Blagodarny 3.3.2, Порядок п.4)', async () => {
    const { organization } = await anOrganizationWithEditor({
      jurisdiction: BLAGODARNY,
      kind: 'subordinate_organization',
    });
    await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-06-10' });
    await api()
      .post(`/api/v1/organizations/${organization.id}/posting-frequency-decisions`)
      .set(bearer(await asAdmin()))
      .send({
        minimumPerWeek: 2,
        decisionNumber: '21-р',
        decisionDate: '2026-06-01',
        decidedBy: 'Первый заместитель главы',
        clause: 'Порядок п.4',
        validFrom: '2026-06-01',
      })
      .expect(201);
    const recomputed = await recompute(BLAGODARNY, '2026-06-17T10:00:00+03:00');
    expect(recomputed.at).toBe('2026-06-17T10:00:00.000+03:00');
    const open = await findingsOf(organization.id);
    const overdue = open.filter((f) => f.kind === 'obligation_overdue');
    // 2 working days from 10 June (12 June a holiday) end on 15 June; 3 on 16 June: in Blagodarny's
    // offset, as the obligations themselves answer them.
    expect(overdue.map((f) => [f.details.ruleCode, f.dueAt, f.firstSeenAt]).sort()).toEqual([
      ['blagodarny.chief_specialist', '2026-06-15T18:00:00.000+03:00', '2026-06-17T10:00:00.000+03:00'],
      ['blagodarny.regional_centre', '2026-06-16T18:00:00.000+03:00', '2026-06-17T10:00:00.000+03:00'],
    ]);
    const obligations = await api()
      .get(`/api/v1/obligations?organizationId=${organization.id}&status=all`)
      .set(bearer(await asAdmin()))
      .expect(200);
    for (const finding of overdue) {
      const obligation = obligations.body.items.find(
        (o: { ruleCode: string }) => o.ruleCode === finding.details.ruleCode,
      );
      expect(obligation.dueAt).toBe(finding.dueAt);
    }
    expect(overdue.every((f) => f.severity === 'violation')).toBe(true);
    const decision = open.find((f) => f.kind === 'frequency_decision_not_communicated');
    expect(decision).toMatchObject({ details: { workingDays: 10 } });
    expect(decision!.citation.clause).toBe('Порядок п.4');

    await fulfilAll(organization.id);
    await recompute(BLAGODARNY, '2026-06-17T12:00:00+03:00');
    const after = kindsOf(await findingsOf(organization.id));
    expect(after).not.toContain('obligation_overdue');
    expect(after).not.toContain('frequency_decision_not_communicated');
  });

  it('follows a content plan through not submitted, late, review overdue and resubmission overdue (Khabarovsk Положение 1 п.6–7)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: KHABAROVSK,
      kind: 'executive_body',
    });
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: [KHABAROVSK] });
    const W = '2026-W30'; // plan due Thursday 16 July 2026, 17:00 Khabarovsk
    const planKinds = async () =>
      kindsOf((await findingsOf(organization.id)).filter((f) => f.kind.startsWith('content_plan') && f.week === W));

    await recompute(KHABAROVSK, '2026-07-16T16:59:00+10:00', '2026-W28');
    expect(await planKinds()).toEqual([]);
    await recompute(KHABAROVSK, '2026-07-16T17:01:00+10:00', '2026-W28');
    expect(await planKinds()).toEqual(['content_plan_not_submitted']);
    // Khabarovsk's instants in its offset, as the plan gives its deadline.
    const notSubmitted = (await findingsOf(organization.id)).find((f) => f.kind === 'content_plan_not_submitted')!;
    expect(notSubmitted).toMatchObject({
      dueAt: '2026-07-16T17:00:00.000+10:00',
      firstSeenAt: '2026-07-16T17:01:00.000+10:00',
      lastSeenAt: '2026-07-16T17:01:00.000+10:00',
      resolvedAt: null,
    });

    await putItems(
      organization.id,
      W,
      { items: someItems('2026-07-20', 5) },
      { token: editor.token, now: '2026-07-17T09:00:00+10:00' },
    ).expect(200);
    await planAction(organization.id, W, 'submit', {
      token: editor.token,
      version: 1,
      now: '2026-07-17T09:30:00+10:00',
    }).expect(200);
    await recompute(KHABAROVSK, '2026-07-17T10:00:00+10:00', '2026-W28');
    expect(await planKinds()).toEqual(['content_plan_late']);

    // Review due one working day after Friday's submission: Monday 20 July, 18:00.
    await recompute(KHABAROVSK, '2026-07-20T18:01:00+10:00', '2026-W28');
    expect(await planKinds()).toEqual(['content_plan_late', 'content_plan_review_overdue']);

    await planAction(
      organization.id,
      W,
      'request-changes',
      { token: coordinator.token, version: 2, now: '2026-07-20T19:00:00+10:00' },
      { comment: 'Добавьте видео' },
    ).expect(200);
    await recompute(KHABAROVSK, '2026-07-22T09:00:00+10:00', '2026-W28');
    expect(await planKinds()).toEqual(['content_plan_late', 'content_plan_resubmission_overdue']);

    const plan = (
      await api().get(`/api/v1/organizations/${organization.id}/content-plans/${W}`).set(bearer(editor.token))
    ).body;
    await planAction(organization.id, W, 'submit', {
      token: editor.token,
      version: plan.version,
      now: '2026-07-22T10:00:00+10:00',
    }).expect(200);
    await planAction(organization.id, W, 'approve', {
      token: coordinator.token,
      version: plan.version + 1,
      now: '2026-07-22T11:00:00+10:00',
    }).expect(200);
    await recompute(KHABAROVSK, '2026-07-22T12:00:00+10:00', '2026-W28');
    expect(await planKinds()).toEqual([]);
  });

  it('reports a live page in a legacy network (Order 2523-р) and lets editors read only their findings', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: KHABAROVSK,
      kind: 'executive_body',
    });
    await aPage({
      organizationId: organization.id,
      network: 'facebook',
      url: `https://facebook.com/${aHandle()}`,
      createdOn: '2019-05-01',
    });
    await recompute(KHABAROVSK, '2026-06-22T09:00:00+10:00');
    const legacy = (await findingsOf(organization.id)).find((f) => f.kind === 'legacy_network_page');
    expect(legacy).toMatchObject({ severity: 'recommendation', citation: { number: '2523-р' } });

    const mine = await api()
      .get('/api/v1/compliance/findings')
      .query({ status: 'open' })
      .set(bearer(editor.token))
      .expect(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((f: { organizationId: string }) => f.organizationId === organization.id)).toBe(true);
    const other = await anOrganizationWithEditor({ jurisdiction: KHABAROVSK });
    expectProblem(
      await api()
        .get('/api/v1/compliance/findings')
        .query({ organization: organization.id })
        .set(bearer(other.editor.token)),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    expectProblem(
      await api()
        .get('/api/v1/compliance/findings')
        .query({ kind: 'everything' })
        .set(bearer(await asAdmin())),
      400,
      'COMMON.VALIDATION_FAILED',
    );
    expectProblem(
      await api()
        .post('/api/v1/compliance/findings/recompute')
        .query({ jurisdiction: KHABAROVSK })
        .set(bearer(editor.token)),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
  });

  it('keeps the style hits of publication texts and reports the week as a style recommendation with the jurisdiction’s clause (Blagodarny Порядок п.7)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: BLAGODARNY,
      kind: 'administration',
    });
    const page = await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-01-12' });
    await publish(editor.token, [
      {
        pageId: page.id,
        publishedAt: '2026-06-16T10:00:00+03:00',
        externalId: 'style-1',
        text: 'В целях реализации программы состоялось заседание комиссии, в ходе которого осуществлялось обсуждение данного вопроса.',
      },
      {
        pageId: page.id,
        publishedAt: '2026-06-17T10:00:00+03:00',
        externalId: 'style-2',
        text: 'Приходите в субботу на новую площадку у школы — будет весело!',
      },
    ]).expect(200);
    await recompute(BLAGODARNY, '2026-06-22T09:00:00+03:00', '2026-W25');
    const style = (await findingsOf(organization.id)).find((f) => f.kind === 'style');
    expect(style).toMatchObject({ severity: 'recommendation', week: '2026-W25', pageId: page.id });
    expect(style!.citation).toMatchObject({ number: '1249', clause: 'Порядок п.7' });
    expect(style!.details.publications).toBe(1);
    expect(style!.details.hits).toBeGreaterThanOrEqual(3);
  });

  it('stores the style hits of a content plan item’s topic and description and shows them with the item (DOMAIN.md §4)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: KHABAROVSK,
      kind: 'executive_body',
    });
    const items = someItems('2026-08-03', 5);
    items[0] = {
      ...items[0]!,
      topic: 'Открытие сквера',
      description: 'В целях благоустройства осуществляется посадка деревьев.',
    };
    await putItems(
      organization.id,
      '2026-W32',
      { items },
      { token: editor.token, now: '2026-07-27T10:00:00+10:00' },
    ).expect(200);
    const plan = (
      await api()
        .get(`/api/v1/organizations/${organization.id}/content-plans/2026-W32`)
        .set(bearer(editor.token))
        .expect(200)
    ).body;
    const first = plan.items.find((i: { topic: string }) => i.topic === 'Открытие сквера');
    const description = 'В целях благоустройства осуществляется посадка деревьев.';
    expect(first.styleHits.length).toBeGreaterThanOrEqual(2);
    for (const hit of first.styleHits) {
      expect(hit.field).toBe('description');
      expect(description.slice(hit.start, hit.end)).toBe(hit.fragment);
      expect(hit.message).toMatch(/[А-Яа-я]/);
    }
    expect(first.styleHits.map((h: { kind: string }) => h.kind)).toContain('bureaucratese');
  });
});
