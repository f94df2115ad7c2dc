import { api, aUser, bearer, expectProblem } from './support/api';
import { aPage, anOrganizationWithEditor } from './support/pages.builders';

interface Obligation {
  id: string;
  ruleCode: string;
  dueAt: string;
  status: string;
  late: boolean;
  citation: { number: string; clause: string };
}

describe('Reporting obligations (DOMAIN.md §1 reporting deadlines)', () => {
  it('lists what a new page obliges, marks the missed ones overdue and records who fulfilled each (Blagodarny 3.3.2, 3.2.4)', async () => {
    const { organization, editor } = await anOrganizationWithEditor({
      jurisdiction: 'blagodarny-mo',
      kind: 'subordinate_organization',
    });
    await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-06-10' });
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['blagodarny-mo'] });

    const all = await api()
      .get(`/api/v1/obligations?jurisdiction=blagodarny-mo&organizationId=${organization.id}&status=all`)
      .set(bearer(coordinator.token))
      .set('X-Test-Now', '2026-06-16T10:00:00+03:00')
      .expect(200);
    const byRule = Object.fromEntries(all.body.items.map((o: Obligation) => [o.ruleCode, o]));
    // 12 June is a holiday: 2 working days end on Monday 15 June, 3 on Tuesday 16 June, 18:00 Moscow time.
    expect(byRule['blagodarny.chief_specialist']).toMatchObject({
      dueAt: '2026-06-15T18:00:00.000+03:00',
      status: 'overdue',
    });
    expect(byRule['blagodarny.regional_centre']).toMatchObject({
      dueAt: '2026-06-16T18:00:00.000+03:00',
      status: 'open',
    });
    expect(byRule['blagodarny.chief_specialist'].citation).toMatchObject({ number: '1249', clause: 'п.3.3.2' });

    const overdue = await api()
      .get(`/api/v1/obligations?organizationId=${organization.id}&status=overdue`)
      .set(bearer(editor.token))
      .set('X-Test-Now', '2026-06-16T10:00:00+03:00')
      .expect(200);
    expect(overdue.body.items.map((o: Obligation) => o.ruleCode)).toEqual(['blagodarny.chief_specialist']);

    const regional = byRule['blagodarny.regional_centre'];
    const done = await api()
      .post(`/api/v1/organizations/${organization.id}/obligations/${regional.id}/fulfilment`)
      .set(bearer(editor.token))
      .send({ fulfilledAt: '2026-06-16T11:30:00+03:00', note: 'Письмо в ЦУР № 12' })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'fulfilled',
      late: false,
      fulfilledBy: editor.id,
      fulfilledByActor: { id: editor.id, fullName: 'Тестовый Пользователь', email: editor.email },
      note: 'Письмо в ЦУР № 12',
    });
    expect(done.body.fulfilledAt).toBe('2026-06-16T11:30:00.000+03:00');

    const late = await api()
      .post(
        `/api/v1/organizations/${organization.id}/obligations/${byRule['blagodarny.chief_specialist'].id}/fulfilment`,
      )
      .set(bearer(coordinator.token))
      .send({ fulfilledAt: '2026-06-17T09:00:00+03:00' })
      .expect(200);
    expect(late.body).toMatchObject({ status: 'fulfilled', late: true });

    const twice = await api()
      .post(`/api/v1/organizations/${organization.id}/obligations/${regional.id}/fulfilment`)
      .set(bearer(editor.token))
      .send({});
    expectProblem(twice, 409, 'REGISTRY.OBLIGATION_ALREADY_FULFILLED');
  });

  it("keeps an editor out of another organization's obligations (403)", async () => {
    const { organization } = await anOrganizationWithEditor({
      jurisdiction: 'blagodarny-mo',
      kind: 'subordinate_organization',
    });
    const other = await anOrganizationWithEditor({ jurisdiction: 'blagodarny-mo', kind: 'subordinate_organization' });
    const page = await aPage({ organizationId: organization.id, network: 'ok', url: `https://ok.ru/grp${Date.now()}` });
    const obligation = page.obligations[0];
    expectProblem(
      await api().get(`/api/v1/obligations?organizationId=${organization.id}`).set(bearer(other.editor.token)),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    expectProblem(
      await api()
        .post(`/api/v1/organizations/${organization.id}/obligations/${obligation.id}/fulfilment`)
        .set(bearer(other.editor.token))
        .send({}),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    // Listing without filters shows an editor only its own organization's duties.
    await aPage({ organizationId: other.organization.id, network: 'ok', url: `https://ok.ru/own${Date.now()}` });
    const own = await api().get('/api/v1/obligations?status=all').set(bearer(other.editor.token)).expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((o: { organizationId: string }) => o.organizationId === other.organization.id)).toBe(
      true,
    );
  });

  it('pages through obligations by due instant with a cursor', async () => {
    const { organization } = await anOrganizationWithEditor({
      jurisdiction: 'khabarovsk-krai',
      kind: 'executive_body',
    });
    await aPage({ organizationId: organization.id, network: 'vk', createdOn: '2026-11-03' });
    await aPage({
      organizationId: organization.id,
      network: 'ok',
      url: `https://ok.ru/min${Date.now()}`,
      createdOn: '2026-11-05',
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/obligations?organizationId=${organization.id}&status=all&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await api()
        .get(query)
        .set(bearer((await aUser({ role: 'viewer' })).token))
        .expect(200);
      seen.push(...response.body.items.map((o: Obligation) => o.dueAt + o.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(4);
    expectProblem(
      await api()
        .get('/api/v1/obligations?cursor=broken')
        .set(bearer((await aUser({ role: 'viewer' })).token)),
      400,
      'REGISTRY.INVALID_CURSOR',
    );
  });
});
