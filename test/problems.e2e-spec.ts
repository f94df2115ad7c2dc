import { connect } from 'node:net';
import { api, appUrl, asAdmin, aUser, bearer, expectProblem } from './support/api';

const NUL_MESSAGE = 'недопустимый символ (NUL или одиночный суррогат)';
const NOT_UTF8_MESSAGE = 'недопустимая последовательность байтов: ожидается текст в кодировке UTF-8';

/** Sends bytes as they are and returns what the server wrote back before closing. */
function rawExchange(bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(appUrl());
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

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

  describe('NUL, lone surrogates and bytes that are not UTF-8 (issue 17 item 5)', () => {
    it('refuses NUL in the public registry search with a 400 naming q, not a 500 or a cached answer', async () => {
      for (const path of ['/registry', '/api/v1/registry', '/registry.csv', '/registry.xlsx']) {
        const response = await api().get(`${path}?q=%00`);
        expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
        expect(response.body.errors).toEqual([{ field: 'q', message: NUL_MESSAGE }]);
        expect(response.headers['cache-control']).toBeUndefined();
      }
    });

    it('refuses invalid UTF-8 and a lone surrogate in a query, naming the parameter', async () => {
      for (const bytes of ['%FF', '%ED%A0%80', '%C0%80']) {
        const response = await api().get(`/api/v1/registry?jurisdiction=khabarovsk-krai&q=a${bytes}`);
        expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
        expect(response.body.errors).toEqual([{ field: 'q', message: NOT_UTF8_MESSAGE }]);
      }
    });

    it('names the path parameter that holds a NUL', async () => {
      const response = await api().get('/api/v1/calendar/khabarovsk%00/days?from=2026-01-01&to=2026-01-02');
      expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
      expect(response.body.errors).toEqual([{ field: 'jurisdiction', message: NUL_MESSAGE }]);
    });

    it('names the JSON field holding a NUL or a lone surrogate and stores nothing', async () => {
      const before = await organizationCount();
      const response = await api()
        .post('/api/v1/organizations')
        .set(bearer(await asAdmin()))
        .set('Content-Type', 'application/json')
        .send(
          '{"jurisdiction":"khabarovsk-krai","name":"Министерство\\u0000","kind":"executive_body","website":"https://a.ru/\\ud800"}',
        );
      expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        { field: 'name', message: NUL_MESSAGE },
        { field: 'website', message: NUL_MESSAGE },
      ]);
      expect(await organizationCount()).toBe(before);
    });

    it('refuses a JSON body whose bytes are not UTF-8', async () => {
      const body = Buffer.concat([
        Buffer.from('{"email":"a'),
        Buffer.from([0xff]),
        Buffer.from('@b.ru","password":"x"}'),
      ]);
      const answer = await rawExchange(
        Buffer.concat([
          Buffer.from(
            `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n` +
              `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
          ),
          body,
        ]),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/\r\ncontent-type: application\/problem\+json/i);
      expect(answer).toContain('"code":"COMMON.BODY_NOT_UTF8"');
    });
  });

  describe('validation messages (issue 17 item 12)', () => {
    it('says a missing field is required rather than reporting its first other constraint', async () => {
      const response = await api()
        .post('/api/v1/pages')
        .set(bearer(await asAdmin()))
        .send({ organizationId: '00000000-0000-4000-8000-000000000000', network: 'vk' });
      expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
      expect(response.body.errors).toEqual([{ field: 'url', message: 'обязательное поле' }]);
    });

    it('lists the allowed values of an enum', async () => {
      const response = await api()
        .post('/api/v1/pages')
        .set(bearer(await asAdmin()))
        .send({ organizationId: '00000000-0000-4000-8000-000000000000', network: 'myspace', url: 'https://vk.com/x' });
      expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors[0].field).toBe('network');
      expect(response.body.errors[0].message).toMatch(
        /^недопустимое значение; допустимые значения: vk, ok, telegram, max\b/,
      );
    });

    it('refuses null for a user attribute stored NOT NULL instead of failing the UPDATE', async () => {
      const user = await aUser({ role: 'viewer' });
      for (const field of ['fullName', 'isActive', 'role', 'password']) {
        const response = await api()
          .patch(`/api/v1/users/${user.id}`)
          .set(bearer(await asAdmin()))
          .send({ [field]: null });
        expectProblem(response, 400, 'COMMON.VALIDATION_FAILED');
        expect(response.body.errors).toEqual([{ field, message: 'обязательное поле: null не допускается' }]);
      }
    });
  });

  describe('what the framework and Node refuse are problems too (issue 17 item 7)', () => {
    it('answers a method a known path does not have with 405 and Allow', async () => {
      for (const method of ['TRACE', 'QUERY', 'PROPFIND', 'DELETE']) {
        const response = await rawExchange(`${method} /api/v1/pages HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expect(response).toMatch(/^HTTP\/1\.1 405 /);
        expect(response).toMatch(/\r\nallow: GET, HEAD, POST\r\n/i);
        expect(response).toMatch(/\r\ncontent-type: application\/problem\+json/i);
        expect(response).toContain('"code":"COMMON.METHOD_NOT_ALLOWED"');
      }
    });

    it('answers an unknown path with any method with a 404 problem', async () => {
      const response = await rawExchange('TRACE /api/v1/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(response).toMatch(/^HTTP\/1\.1 404 /);
      expect(response).toContain('"code":"COMMON.ROUTE_NOT_FOUND"');
    });

    it("answers a request target over 8 KiB with 414 and headers over Node's limit with 431", async () => {
      expectProblem(await api().get(`/api/v1/registry?q=${'я'.repeat(2_000)}`), 414, 'COMMON.URI_TOO_LONG');
      const response = await rawExchange(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(response).toMatch(/^HTTP\/1\.1 431 /);
      expect(response).toMatch(/\r\ncontent-type: application\/problem\+json/i);
      expect(response).toContain('"code":"COMMON.HEADERS_TOO_LARGE"');
    });

    it('answers a malformed content-length and a broken percent escape with 400 problems', async () => {
      const length = await rawExchange('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
      expect(length).toMatch(/^HTTP\/1\.1 400 /);
      expect(length).toMatch(/\r\ncontent-type: application\/problem\+json/i);
      expect(length).toContain('"code":"COMMON.MALFORMED_REQUEST"');
      expectProblem(await api().get('/api/v1/organizations/%zz'), 400, 'COMMON.MALFORMED_REQUEST');
    });

    it("answers a path parameter past the router's limit with a 414 problem", async () => {
      expectProblem(await api().get(`/api/v1/organizations/${'a'.repeat(200)}`), 414, 'COMMON.URI_TOO_LONG');
    });
  });
});
