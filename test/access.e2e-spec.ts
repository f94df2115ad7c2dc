import { api, aUser, anOrganization, asAdmin, bearer, expectProblem } from './support/api';

describe('Roles and scopes, enforced in one guard', () => {
  it("denies an editor another organization's data with 403", async () => {
    const own = await anOrganization();
    const foreign = await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [own.id] });
    await api().get(`/api/v1/organizations/${own.id}`).set(bearer(editor.token)).expect(200);
    expectProblem(
      await api().get(`/api/v1/organizations/${foreign.id}`).set(bearer(editor.token)),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
  });

  it('lists to an editor only the organizations of its press office', async () => {
    const own = await anOrganization();
    await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [own.id] });
    const list = await api().get('/api/v1/organizations').set(bearer(editor.token)).expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([own.id]);
    expect(list.body.nextCursor).toBeNull();
  });

  it('lets a coordinator work only in its jurisdictions', async () => {
    const inKhabarovsk = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    const inBlagodarny = await anOrganization({ jurisdiction: 'blagodarny-mo' });
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['khabarovsk-krai'] });
    await api().get(`/api/v1/organizations/${inKhabarovsk.id}`).set(bearer(coordinator.token)).expect(200);
    expectProblem(
      await api().get(`/api/v1/organizations/${inBlagodarny.id}`).set(bearer(coordinator.token)),
      403,
      'AUTH.FORBIDDEN_SCOPE',
    );
    await api()
      .post('/api/v1/organizations')
      .set(bearer(coordinator.token))
      .send({
        jurisdiction: 'khabarovsk-krai',
        name: 'Министерство культуры Хабаровского края',
        kind: 'executive_body',
      })
      .expect(201);
    const foreign = await api()
      .post('/api/v1/organizations')
      .set(bearer(coordinator.token))
      .send({ jurisdiction: 'blagodarny-mo', name: 'Управление культуры', kind: 'administration_organ' });
    expectProblem(foreign, 403, 'AUTH.FORBIDDEN_SCOPE');
    const listed = await api()
      .get('/api/v1/organizations?jurisdiction=blagodarny-mo')
      .set(bearer(coordinator.token))
      .expect(200);
    expect(listed.body).toEqual({ items: [], nextCursor: null });
  });

  it('keeps viewers read-only', async () => {
    const org = await anOrganization();
    const viewer = await aUser({ role: 'viewer' });
    await api().get(`/api/v1/organizations/${org.id}`).set(bearer(viewer.token)).expect(200);
    const write = await api()
      .post('/api/v1/organizations')
      .set(bearer(viewer.token))
      .send({ jurisdiction: 'khabarovsk-krai', name: 'Попытка записи', kind: 'executive_body' });
    expectProblem(write, 403, 'AUTH.FORBIDDEN_ROLE');
  });

  it('reserves user management to admins', async () => {
    const org = await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [org.id] });
    expectProblem(await api().get('/api/v1/users').set(bearer(editor.token)), 403, 'AUTH.FORBIDDEN_ROLE');
  });

  it('refuses scopes that do not fit the role', async () => {
    const admin = await asAdmin();
    const editorWithJurisdiction = await api()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        email: 'wrong-scope@test.local',
        password: 'long-enough-password',
        fullName: 'Ошибка',
        role: 'editor',
        jurisdictions: ['khabarovsk-krai'],
      });
    expectProblem(editorWithJurisdiction, 422, 'AUTH.SCOPE_MISMATCH');
    const unknownJurisdiction = await api()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({
        email: 'wrong-scope@test.local',
        password: 'long-enough-password',
        fullName: 'Ошибка',
        role: 'coordinator',
        jurisdictions: ['atlantis'],
      });
    expectProblem(unknownJurisdiction, 422, 'AUTH.UNKNOWN_JURISDICTION');
    const list = await api().get('/api/v1/users').set(bearer(admin)).expect(200);
    expect(list.body.some((u: { email: string }) => u.email === 'wrong-scope@test.local')).toBe(false);
  });

  it('refuses a second user with the same e-mail in another letter case (409)', async () => {
    const admin = await asAdmin();
    const body = { password: 'long-enough-password', fullName: 'Дубликат', role: 'viewer' };
    await api()
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...body, email: 'twice@test.local' })
      .expect(201);
    expectProblem(
      await api()
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ ...body, email: 'TWICE@test.local' }),
      409,
      'AUTH.USER_EMAIL_TAKEN',
    );
  });
});
