import { api, aUser, anOrganization, asAdmin, bearer, expectProblem } from './support/api';
import {
  aHandle,
  aPage,
  anOrganizationWithEditor,
  deletePage,
  expectStatus,
  getPage,
  pageHistory,
  pagesOf,
  patchPage,
  postPage,
  vkUrl,
} from './support/pages.builders';

const KHABAROVSK_3_1 = { number: '77-пр', clause: 'Положение 1 п.3.1' };

describe('Official pages: registration (DOMAIN.md §1)', () => {
  it("registers Blagodarny's real pages in their canonical form, whatever form they were typed in", async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const vk = await postPage({
      organizationId: org.id,
      network: 'vk',
      url: 'http://m.vk.com/ABGOSK/',
      createdOn: '2023-11-10',
    });
    expect(vk.status).toBe(201);
    expect(vk.body).toMatchObject({
      organizationId: org.id,
      jurisdiction: 'blagodarny-mo',
      network: 'vk',
      url: 'https://vk.com/abgosk',
      handle: 'abgosk',
      status: 'live',
      countsAsOfficial: true,
      createdOn: '2023-11-10',
      version: 1,
      checklistCompleteness: 0,
    });
    expect(vk.headers.etag).toBe('"1"');
    const ok = await postPage({ organizationId: org.id, network: 'ok', url: 'www.ok.ru/abgosk26?utm_source=site' });
    expect(ok.status).toBe(201);
    expect(ok.body.url).toBe('https://ok.ru/abgosk26');
    // Free the real addresses for anybody else in this run.
    expectStatus(await deletePage(vk.body.id, { deletedOn: '2023-11-10' }), 200);
    expectStatus(await deletePage(ok.body.id), 200);
  });

  it('registers twice as many pages at once as the service has pooled connections (each derives its deadlines in its transaction)', async () => {
    const organizations = await Promise.all(
      Array.from({ length: 40 }, () =>
        anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' }),
      ),
    );
    const responses = await Promise.all(
      organizations.map((o) => postPage({ organizationId: o.id, network: 'vk', createdOn: '2026-06-10' })),
    );
    expect(responses.map((r) => r.status)).toEqual(organizations.map(() => 201));
  });

  it('defaults the creation day to today in the jurisdiction (Khabarovsk is UTC+10)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    const page = await api()
      .post('/api/v1/pages')
      .set(bearer(await asAdmin()))
      .set('X-Test-Now', '2026-06-04T20:30:00Z')
      .send({ organizationId: org.id, network: 'vk', url: vkUrl() })
      .expect(201);
    expect(page.body.createdOn).toBe('2026-06-05');
  });

  it('refuses an address that is not a page of the network, naming the field and the expected form', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    for (const url of ['https://ok.ru/abgosk26', 'javascript:alert(1)', 'https://vk.com/wall-1_2', 'https://vk.com/']) {
      const response = await postPage({ organizationId: org.id, network: 'vk', url });
      expectProblem(response, 400, 'REGISTRY.PAGE_URL_INVALID');
      expect(response.body.errors).toEqual([
        { field: 'url', message: expect.stringContaining('https://vk.com/<имя страницы>') },
      ]);
    }
    expect(await pagesOf(org.id)).toEqual([]);
  });

  it('refuses logins and passwords anywhere in the request and stores nothing (DOMAIN.md §1: access is recorded, not the credentials)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: 'blagodarny-mo',
      kind: 'administration',
    });
    const attempts: Record<string, unknown>[] = [
      { password: 'secret123' },
      { login: 'admin', пароль: '123' },
      { checklist: { geotag: true, vkToken: 'abc' } },
      { accessHandedTo: 'Главный специалист, логин: admin, пароль: 12345' },
      { url: 'https://admin:12345@vk.com/abgosk' },
    ];
    for (const attempt of attempts) {
      const response = await postPage({ organizationId: organization.id, ...attempt }, editor.token);
      expectProblem(response, 400, 'REGISTRY.PAGE_CREDENTIALS_REFUSED');
      expect(JSON.stringify(response.body)).not.toMatch(/12345|secret123|abc"/);
    }
    expect(await pagesOf(organization.id)).toEqual([]);
    const page = await aPage({ organizationId: organization.id }, editor.token);
    expectProblem(
      await patchPage(page.id, { version: 1, password: 'x' }, editor.token),
      400,
      'REGISTRY.PAGE_CREDENTIALS_REFUSED',
    );
    expect((await getPage(page.id)).body.version).toBe(1);
  });

  it('refuses a network the jurisdiction does not keep official pages in, with the citation (Blagodarny п.2.1)', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const response = await postPage({
      organizationId: org.id,
      network: 'telegram',
      url: 'https://t.me/blagodarny_news',
    });
    expectProblem(response, 422, 'REGISTRY.PAGE_NETWORK_NOT_ALLOWED');
    expect(response.body).toMatchObject({ network: 'telegram', allowed: ['vk', 'ok'], citation: { number: '1249' } });
    expect(await pagesOf(org.id)).toEqual([]);
  });

  it('records a legacy Facebook page for history only: it never counts and obliges nobody (Order 2523-р)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const page = await aPage({
      organizationId: org.id,
      network: 'facebook',
      url: `https://facebook.com/${aHandle()}`,
      createdOn: '2020-04-01',
    });
    expect(page).toMatchObject({ network: 'facebook', countsAsOfficial: false, obligations: [] });
    const deleted = expectStatus(await deletePage(page.id, { deletedOn: '2022-03-21' }), 200);
    expect(deleted.body).toMatchObject({ status: 'deleted', obligations: [] });
    const history = expectStatus(await pageHistory(page.id), 200).body;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['page_created', 'page_deleted']);
  });

  it('refuses a page for a closed organization', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    await api()
      .post(`/api/v1/organizations/${org.id}/closure`)
      .set(bearer(await asAdmin()))
      .send({ closedOn: '2026-06-01' })
      .expect(200);
    expectProblem(await postPage({ organizationId: org.id }), 422, 'REGISTRY.ORGANIZATION_CLOSED');
    expect(await pagesOf(org.id)).toEqual([]);
  });

  it('refuses contradictory dates: a mark before creation, a creation in the future', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    const early = await postPage({ organizationId: org.id, createdOn: '2026-06-10', gosuslugiMarkOn: '2026-06-01' });
    expectProblem(early, 400, 'REGISTRY.DATES_INVALID');
    expect(early.body.errors).toEqual([{ field: 'gosuslugiMarkOn', message: expect.any(String) }]);
    const future = await api()
      .post('/api/v1/pages')
      .set(bearer(await asAdmin()))
      .set('X-Test-Now', '2026-06-10T12:00:00+10:00')
      .send({ organizationId: org.id, network: 'vk', url: vkUrl(), createdOn: '2026-06-11' });
    expectProblem(future, 400, 'REGISTRY.DATES_INVALID');
    expect(await pagesOf(org.id)).toEqual([]);
  });

  it('refuses the same address twice, even for another organization', async () => {
    const first = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const second = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration_organ' });
    const handle = aHandle();
    await aPage({ organizationId: first.id, url: `https://vk.com/${handle}` });
    const duplicate = await postPage({ organizationId: second.id, url: `http://www.vk.com/${handle.toUpperCase()}/` });
    expectProblem(duplicate, 409, 'REGISTRY.PAGE_DUPLICATE_URL');
    expect(await pagesOf(second.id)).toEqual([]);
  });

  it('accepts the address of a deleted page again', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const url = vkUrl();
    const old = await aPage({ organizationId: org.id, url, createdOn: '2024-01-10' });
    expectStatus(await deletePage(old.id, { deletedOn: '2025-01-10' }), 200);
    await aPage({ organizationId: org.id, url, createdOn: '2025-02-01' });
  });

  it('refuses a second live VK page for one executive body (Khabarovsk Положение 1 p.3.1)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    await aPage({ organizationId: org.id });
    const second = await postPage({ organizationId: org.id });
    expectProblem(second, 409, 'REGISTRY.PAGE_DUPLICATE_NETWORK');
    expect(second.body.citation).toMatchObject(KHABAROVSK_3_1);
    // An OK page is another network; a legacy page never counts.
    await aPage({ organizationId: org.id, network: 'ok', url: `https://ok.ru/${aHandle()}` });
    expect(await pagesOf(org.id)).toHaveLength(2);
  });

  it('lets exactly one of two concurrent requests create the second VK page (Khabarovsk Положение 1 p.3.1, unique index)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const responses = await Promise.all([postPage({ organizationId: org.id }), postPage({ organizationId: org.id })]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(
      responses.find((r) => r.status === 409)!,
      409,
      'REGISTRY.PAGE_DUPLICATE_NETWORK',
    );
    expect(await pagesOf(org.id)).toHaveLength(1);
  });

  it('allows several VK pages per organization where the policy does not demand one (Blagodarny)', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    await aPage({ organizationId: org.id });
    await aPage({ organizationId: org.id });
    expect(await pagesOf(org.id)).toHaveLength(2);
  });
});

describe('Official pages: reporting obligations with their due instants (DOMAIN.md §1, §7)', () => {
  const deadline = async (from: string, workingDays: number) =>
    (
      await api()
        .get(`/api/v1/calendar/blagodarny-mo/deadline?from=${encodeURIComponent(from)}&workingDays=${workingDays}`)
        .expect(200)
    ).body;

  it('obliges a Blagodarny subordinate org created on Friday 2026-06-05 to report by Tuesday 18:00 (п.3.3.2) and the ЦУР by Wednesday (п.3.2.4)', async () => {
    expect(await deadline('2026-06-05T12:00:00+03:00', 2)).toMatchObject({ due: '2026-06-09T18:00:00.000+03:00' });
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' });
    const page = await aPage({ organizationId: org.id, createdOn: '2026-06-05' });
    const byRule = Object.fromEntries(page.obligations.map((o: { ruleCode: string }) => [o.ruleCode, o]));
    expect(byRule['blagodarny.chief_specialist']).toMatchObject({
      workingDays: 2,
      dueAt: '2026-06-09T18:00:00.000+03:00',
      citation: { number: '1249', clause: 'п.3.3.2' },
    });
    expect(byRule['blagodarny.regional_centre']).toMatchObject({
      workingDays: 3,
      dueAt: '2026-06-10T18:00:00.000+03:00',
    });
    expect(page.obligations).toHaveLength(2);
  });

  it('skips the Russia Day holiday: created on Wednesday 2026-06-10, 2 working days end on Monday 15 June (Blagodarny п.3.3.2)', async () => {
    const calendar = await deadline('2026-06-10T12:00:00+03:00', 2);
    expect(calendar.due).toBe('2026-06-15T18:00:00.000+03:00');
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' });
    const page = await aPage({ organizationId: org.id, createdOn: '2026-06-10' });
    const chief = page.obligations.find((o: { ruleCode: string }) => o.ruleCode === 'blagodarny.chief_specialist');
    expect(chief.dueAt).toBe(calendar.due);
    const centre = page.obligations.find((o: { ruleCode: string }) => o.ruleCode === 'blagodarny.regional_centre');
    expect(centre.dueAt).toBe((await deadline('2026-06-10T12:00:00+03:00', 3)).due);
    expect(centre.dueAt).toBe('2026-06-16T18:00:00.000+03:00');
  });

  it('obliges a Khabarovsk executive body to report to the Committee and publish the link within 5 working days, in UTC+10 (Положение 1 p.3.2, p.3.3)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const page = await aPage({ organizationId: org.id, createdOn: '2026-06-05' });
    // 8, 9, 10, 11 and 15 June: the 12th is a holiday.
    expect(page.obligations.map((o: { ruleCode: string; dueAt: string }) => [o.ruleCode, o.dueAt]).sort()).toEqual([
      ['khabarovsk.registry_update', '2026-06-15T18:00:00.000+10:00'],
      ['khabarovsk.website_link', '2026-06-15T18:00:00.000+10:00'],
    ]);
  });
});

describe('Official pages: changes, optimistic versions and history', () => {
  it('refuses a change without a version (428) and a change based on a stale one (409)', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const page = await aPage({ organizationId: org.id, createdOn: '2026-06-01' });
    expectProblem(await patchPage(page.id, { commentsOpen: true }), 428, 'REGISTRY.VERSION_REQUIRED');
    const first = await api()
      .patch(`/api/v1/pages/${page.id}`)
      .set(bearer(await asAdmin()))
      .set('If-Match', '"1"')
      .send({ commentsOpen: true })
      .expect(200);
    expect(first.body.version).toBe(2);
    expect(first.headers.etag).toBe('"2"');
    const stale = await patchPage(page.id, { version: 1, commentsOpen: false });
    expectProblem(stale, 409, 'REGISTRY.VERSION_CONFLICT');
    expect(stale.body.currentVersion).toBe(2);
    expect((await getPage(page.id)).body.commentsOpen).toBe(true);
  });

  it('records a URL change with its obligations and a deletion, oldest first with before/after (Khabarovsk Положение 1 p.3.2)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const page = await aPage({ organizationId: org.id, createdOn: '2026-06-01' });
    const newUrl = vkUrl();
    const changed = await patchPage(page.id, {
      version: 1,
      url: newUrl.replace('https://', 'http://m.'),
      changedOn: '2026-06-03',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.url).toBe(newUrl);
    expect(changed.body.obligations.map((o: { ruleCode: string }) => o.ruleCode).sort()).toEqual([
      'khabarovsk.registry_update',
      'khabarovsk.website_link',
    ]);
    const marked = await patchPage(page.id, { version: 2, gosuslugiMarkOn: '2026-06-04', commentsOpen: true });
    expect(marked.body).toMatchObject({ version: 3, gosuslugiMarkOn: '2026-06-04', obligations: [] });
    const deleted = expectStatus(await deletePage(page.id, { deletedOn: '2026-06-08' }), 200);
    expect(deleted.body).toMatchObject({ status: 'deleted', deletedOn: '2026-06-08', version: 4 });
    expect(deleted.body.obligations.map((o: { ruleCode: string }) => o.ruleCode)).toEqual([
      'khabarovsk.registry_update',
    ]);
    expectProblem(await deletePage(page.id), 409, 'REGISTRY.PAGE_ALREADY_DELETED');

    const history = expectStatus(await pageHistory(page.id), 200).body;
    expect(history.map((e: { type: string; occurredOn: string }) => [e.type, e.occurredOn])).toEqual([
      ['page_created', '2026-06-01'],
      ['page_url_changed', '2026-06-03'],
      ['gosuslugi_mark_obtained', '2026-06-04'],
      ['page_updated', expect.any(String)],
      ['page_deleted', '2026-06-08'],
    ]);
    expect(history[1].data).toEqual({ before: { url: page.url }, after: { url: newUrl } });
    expect(history[1].obligations.map((o: { dueAt: string }) => o.dueAt)).toEqual([
      '2026-06-10T18:00:00.000+10:00',
      '2026-06-10T18:00:00.000+10:00',
    ]);
    expect(history[3].data).toEqual({ before: { commentsOpen: null }, after: { commentsOpen: true } });
    expect(history[4].data).toEqual({ before: { deletedOn: null }, after: { deletedOn: '2026-06-08' } });
    expect(history[0].recordedBy).toEqual(expect.any(String));
    expect(history[0].recordedAt).toEqual(expect.any(String));
  });

  it('re-validates a changed URL in the page network', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const page = await aPage({ organizationId: org.id });
    const response = await patchPage(page.id, { version: 1, url: 'https://ok.ru/abgosk26' });
    expectProblem(response, 400, 'REGISTRY.PAGE_URL_INVALID');
    expect((await getPage(page.id)).body).toMatchObject({ url: page.url, version: 1 });
  });

  it('refuses a deletion before the creation', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const page = await aPage({ organizationId: org.id, createdOn: '2026-06-10' });
    expectProblem(await deletePage(page.id, { deletedOn: '2026-06-01' }), 400, 'REGISTRY.DATES_INVALID');
    expect((await getPage(page.id)).body.status).toBe('live');
  });

  it('reports the content checklist completeness (Blagodarny Порядок p.5) and none where the policy has no checklist', async () => {
    const blagodarny = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const page = await aPage({
      organizationId: blagodarny.id,
      checklist: { coverWithEmblem: true, unifiedStyle: true, currentInformation: true, geotag: false },
    });
    expect(page).toMatchObject({ checklistCompleteness: 60, checklist: { fieldMaterials: false, geotag: false } });
    const khabarovsk = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    expect(
      (await aPage({ organizationId: khabarovsk.id, checklist: { geotag: true } })).checklistCompleteness,
    ).toBeNull();
  });
});

describe('Official pages: scopes', () => {
  it("denies an editor of org A reading or changing org B's page (403)", async () => {
    const a = await anOrganizationWithEditor({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const b = await anOrganizationWithEditor({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const pageOfB = await aPage({ organizationId: b.organization.id }, b.editor.token);
    for (const response of [
      await getPage(pageOfB.id, a.editor.token),
      await patchPage(pageOfB.id, { version: 1, commentsOpen: true }, a.editor.token),
      await deletePage(pageOfB.id, {}, a.editor.token),
      await pageHistory(pageOfB.id, a.editor.token),
      await api().get(`/api/v1/pages/${pageOfB.id}/metrics`).set(bearer(a.editor.token)),
      await postPage({ organizationId: b.organization.id }, a.editor.token),
    ]) {
      expectProblem(response, 403, 'AUTH.FORBIDDEN_SCOPE');
    }
    const listed = await api()
      .get(`/api/v1/pages?organizationId=${b.organization.id}`)
      .set(bearer(a.editor.token))
      .expect(200);
    expect(listed.body.items).toEqual([]);
    expect((await getPage(pageOfB.id)).body.version).toBe(1);
  });

  it('shows the service phone to admins and coordinators only (Krasnodar 413 Порядок p.2)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: 'blagodarny-mo',
      kind: 'administration',
    });
    const created = await aPage({ organizationId: organization.id, servicePhone: '+7 (86549) 5-13-48' }, editor.token);
    expect(created).not.toHaveProperty('servicePhone');
    expect((await getPage(created.id, editor.token)).body).not.toHaveProperty('servicePhone');
    const viewer = await aUser({ role: 'viewer' });
    expect((await getPage(created.id, viewer.token)).body).not.toHaveProperty('servicePhone');
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['blagodarny-mo'] });
    expect((await getPage(created.id, coordinator.token)).body.servicePhone).toBe('+7 (86549) 5-13-48');
    expect((await getPage(created.id)).body.servicePhone).toBe('+7 (86549) 5-13-48');
    const history = expectStatus(await pageHistory(created.id, editor.token), 200).body;
    expect(JSON.stringify(history)).not.toContain('5-13-48');
    const otherCoordinator = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    expectProblem(await getPage(created.id, otherCoordinator.token), 403, 'AUTH.FORBIDDEN_SCOPE');
  });

  it('answers 404 for a page that does not exist', async () => {
    expectProblem(await getPage('00000000-0000-4000-8000-000000000000'), 404, 'REGISTRY.PAGE_NOT_FOUND');
  });
});

describe('Official pages: list filters and cursor pagination', () => {
  it('filters by organization subtree, network, mark and status, and pages through with a cursor without duplicates', async () => {
    const admin = await asAdmin();
    const root = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const organ = await anOrganization({
      jurisdiction: 'blagodarny-mo',
      kind: 'administration_organ',
      parentId: root.id,
    });
    const school = await anOrganization({
      jurisdiction: 'blagodarny-mo',
      kind: 'subordinate_organization',
      parentId: organ.id,
    });
    const outside = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const created: string[] = [];
    for (const [org, day] of [
      [root, '2026-05-01'],
      [root, '2026-05-02'],
      [organ, '2026-05-03'],
      [school, '2026-05-04'],
      [school, '2026-05-04'],
    ] as const) {
      created.push((await aPage({ organizationId: org.id, createdOn: day })).id);
    }
    const okPage = await aPage({
      organizationId: school.id,
      network: 'ok',
      url: `https://ok.ru/${aHandle()}`,
      createdOn: '2026-05-05',
      gosuslugiMarkOn: '2026-05-06',
    });
    await aPage({ organizationId: outside.id });
    expectStatus(await deletePage(created[0], { deletedOn: '2026-05-10' }), 200);

    const seen: string[] = [];
    let cursor: string | null = null;
    let rounds = 0;
    do {
      const response: { body: { items: { id: string; createdOn: string }[]; nextCursor: string | null } } = await api()
        .get('/api/v1/pages')
        .query({ under: root.id, limit: 4, sort: '-createdOn', ...(cursor && { cursor }) })
        .set(bearer(admin))
        .expect(200);
      seen.push(...response.body.items.map((p) => p.id));
      cursor = response.body.nextCursor;
      rounds++;
    } while (cursor && rounds < 5);
    expect(rounds).toBe(2);
    expect(new Set(seen).size).toBe(6);
    expect(seen.sort()).toEqual([...created, okPage.id].sort());

    const list = async (query: Record<string, string>) =>
      (
        await api()
          .get('/api/v1/pages')
          .query({ under: root.id, ...query })
          .set(bearer(admin))
          .expect(200)
      ).body.items.map((p: { id: string }) => p.id);
    expect(await list({ network: 'ok' })).toEqual([okPage.id]);
    expect(await list({ mark: 'true' })).toEqual([okPage.id]);
    expect(await list({ mark: 'false' })).toHaveLength(5);
    expect(await list({ status: 'deleted' })).toEqual([created[0]]);
    expect(await list({ status: 'live', under: organ.id })).toHaveLength(4);
    expect(await list({ organizationId: root.id, sort: 'createdOn' })).toEqual([created[0], created[1]]);
  });

  it('refuses a damaged cursor', async () => {
    const response = await api()
      .get('/api/v1/pages?cursor=bm90LWEtY3Vyc29y')
      .set(bearer(await asAdmin()));
    expectProblem(response, 400, 'REGISTRY.INVALID_CURSOR');
  });

  it('lists to a coordinator only the pages of its jurisdictions', async () => {
    const inKhabarovsk = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    const page = await aPage({ organizationId: inKhabarovsk.id });
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['blagodarny-mo'] });
    const listed = await api()
      .get(`/api/v1/pages?organizationId=${inKhabarovsk.id}`)
      .set(bearer(coordinator.token))
      .expect(200);
    expect(listed.body.items).toEqual([]);
    const own = await api()
      .get(`/api/v1/pages?organizationId=${inKhabarovsk.id}`)
      .set(bearer(await asAdmin()))
      .expect(200);
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([page.id]);
  });
});

describe('Official pages: followers and reach', () => {
  it('keeps one count per day, replacing it when sent again', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: 'blagodarny-mo',
      kind: 'administration',
    });
    const page = await aPage({ organizationId: organization.id, createdOn: '2026-06-01' }, editor.token);
    const post = (body: Record<string, unknown>) =>
      api().post(`/api/v1/pages/${page.id}/metrics`).set(bearer(editor.token)).send(body);
    expect((await post({ measuredOn: '2026-06-08', followers: 1500 }).expect(200)).body).toEqual({
      measuredOn: '2026-06-08',
      followers: 1500,
      weeklyReach: null,
    });
    await post({ measuredOn: '2026-06-08', followers: 1520, weeklyReach: 8300 }).expect(200);
    await post({ measuredOn: '2026-06-15', followers: 1600 }).expect(200);
    expectProblem(await post({ measuredOn: '2026-05-01', followers: 10 }), 400, 'REGISTRY.DATES_INVALID');
    expectProblem(await post({ measuredOn: '2026-06-16', followers: -1 }), 400, 'COMMON.VALIDATION_FAILED');
    const metrics = await api().get(`/api/v1/pages/${page.id}/metrics`).set(bearer(editor.token)).expect(200);
    expect(metrics.body).toEqual([
      { measuredOn: '2026-06-08', followers: 1520, weeklyReach: 8300 },
      { measuredOn: '2026-06-15', followers: 1600, weeklyReach: null },
    ]);
  });
});
