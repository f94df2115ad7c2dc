import type { Response } from 'supertest';
import { api, aUser, anOrganization, asAdmin, bearer, expectProblem } from './support/api';
import { deadlineFromCalendar, historyOf, unique } from './support/organizations.builders';

const ORGS = '/api/v1/organizations';

async function listAll(query: Record<string, string | number>, token?: string) {
  const ids: string[] = [];
  const names: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: Response = await api()
      .get(ORGS)
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .set(bearer(token ?? (await asAdmin())))
      .expect(200);
    for (const o of response.body.items) {
      ids.push(o.id);
      names.push(o.name);
    }
    cursor = response.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { ids, names, pages };
}

describe('Organizations: create with requisites', () => {
  it('stores INN and OGRN and records organization_created', async () => {
    const response = await api()
      .post(ORGS)
      .set(bearer(await asAdmin()))
      .send({
        jurisdiction: 'khabarovsk-krai',
        name: `Министерство экономического развития ${unique()}`,
        kind: 'executive_body',
        inn: '2721000000',
        ogrn: '1022700000000',
      })
      .expect(201);
    expect(response.body).toMatchObject({ inn: '2721000000', ogrn: '1022700000000', status: 'active', version: 1 });
    expect(response.headers.etag).toBe('"1"');
    const history = await historyOf(response.body.id);
    expect(history.map((e) => e.type)).toEqual(['organization_created']);
  });

  it('refuses an INN or OGRN of the wrong length with field errors and stores nothing', async () => {
    const name = `Управление ${unique()}`;
    const response = await api()
      .post(ORGS)
      .set(bearer(await asAdmin()))
      .send({ jurisdiction: 'khabarovsk-krai', name, kind: 'executive_body', inn: '12345', ogrn: '10227000000001' });
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['inn', 'ogrn']);
    expect(response.body.errors[0].message).toMatch(/цифр/);
    expect((await listAll({ q: name })).ids).toEqual([]);
  });
});

describe('Organizations: one organization with its superiors', () => {
  it('returns the chain of parents up to the root, nearest first, with version and ETag', async () => {
    const root = await anOrganization({ kind: 'regional_government' });
    const middle = await anOrganization({ parentId: root.id });
    const leaf = await anOrganization({ kind: 'subordinate_organization', parentId: middle.id });
    const response = await api()
      .get(`${ORGS}/${leaf.id}`)
      .set(bearer(await asAdmin()))
      .expect(200);
    expect(response.body.parents.map((p: { id: string }) => p.id)).toEqual([middle.id, root.id]);
    expect(response.body.version).toBe(1);
    expect(response.headers.etag).toBe('"1"');
  });
});

describe('Organizations: changes with optimistic versions', () => {
  it('demands the version the change is based on (428) and refuses a stale one (409), changing nothing', async () => {
    const org = await anOrganization();
    const admin = await asAdmin();
    expectProblem(
      await api().patch(`${ORGS}/${org.id}`).set(bearer(admin)).send({ website: 'https://a.example.ru' }),
      428,
      'REGISTRY.VERSION_REQUIRED',
    );
    const first = await api()
      .patch(`${ORGS}/${org.id}`)
      .set(bearer(admin))
      .set('If-Match', '"1"')
      .send({ website: 'https://a.example.ru' })
      .expect(200);
    expect(first.body.version).toBe(2);
    expect(first.headers.etag).toBe('"2"');
    const stale = await api()
      .patch(`${ORGS}/${org.id}`)
      .set(bearer(admin))
      .send({ website: 'https://b.example.ru', version: 1 });
    expectProblem(stale, 409, 'REGISTRY.VERSION_CONFLICT');
    expect(stale.body.currentVersion).toBe(2);
    const now = await api().get(`${ORGS}/${org.id}`).set(bearer(admin)).expect(200);
    expect(now.body).toMatchObject({ website: 'https://a.example.ru', version: 2 });
  });

  it('refuses a parent that would make a cycle, and a parent of another jurisdiction', async () => {
    const admin = await asAdmin();
    const root = await anOrganization();
    const child = await anOrganization({ parentId: root.id });
    const grandchild = await anOrganization({ parentId: child.id });
    const cycle = await api()
      .patch(`${ORGS}/${root.id}`)
      .set(bearer(admin))
      .send({ parentId: grandchild.id, version: 1 });
    expectProblem(cycle, 422, 'REGISTRY.PARENT_CYCLE');
    expectProblem(
      await api().patch(`${ORGS}/${root.id}`).set(bearer(admin)).send({ parentId: root.id, version: 1 }),
      422,
      'REGISTRY.PARENT_CYCLE',
    );
    const foreign = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    expectProblem(
      await api().patch(`${ORGS}/${child.id}`).set(bearer(admin)).send({ parentId: foreign.id, version: 1 }),
      422,
      'REGISTRY.PARENT_OTHER_JURISDICTION',
    );
    const unchanged = await api().get(`${ORGS}/${root.id}`).set(bearer(admin)).expect(200);
    expect(unchanged.body).toMatchObject({ parentId: null, version: 1 });
    // Moving a subtree elsewhere inside the jurisdiction is fine.
    const other = await anOrganization();
    const moved = await api()
      .patch(`${ORGS}/${child.id}`)
      .set(bearer(admin))
      .send({ parentId: other.id, version: 1 })
      .expect(200);
    expect(moved.body.parentId).toBe(other.id);
  });

  it('lets only one of two concurrent cross moves through, so no cycle appears', async () => {
    const admin = await asAdmin();
    const a = await anOrganization();
    const b = await anOrganization();
    const [first, second] = await Promise.all([
      api().patch(`${ORGS}/${a.id}`).set(bearer(admin)).send({ parentId: b.id, version: 1 }),
      api().patch(`${ORGS}/${b.id}`).set(bearer(admin)).send({ parentId: a.id, version: 1 }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 422]);
    expect([first, second].find((r) => r.status === 422)!.body.code).toBe('REGISTRY.PARENT_CYCLE');
  });

  it('records a rename of a Khabarovsk executive body on 3 Nov 2026 with the report due 5 working days later, past the 4 Nov holiday (Положение 1 p.3.2)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const renamed = await api()
      .patch(`${ORGS}/${org.id}`)
      .set(bearer(await asAdmin()))
      .set('X-Test-Now', '2026-11-03T15:00:00+10:00')
      .set('If-Match', '"1"')
      .send({ name: `${org.name} и занятости` })
      .expect(200);
    expect(renamed.body.name).toBe(`${org.name} и занятости`);

    const history = await historyOf(org.id);
    const rename = history.find((e) => e.type === 'organization_renamed')!;
    expect(rename).toMatchObject({
      occurredOn: '2026-11-03',
      data: { before: org.name, after: `${org.name} и занятости` },
    });
    expect(rename.obligations).toHaveLength(1);
    const [obligation] = rename.obligations;
    expect(obligation).toMatchObject({ ruleCode: 'khabarovsk.registry_update', workingDays: 5 });
    expect(obligation.citation.clause).toBe('Положение 1 п.3.2');
    const expected = await deadlineFromCalendar('khabarovsk-krai', '2026-11-03T15:00', 5);
    expect(Date.parse(obligation.dueAt)).toBe(expected);
    // 4 Nov is a holiday: Thu 5, Fri 6, Mon 9, Tue 10, Wed 11 — close of business in Khabarovsk.
    expect(obligation.dueAt).toMatch(/^2026-11-11T18:00:00\.000\+10:00$/);
  });

  it('keeps renames as history in order, and one in Plastunovskaya obliges no report', async () => {
    const admin = await asAdmin();
    const org = await anOrganization({ jurisdiction: 'plastunovskaya-sp', kind: 'settlement_administration' });
    await api().patch(`${ORGS}/${org.id}`).set(bearer(admin)).send({ name: 'Первое имя', version: 1 }).expect(200);
    await api().patch(`${ORGS}/${org.id}`).set(bearer(admin)).send({ name: 'Второе имя', version: 2 }).expect(200);
    const history = await historyOf(org.id);
    expect(history.map((e) => [e.type, e.data.after ?? null])).toEqual([
      ['organization_created', null],
      ['organization_renamed', 'Первое имя'],
      ['organization_renamed', 'Второе имя'],
    ]);
    expect(history.every((e) => e.obligations.length === 0)).toBe(true);
  });

  it('lets an editor change its own website but not the name, kind or parent', async () => {
    const org = await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [org.id] });
    await api()
      .patch(`${ORGS}/${org.id}`)
      .set(bearer(editor.token))
      .send({ website: 'https://own.example.ru', version: 1 })
      .expect(200);
    const rename = await api()
      .patch(`${ORGS}/${org.id}`)
      .set(bearer(editor.token))
      .send({ name: 'Самовольное название', version: 2 });
    expectProblem(rename, 403, 'AUTH.FORBIDDEN_ROLE');
    expect(rename.body.errors).toEqual([{ field: 'name', message: expect.stringMatching(/координатор/) }]);
    const now = await api().get(`${ORGS}/${org.id}`).set(bearer(editor.token)).expect(200);
    expect(now.body).toMatchObject({ name: org.name, website: 'https://own.example.ru', version: 2 });
  });

  it("refuses a coordinator another jurisdiction's organization", async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration' });
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    expectProblem(
      await api().patch(`${ORGS}/${org.id}`).set(bearer(coordinator.token)).send({ name: 'Чужое', version: 1 }),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
  });
});

describe('Organizations: closure', () => {
  it('closes an organization, keeps it listed as closed and refuses further changes', async () => {
    const admin = await asAdmin();
    const org = await anOrganization();
    const closed = await api()
      .post(`${ORGS}/${org.id}/closure`)
      .set(bearer(admin))
      .send({ closedOn: '2026-01-31' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-01-31', version: 2 });
    expectProblem(
      await api().post(`${ORGS}/${org.id}/closure`).set(bearer(admin)).send({ closedOn: '2026-02-01' }),
      422,
      'REGISTRY.ORGANIZATION_CLOSED',
    );
    expectProblem(
      await api().patch(`${ORGS}/${org.id}`).set(bearer(admin)).send({ name: 'После закрытия', version: 2 }),
      422,
      'REGISTRY.ORGANIZATION_CLOSED',
    );
    const name = org.name.split(' ')[1];
    expect((await listAll({ q: name, status: 'closed' })).ids).toEqual([org.id]);
    expect((await listAll({ q: name, status: 'active' })).ids).toEqual([]);
    const history = await historyOf(org.id);
    expect(history.map((e) => e.type)).toEqual(['organization_created', 'organization_closed']);
  });

  it('refuses a closure dated in the future', async () => {
    const org = await anOrganization();
    const response = await api()
      .post(`${ORGS}/${org.id}/closure`)
      .set(bearer(await asAdmin()))
      .set('X-Test-Now', '2026-11-03T12:00:00+10:00')
      .send({ closedOn: '2026-11-05' });
    expectProblem(response, 400, 'REGISTRY.DATES_INVALID');
  });
});

describe('Organizations: list filters and keyset pagination', () => {
  it('lists the whole subtree under an organization (any depth) and nothing outside it', async () => {
    const tag = unique();
    const root = await anOrganization({ name: `Корень ${tag}`, kind: 'regional_government' });
    const child = await anOrganization({ name: `Дочерняя ${tag}`, parentId: root.id });
    const grandchild = await anOrganization({
      name: `Внучатая ${tag}`,
      kind: 'subordinate_organization',
      parentId: child.id,
    });
    await anOrganization({ name: `Посторонняя ${tag}` });
    const { ids } = await listAll({ under: root.id });
    expect(ids.sort()).toEqual([root.id, child.id, grandchild.id].sort());
    const { ids: underChild } = await listAll({ under: child.id, kind: 'subordinate_organization' });
    expect(underChild).toEqual([grandchild.id]);
  });

  it('pages through results by cursor without gaps or repeats, in each sort order', async () => {
    const tag = unique();
    // Created out of order; no «Ё», which sorts before «А» under the C collation.
    const alphabetical = ['Альфа', 'Бета', 'Гамма', 'Дельта', 'Жук', 'Зета', 'Игрек'].map((n) => `${n} ${tag}`);
    const names = [3, 0, 6, 1, 5, 2, 4].map((i) => alphabetical[i]);
    const created: string[] = [];
    for (const name of names) created.push((await anOrganization({ name })).id);
    const idOf = new Map(names.map((name, i) => [name, created[i]]));

    const byName = await listAll({ q: tag, limit: 2 });
    expect(byName.pages).toBe(4);
    expect(byName.names).toEqual(alphabetical);
    expect(byName.ids).toEqual(alphabetical.map((name) => idOf.get(name)));

    const reversed = await listAll({ q: tag, limit: 3, sort: '-name' });
    expect(reversed.names).toEqual([...alphabetical].reverse());

    const byCreation = await listAll({ q: tag, limit: 2, sort: 'createdAt' });
    expect(byCreation.ids).toEqual(created);
    expect(byCreation.names).toEqual(names);
  });

  it('finds «Объединённая» by «объединенная», whatever the letter case', async () => {
    const tag = unique();
    const org = await anOrganization({ name: `Объединённая дирекция ${tag}` });
    expect((await listAll({ q: `объединенная дирекция ${tag}` })).ids).toEqual([org.id]);
    expect((await listAll({ q: `ОБЪЕДИНЁННАЯ ДИРЕКЦИЯ ${tag}` })).ids).toEqual([org.id]);
    expect((await listAll({ q: `100%_${tag}` })).ids).toEqual([]);
  });

  it('refuses a damaged cursor or one issued for another sort order (INVALID_CURSOR)', async () => {
    const admin = await asAdmin();
    expectProblem(
      await api().get(ORGS).query({ cursor: 'not-a-cursor' }).set(bearer(admin)),
      400,
      'REGISTRY.INVALID_CURSOR',
    );
    const tag = unique();
    await anOrganization({ name: `Первая ${tag}` });
    await anOrganization({ name: `Вторая ${tag}` });
    const first = await api().get(ORGS).query({ q: tag, limit: 1 }).set(bearer(admin)).expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expectProblem(
      await api()
        .get(ORGS)
        .query({ q: tag, limit: 1, sort: '-name', cursor: first.body.nextCursor })
        .set(bearer(admin)),
      400,
      'REGISTRY.INVALID_CURSOR',
    );
  });

  it('refuses a limit outside 1..200', async () => {
    const response = await api()
      .get(ORGS)
      .query({ limit: 201 })
      .set(bearer(await asAdmin()));
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors[0].field).toBe('limit');
  });

  it('keeps a coordinator list inside its jurisdictions even with a subtree filter', async () => {
    const tag = unique();
    const foreign = await anOrganization({
      jurisdiction: 'blagodarny-mo',
      kind: 'administration',
      name: `Чужая ${tag}`,
    });
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    expect((await listAll({ under: foreign.id }, coordinator.token)).ids).toEqual([]);
    const viewer = await aUser({ role: 'viewer' });
    expect((await listAll({ under: foreign.id }, viewer.token)).ids).toEqual([foreign.id]);
  });
});

describe('Organizations: exemption and posting-frequency decisions (Blagodarny Порядок p.4)', () => {
  const decision = {
    decisionNumber: '125-р',
    decisionDate: '2026-12-25',
    clause: 'Порядок п.4',
    validFrom: '2027-01-11',
  };

  it('records a decision on another weekly minimum and obliges bringing it to the organization within 10 working days across the New Year holidays', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' });
    const response = await api()
      .post(`${ORGS}/${org.id}/posting-frequency-decisions`)
      .set(bearer(await asAdmin()))
      .set('X-Test-Now', '2026-12-28T09:00:00+03:00')
      .send({ ...decision, minimumPerWeek: 1, decidedBy: 'Первый заместитель главы администрации' })
      .expect(201);
    expect(response.body).toMatchObject({ minimumPerWeek: 1, validTo: null, decisionNumber: '125-р' });
    expect(response.body.obligations).toHaveLength(1);
    const [obligation] = response.body.obligations;
    expect(obligation).toMatchObject({ ruleCode: 'blagodarny.frequency_decision', workingDays: 10 });
    expect(Date.parse(obligation.dueAt)).toBe(await deadlineFromCalendar('blagodarny-mo', '2026-12-25T12:00', 10));
    const event = (await historyOf(org.id)).find((e) => e.type === 'frequency_decided')!;
    expect(event).toMatchObject({ occurredOn: '2026-12-25', data: { minimumPerWeek: 1, decisionNumber: '125-р' } });
    expect(event.obligations).toHaveLength(1);
    const list = await api()
      .get(`${ORGS}/${org.id}/posting-frequency-decisions`)
      .set(bearer(await asAdmin()))
      .expect(200);
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([response.body.id]);
  });

  it('refuses a period ending before it starts (DATES_INVALID) and stores nothing', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' });
    const admin = await asAdmin();
    const response = await api()
      .post(`${ORGS}/${org.id}/posting-frequency-decisions`)
      .set(bearer(admin))
      .send({
        ...decision,
        decisionDate: '2026-01-20',
        validFrom: '2026-03-01',
        validTo: '2026-02-01',
        minimumPerWeek: 1,
        decidedBy: 'Первый заместитель',
      });
    expectProblem(response, 400, 'REGISTRY.DATES_INVALID');
    expect(response.body.errors).toEqual([{ field: 'validTo', message: expect.any(String) }]);
    const exemption = await api()
      .post(`${ORGS}/${org.id}/exemptions`)
      .set(bearer(admin))
      .send({
        ...decision,
        decisionDate: '2026-01-20',
        validFrom: '2026-03-01',
        validTo: '2026-02-01',
        agreedBy: 'Глава',
      });
    expectProblem(exemption, 400, 'REGISTRY.DATES_INVALID');
    for (const path of ['posting-frequency-decisions', 'exemptions']) {
      expect((await api().get(`${ORGS}/${org.id}/${path}`).set(bearer(admin)).expect(200)).body).toEqual([]);
    }
    expect((await historyOf(org.id)).map((e) => e.type)).toEqual(['organization_created']);
  });

  it('records an exemption agreed with the administration, by a coordinator of the jurisdiction only', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' });
    const body = {
      ...decision,
      decisionDate: '2026-01-20',
      validFrom: '2026-02-01',
      agreedBy: 'Первый заместитель главы администрации',
    };
    const editor = await aUser({ role: 'editor', organizations: [org.id] });
    expectProblem(
      await api().post(`${ORGS}/${org.id}/exemptions`).set(bearer(editor.token)).send(body),
      403,
      'AUTH.FORBIDDEN_ROLE',
    );
    const stranger = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    expectProblem(
      await api().post(`${ORGS}/${org.id}/exemptions`).set(bearer(stranger.token)).send(body),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['blagodarny-mo'] });
    const created = await api()
      .post(`${ORGS}/${org.id}/exemptions`)
      .set(bearer(coordinator.token))
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({ agreedBy: body.agreedBy, recordedBy: coordinator.id, obligations: [] });
    const listed = await api().get(`${ORGS}/${org.id}/exemptions`).set(bearer(editor.token)).expect(200);
    expect(listed.body).toHaveLength(1);
    expect((await historyOf(org.id)).map((e) => e.type)).toEqual(['organization_created', 'exemption_decided']);
  });
});
