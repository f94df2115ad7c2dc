import { api, asAdmin, bearer, expectProblem } from './support/api';

describe('Bad input gets a clear problem+json answer and changes nothing', () => {
  async function organizationCount() {
    let count = 0;
    let cursor: string | null = null;
    do {
      const list = await api()
        .get('/api/v1/organizations')
        .query({ limit: 200, ...(cursor && { cursor }) })
        .set(bearer(await asAdmin()))
        .expect(200);
      count += list.body.items.length as number;
      cursor = list.body.nextCursor as string | null;
    } while (cursor);
    return count;
  }

  it('rejects a malformed body listing each bad field', async () => {
    const before = await organizationCount();
    const response = await api()
      .post('/api/v1/organizations')
      .set(bearer(await asAdmin()))
      .send({ jurisdiction: 'Khabarovsk Krai!', name: '', kind: 'ministry', website: 'not a url' });
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'jurisdiction',
      'kind',
      'name',
      'website',
    ]);
    for (const error of response.body.errors) expect(error.message).toMatch(/[а-яё]/);
    expect(await organizationCount()).toBe(before);
  });

  it('rejects an unknown field', async () => {
    const before = await organizationCount();
    const response = await api()
      .post('/api/v1/organizations')
      .set(bearer(await asAdmin()))
      .send({ jurisdiction: 'khabarovsk-krai', name: 'Министерство', kind: 'executive_body', password: 'x' });
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'password', message: 'такого поля нет в запросе этого типа' }]);
    expect(await organizationCount()).toBe(before);
  });

  it('rejects broken JSON', async () => {
    const response = await api()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", "password": ');
    expectProblem(response, 400, 'COMMON.MALFORMED_BODY');
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await api().post('/api/v1/auth/login').set('Content-Type', 'text/plain').send('email=a');
    expectProblem(response, 415, 'COMMON.UNSUPPORTED_MEDIA_TYPE');
  });

  it('rejects a JSON array where an object is expected', async () => {
    const response = await api()
      .post('/api/v1/auth/login')
      .send([{ email: 'a@b.c' }]);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('names a malformed id parameter', async () => {
    const response = await api()
      .get('/api/v1/organizations/not-a-uuid')
      .set(bearer(await asAdmin()));
    expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'organizationId', message: 'ожидается идентификатор UUID' }]);
  });

  it('answers an unknown route with a 404 problem', async () => {
    expectProblem(await api().get('/api/v1/nothing-here'), 404, 'COMMON.ROUTE_NOT_FOUND');
  });

  it('answers a missing organization with its own code', async () => {
    const response = await api()
      .get('/api/v1/organizations/00000000-0000-4000-8000-000000000000')
      .set(bearer(await asAdmin()));
    expectProblem(response, 404, 'REGISTRY.ORGANIZATION_NOT_FOUND');
  });

  it('sends security headers and echoes the request id', async () => {
    const response = await api().get('/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-request-id']).toBe('trace-123');
  });
});
