import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/constants';
import { api, aUser, anOrganization, asAdmin, bearer, expectProblem, login } from './support/api';

describe('Authentication', () => {
  it('logs in with the right password and returns a bearer token that works', async () => {
    const response = await api()
      .post('/api/v1/auth/login')
      .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      .expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', token: expect.stringMatching(/^ops_/) });
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await api().get('/api/v1/auth/me').set(bearer(response.body.token)).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
  });

  it('accepts the e-mail in any letter case', async () => {
    await api()
      .post('/api/v1/auth/login')
      .send({ email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD })
      .expect(200);
  });

  it('refuses a wrong password with 401 problem+json that does not say which part was wrong', async () => {
    const wrongPassword = await api()
      .post('/api/v1/auth/login')
      .send({ email: ADMIN_EMAIL, password: 'wrong-password' });
    expectProblem(wrongPassword, 401, 'AUTH.INVALID_CREDENTIALS');
    const unknownUser = await api()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@test.local', password: 'wrong-password' });
    expectProblem(unknownUser, 401, 'AUTH.INVALID_CREDENTIALS');
    expect(unknownUser.body.detail).toBe(wrongPassword.body.detail);
  });

  it('denies an unauthenticated call with 401', async () => {
    expectProblem(await api().get('/api/v1/organizations'), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(await api().get('/api/v1/auth/me').set('Authorization', 'Basic abc'), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('denies a made-up token with 401', async () => {
    const response = await api().get('/api/v1/auth/me').set(bearer('ops_not-a-real-token'));
    expectProblem(response, 401, 'AUTH.TOKEN_INVALID');
  });

  it('revokes the session on logout', async () => {
    const token = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
    await api().post('/api/v1/auth/logout').set(bearer(token)).expect(204);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(token)), 401, 'AUTH.TOKEN_INVALID');
  });

  it('blocks every token of a deactivated user', async () => {
    const org = await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [org.id] });
    await api()
      .patch(`/api/v1/users/${editor.id}`)
      .set(bearer(await asAdmin()))
      .send({ isActive: false })
      .expect(200);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(editor.token)), 401, 'AUTH.TOKEN_INVALID');
    const again = await api().post('/api/v1/auth/login').send({ email: editor.email, password: editor.password });
    expectProblem(again, 401, 'AUTH.INVALID_CREDENTIALS');
  });
});

describe('API tokens for integrations', () => {
  it('creates a long-lived token shown once, lists it without the secret and revokes it', async () => {
    const org = await anOrganization();
    const editor = await aUser({ role: 'editor', organizations: [org.id] });
    const created = await api()
      .post('/api/v1/auth/tokens')
      .set(bearer(editor.token))
      .send({ name: 'Выгрузка из мониторинга', expiresInDays: 30 })
      .expect(201);
    expect(created.body.token).toMatch(/^opa_/);

    const me = await api().get('/api/v1/auth/me').set(bearer(created.body.token)).expect(200);
    expect(me.body).toMatchObject({ email: editor.email, role: 'editor', organizations: [org.id] });

    const list = await api().get('/api/v1/auth/tokens').set(bearer(editor.token)).expect(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id: created.body.id, name: 'Выгрузка из мониторинга', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    await api().delete(`/api/v1/auth/tokens/${created.body.id}`).set(bearer(editor.token)).expect(204);
    expectProblem(await api().get('/api/v1/auth/me').set(bearer(created.body.token)), 401, 'AUTH.TOKEN_INVALID');
  });

  it("does not let one user revoke another user's token", async () => {
    const org = await anOrganization();
    const owner = await aUser({ role: 'editor', organizations: [org.id] });
    const other = await aUser({ role: 'editor', organizations: [org.id] });
    const created = await api().post('/api/v1/auth/tokens').set(bearer(owner.token)).send({ name: 'CRM' }).expect(201);
    expectProblem(
      await api().delete(`/api/v1/auth/tokens/${created.body.id}`).set(bearer(other.token)),
      404,
      'AUTH.TOKEN_NOT_FOUND',
    );
    await api().get('/api/v1/auth/me').set(bearer(created.body.token)).expect(200);
  });
});
