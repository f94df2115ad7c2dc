import { api, aUser, anOrganization, asAdmin, bearer, expectProblem } from './support/api';
import { anOfficial, deadlineFromCalendar, historyOf, unique } from './support/organizations.builders';

const officialsOf = (organizationId: string) => `/api/v1/organizations/${organizationId}/officials`;

const person = (over: Record<string, unknown> = {}) => ({
  fullName: `Сидоров Иван ${unique()}`,
  position: 'Главный специалист',
  rank: 'specialist',
  roles: ['responsible'],
  workPhone: '+7 861 200-00-00',
  ...over,
});

async function officialsCount(organizationId: string) {
  const response = await api()
    .get(officialsOf(organizationId))
    .set(bearer(await asAdmin()))
    .expect(200);
  return response.body.length as number;
}

describe('Officials: rank floor of the responsible official', () => {
  it('refuses a specialist as responsible official in Krasnodar krai (413 Порядок p.2), storing nothing', async () => {
    const org = await anOrganization({ jurisdiction: 'krasnodar-krai', kind: 'executive_body' });
    const response = await api()
      .post(officialsOf(org.id))
      .set(bearer(await asAdmin()))
      .send(person());
    expectProblem(response, 422, 'REGISTRY.RESPONSIBLE_RANK_TOO_LOW');
    expect(response.body.citation).toMatchObject({ number: '413', date: '2023-06-26' });
    expect(response.body.citation.clause).toMatch(/Порядок п\.2/);
    expect(response.body.minimumRank).toBe('deputy_head');
    expect(response.body.errors).toEqual([{ field: 'rank', message: expect.stringMatching(/заместитель/) }]);
    expect(await officialsCount(org.id)).toBe(0);
    expect((await historyOf(org.id)).map((e) => e.type)).toEqual(['organization_created']);
  });

  it('refuses a department head and accepts a deputy head as responsible in Blagodarny (3.3.1.2)', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'administration_organ' });
    const admin = await asAdmin();
    const low = await api()
      .post(officialsOf(org.id))
      .set(bearer(admin))
      .send(person({ rank: 'department_head' }));
    expectProblem(low, 422, 'REGISTRY.RESPONSIBLE_RANK_TOO_LOW');
    expect(low.body.citation).toMatchObject({ number: '1249', clause: 'п.3.3.1.2' });
    await api()
      .post(officialsOf(org.id))
      .set(bearer(admin))
      .send(person({ rank: 'deputy_head' }))
      .expect(201);
    expect(await officialsCount(org.id)).toBe(1);
  });

  it('accepts any rank as responsible where the act sets no floor (Plastunovskaya Прил. 1 p.2)', async () => {
    const org = await anOrganization({ jurisdiction: 'plastunovskaya-sp', kind: 'settlement_administration' });
    await api()
      .post(officialsOf(org.id))
      .set(bearer(await asAdmin()))
      .send(person())
      .expect(201);
  });

  it('refuses demoting the responsible official below the floor in Krasnodar krai (413 Порядок p.2)', async () => {
    const org = await anOrganization({ jurisdiction: 'krasnodar-krai', kind: 'executive_body' });
    const official = await anOfficial(org.id, { rank: 'deputy_head' });
    const response = await api()
      .patch(`${officialsOf(org.id)}/${official.id}`)
      .set(bearer(await asAdmin()))
      .set('If-Match', '"1"')
      .send({ rank: 'specialist' });
    expectProblem(response, 422, 'REGISTRY.RESPONSIBLE_RANK_TOO_LOW');
    const now = await api()
      .get(`${officialsOf(org.id)}/${official.id}`)
      .set(bearer(await asAdmin()))
      .expect(200);
    expect(now.body).toMatchObject({ rank: 'deputy_head', version: 1 });
    expect(now.headers.etag).toBe('"1"');
  });
});

describe('Officials: ESIA identification of the authorized person', () => {
  it('refuses an authorized person without ESIA confirmation in Blagodarny (2.3, 3.3.1.3)', async () => {
    const org = await anOrganization({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' });
    const admin = await asAdmin();
    const response = await api()
      .post(officialsOf(org.id))
      .set(bearer(admin))
      .send(person({ roles: ['authorized'] }));
    expectProblem(response, 422, 'REGISTRY.ESIA_CONFIRMATION_REQUIRED');
    expect(response.body.citation).toMatchObject({ number: '1249', clause: 'п.2.3, 3.3.1.3' });
    expect(await officialsCount(org.id)).toBe(0);
    const confirmed = await api()
      .post(officialsOf(org.id))
      .set(bearer(admin))
      .send(person({ roles: ['authorized'], esiaConfirmedOn: '2026-01-15' }))
      .expect(201);
    expect(confirmed.body).toMatchObject({ roles: ['authorized'], esiaConfirmedOn: '2026-01-15' });
    // Clearing the confirmation later is refused as well.
    expectProblem(
      await api()
        .patch(`${officialsOf(org.id)}/${confirmed.body.id}`)
        .set(bearer(admin))
        .send({ esiaConfirmedOn: null, version: 1 }),
      422,
      'REGISTRY.ESIA_CONFIRMATION_REQUIRED',
    );
  });

  it('does not demand ESIA where the policy does not (Khabarovsk)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    await api()
      .post(officialsOf(org.id))
      .set(bearer(await asAdmin()))
      .send(person({ roles: ['authorized'] }))
      .expect(201);
  });
});

describe('Officials: reportable changes and their deadlines', () => {
  it('obliges reporting a new executor of a Khabarovsk executive body in 3 working days past the 4 Nov holiday (Положение 2 p.5)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const created = await api()
      .post(officialsOf(org.id))
      .set(bearer(await asAdmin()))
      .set('X-Test-Now', '2026-11-03T10:00:00+10:00')
      .send(person({ roles: ['executor'] }))
      .expect(201);
    expect(created.body.activeFrom).toBe('2026-11-03');
    const event = (await historyOf(org.id)).find((e) => e.type === 'executor_changed')!;
    expect(event).toMatchObject({ occurredOn: '2026-11-03', officialId: created.body.id });
    expect(event.data).not.toHaveProperty('workPhone');
    expect(event.obligations).toHaveLength(1);
    expect(event.obligations[0]).toMatchObject({ ruleCode: 'khabarovsk.executor_change', workingDays: 3 });
    expect(event.obligations[0].citation.clause).toBe('Положение 2 п.5');
    const expected = await deadlineFromCalendar('khabarovsk-krai', '2026-11-03T10:00', 3);
    expect(Date.parse(event.obligations[0].dueAt)).toBe(expected);
    expect(event.obligations[0].dueAt).toBe('2026-11-09T18:00:00.000+10:00');
  });

  it('obliges sending the responsible persons\u2019 contacts within 5 working days, also when a phone changes (Khabarovsk постановление p.4–5)', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const admin = await asAdmin();
    const official = await anOfficial(org.id, { rank: 'deputy_head', roles: ['responsible'] });
    await api()
      .patch(`${officialsOf(org.id)}/${official.id}`)
      .set(bearer(admin))
      .set('X-Test-Now', '2026-11-03T16:00:00+10:00')
      .set('If-Match', '"1"')
      .send({ workPhone: '+7 4212 40-11-11' })
      .expect(200);
    const history = await historyOf(org.id);
    const responsible = history.filter((e) => e.type === 'responsible_changed');
    expect(responsible).toHaveLength(2);
    expect(responsible[1].data.changed).toEqual(['workPhone']);
    const [obligation] = responsible[1].obligations;
    expect(obligation).toMatchObject({ ruleCode: 'khabarovsk.responsible_contacts', workingDays: 5 });
    expect(Date.parse(obligation.dueAt)).toBe(await deadlineFromCalendar('khabarovsk-krai', '2026-11-03T16:00', 5));
  });

  it('records other assignments and changes as plain history without obligations', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai', kind: 'executive_body' });
    const official = await anOfficial(org.id, { roles: ['authorized'] });
    await api()
      .patch(`${officialsOf(org.id)}/${official.id}`)
      .set(bearer(await asAdmin()))
      .send({ position: 'Консультант', version: 1 })
      .expect(200);
    const history = (await historyOf(org.id)).filter((e) => e.officialId === official.id);
    expect(history.map((e) => e.type)).toEqual(['official_assigned', 'official_changed']);
    expect(history.every((e) => e.obligations.length === 0)).toBe(true);
  });

  it('demands a version (428), refuses a stale one (409) and ignores a change that changes nothing', async () => {
    const org = await anOrganization();
    const admin = await asAdmin();
    const official = await anOfficial(org.id);
    const url = `${officialsOf(org.id)}/${official.id}`;
    expectProblem(
      await api().patch(url).set(bearer(admin)).send({ position: 'Министр' }),
      428,
      'REGISTRY.VERSION_REQUIRED',
    );
    const changed = await api()
      .patch(url)
      .set(bearer(admin))
      .send({ position: 'Первый заместитель министра', rank: 'first_deputy_head', version: 1 })
      .expect(200);
    expect(changed.body.version).toBe(2);
    expectProblem(
      await api().patch(url).set(bearer(admin)).set('If-Match', '"1"').send({ position: 'Министр' }),
      409,
      'REGISTRY.VERSION_CONFLICT',
    );
    const same = await api()
      .patch(url)
      .set(bearer(admin))
      .send({ position: 'Первый заместитель министра', version: 2 })
      .expect(200);
    expect(same.body.version).toBe(2);
  });

  it('refuses contradictory dates and an empty role list', async () => {
    const org = await anOrganization();
    const admin = await asAdmin();
    const dates = await api()
      .post(officialsOf(org.id))
      .set(bearer(admin))
      .send(person({ activeFrom: '2026-03-01', activeTo: '2026-02-01' }));
    expectProblem(dates, 400, 'REGISTRY.DATES_INVALID');
    expect(dates.body.errors[0].field).toBe('activeTo');
    const roles = await api()
      .post(officialsOf(org.id))
      .set(bearer(admin))
      .send(person({ roles: [] }));
    expectProblem(roles, 400, 'COMMON.VALIDATION_FAILED');
    expect(roles.body.errors[0].field).toBe('roles');
    expect(await officialsCount(org.id)).toBe(0);
  });

  it('takes no new officials for a closed organization', async () => {
    const org = await anOrganization();
    await api()
      .post(`/api/v1/organizations/${org.id}/closure`)
      .set(bearer(await asAdmin()))
      .send({ closedOn: '2026-01-31' })
      .expect(200);
    expectProblem(
      await api()
        .post(officialsOf(org.id))
        .set(bearer(await asAdmin()))
        .send(person()),
      422,
      'REGISTRY.ORGANIZATION_CLOSED',
    );
  });
});

describe('Officials: who sees work contacts', () => {
  it("editor of org A cannot read officials' phones of org B", async () => {
    const a = await anOrganization();
    const b = await anOrganization();
    await anOfficial(a.id);
    await anOfficial(b.id);
    const editor = await aUser({ role: 'editor', organizations: [a.id] });
    const own = await api().get(officialsOf(a.id)).set(bearer(editor.token)).expect(200);
    expect(own.body[0].workPhone).toBe('+7 4212 40-00-00');
    expectProblem(await api().get(officialsOf(b.id)).set(bearer(editor.token)), 403, 'AUTH.FORBIDDEN_SCOPE');
    expectProblem(
      await api().post(officialsOf(b.id)).set(bearer(editor.token)).send(person()),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
  });

  it('shows contacts to the coordinator of the jurisdiction, never to viewers', async () => {
    const org = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    await anOfficial(org.id);
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    const seen = await api().get(officialsOf(org.id)).set(bearer(coordinator.token)).expect(200);
    expect(seen.body[0]).toHaveProperty('workEmail');
    expect(seen.body[0].workPhone).toBe('+7 4212 40-00-00');
    const viewer = await aUser({ role: 'viewer' });
    const hidden = await api().get(officialsOf(org.id)).set(bearer(viewer.token)).expect(200);
    expect(hidden.body[0].fullName).toBeDefined();
    expect(hidden.body[0]).not.toHaveProperty('workPhone');
    expect(hidden.body[0]).not.toHaveProperty('workEmail');
    const other = await aUser({ role: 'coordinator', jurisdictions: ['blagodarny-mo'] });
    expectProblem(await api().get(officialsOf(org.id)).set(bearer(other.token)), 403, 'AUTH.FORBIDDEN_SCOPE');
  });

  it('lets an editor assign officials of its own organization', async () => {
    const org = await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [org.id] });
    const created = await api().post(officialsOf(org.id)).set(bearer(editor.token)).send(person()).expect(201);
    expect(created.body.workPhone).toBe('+7 861 200-00-00');
  });
});
