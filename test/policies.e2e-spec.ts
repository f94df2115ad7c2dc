import { api, aUser, asAdmin, bearer, expectProblem } from './support/api';

describe('Jurisdiction policies: the acts as data, editable with history', () => {
  it('publishes each jurisdiction policy with the citation of every rule', async () => {
    const khabarovsk = await api().get('/api/v1/jurisdictions/khabarovsk-krai/policy').expect(200);
    expect(khabarovsk.headers.etag).toBe(`"${khabarovsk.body.version}"`);
    expect(khabarovsk.body).toMatchObject({ timeZone: 'Asia/Vladivostok', closeOfBusiness: '18:00' });
    const policy = khabarovsk.body.policy;
    expect(policy.onePagePerNetwork).toMatchObject({
      required: true,
      citation: { number: '77-пр', clause: 'Положение 1 п.3.1' },
    });
    expect(policy.contentPlan.required).toBe(true);
    expect(policy.quotas).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ organizationKinds: ['regional_government'], minimumPerWeek: 10 }),
      ]),
    );
    const blagodarny = (await api().get('/api/v1/jurisdictions/blagodarny-mo/policy').expect(200)).body.policy;
    expect(blagodarny.networks.allowed).toEqual(['vk', 'ok']);
    expect(blagodarny.responsibleMinRank).toMatchObject({ rank: 'deputy_head', citation: { number: '1249' } });
    expect(blagodarny.esiaAuthorizedRequired.required).toBe(true);
    expect(blagodarny.reporting.map((r: { workingDays: number }) => r.workingDays).sort()).toEqual([10, 2, 3]);
    expectProblem(await api().get('/api/v1/jurisdictions/atlantis/policy'), 404, 'REGISTRY.POLICY_NOT_FOUND');
  });

  it('lets an admin edit a policy only from its current version, keeping the previous one in the history', async () => {
    const admin = await asAdmin();
    const current = (await api().get('/api/v1/jurisdictions/plastunovskaya-sp/policy').expect(200)).body;

    const noVersion = await api()
      .put('/api/v1/jurisdictions/plastunovskaya-sp/policy')
      .set(bearer(admin))
      .send({ policy: current.policy });
    expectProblem(noVersion, 428, 'REGISTRY.VERSION_REQUIRED');

    const saved = await api()
      .put('/api/v1/jurisdictions/plastunovskaya-sp/policy')
      .set(bearer(admin))
      .set('If-Match', `"${current.version}"`)
      .send({ policy: current.policy, comment: 'Сверено с постановлением № 273' })
      .expect(200);
    expect(saved.body.version).toBe(current.version + 1);

    const stale = await api()
      .put('/api/v1/jurisdictions/plastunovskaya-sp/policy')
      .set(bearer(admin))
      .set('If-Match', `"${current.version}"`)
      .send({ policy: current.policy });
    expectProblem(stale, 409, 'REGISTRY.VERSION_CONFLICT');

    const history = await api()
      .get('/api/v1/jurisdictions/plastunovskaya-sp/policy/history')
      .set(bearer(admin))
      .expect(200);
    expect(history.body[0]).toMatchObject({
      comment: 'Сверено с постановлением № 273',
      before: current.policy,
      after: current.policy,
    });
    // Who changed it, by name, and when in Plastunovskaya's offset (Moscow time).
    const me = (await api().get('/api/v1/auth/me').set(bearer(admin)).expect(200)).body;
    expect(history.body[0].changedBy).toBe(me.userId);
    expect(history.body[0].actor).toEqual({ id: me.userId, fullName: me.fullName, email: me.email });
    expect(history.body[0].changedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+03:00$/);
    expect(saved.body.updatedAt).toMatch(/\+03:00$/);
  });

  it('refuses a broken policy field by field and changes nothing', async () => {
    const admin = await asAdmin();
    const current = (await api().get('/api/v1/jurisdictions/krasnodar-krai/policy').expect(200)).body;
    const response = await api()
      .put('/api/v1/jurisdictions/krasnodar-krai/policy')
      .set(bearer(admin))
      .send({
        version: current.version,
        policy: { ...current.policy, networks: { allowed: ['myspace'] }, quotas: 'many' },
      });
    expectProblem(response, 400, 'REGISTRY.POLICY_INVALID');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['networks.allowed', 'quotas']),
    );
    const after = (await api().get('/api/v1/jurisdictions/krasnodar-krai/policy').expect(200)).body;
    expect(after.version).toBe(current.version);
  });

  it('keeps policy edits to admins', async () => {
    const coordinator = await aUser({ role: 'coordinator', jurisdictions: ['krasnodar-krai'] });
    const current = (await api().get('/api/v1/jurisdictions/krasnodar-krai/policy').expect(200)).body;
    const response = await api()
      .put('/api/v1/jurisdictions/krasnodar-krai/policy')
      .set(bearer(coordinator.token))
      .send({ version: current.version, policy: current.policy });
    expectProblem(response, 403, 'AUTH.FORBIDDEN_ROLE');
  });
});
