import request from 'supertest';
import { appUrl } from './support/api';
import { OpenApiConformance } from './support/openapi-conformance';
import { LintedDocument, lintOpenApiDocument } from './support/openapi-lint';

async function servedDocument(): Promise<LintedDocument> {
  return (await request(appUrl()).get('/api/openapi.json').expect(200)).body as LintedDocument;
}

describe('OpenAPI document', () => {
  it('types every property, documents every operation and parameter in Russian, and names opaque tokens', async () => {
    expect(lintOpenApiDocument(await servedDocument())).toEqual([]);
  });

  it('is OpenAPI 3.0 with relative servers when PUBLIC_BASE_URL is unset', async () => {
    const document = await servedDocument();
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(document.servers).toEqual([{ url: '/' }]);
  });

  it('describes the bearer scheme as an opaque token from login or an API token, not a JWT', async () => {
    const { bearer } = (await servedDocument()).components?.securitySchemes ?? {};
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer).not.toHaveProperty('bearerFormat');
    expect(bearer?.description).toMatch(/не JWT/);
    expect(bearer?.description).toContain('/api/v1/auth/login');
    expect(bearer?.description).toContain('/api/v1/auth/tokens');
  });

  it('lint catches what it is meant to catch', () => {
    const problems = lintOpenApiDocument({
      openapi: '3.0.0',
      tags: [{ name: 'auth' }],
      paths: {
        '/things/{id}': {
          get: {
            summary: 'Get a thing',
            tags: ['auth'],
            parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }],
            security: [{ bearer: [] }],
            responses: {
              '200': {
                content: {
                  'application/json': { schema: { type: 'object', properties: { due: { type: 'object' } } } },
                },
              },
            },
          },
        },
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    });
    expect(problems).toEqual([
      'GET /things/{id}: summary is not Russian: Get a thing',
      'GET /things/{id}: description is not Russian: undefined',
      'GET /things/{id}: tag "auth" is not Russian',
      'GET /things/{id}: path parameter id has no format, pattern or enum',
      'GET /things/{id}: guarded but 401 not documented',
      'GET /things/{id} 200 application/json.due: type object without properties or additionalProperties',
      'tag "auth" is not Russian',
      'security scheme bearer claims JWT: tokens are opaque',
      'security scheme bearer: description is not Russian',
      'no servers',
    ]);
  });

  it('the answer check fails on an undocumented status, content type, member or null', () => {
    const conformance = new OpenApiConformance({
      openapi: '3.0.0',
      paths: {
        '/things/{id}': {
          get: {
            responses: {
              '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
              '204': {},
            },
          },
        },
        '/things/export.csv': { get: { responses: { '200': { content: { 'text/csv': {} } } } } },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            required: ['id', 'dueAt'],
            properties: { id: { type: 'string', format: 'uuid' }, dueAt: { type: 'string', nullable: true } },
          },
        },
      },
    });
    const answer = (status: number, contentType: string, body: unknown) =>
      ({ status, headers: { 'content-type': contentType }, body, text: JSON.stringify(body) }) as never;
    const id = '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b';
    const json = 'application/json; charset=utf-8';

    expect(conformance.check('get', `/things/${id}?x=1`, answer(200, json, { id, dueAt: null }))).toEqual([]);
    expect(conformance.check('get', '/things/export.csv', answer(200, 'text/csv; charset=utf-8', 'a;b'))).toEqual([]);
    expect(conformance.check('get', '/nowhere', answer(404, json, {}))).toEqual([]);
    expect(conformance.check('get', `/things/${id}`, answer(404, json, {}))[0]).toMatch(
      /^GET \/things\/.+ \(\/things\/\{id\}\) answered 404: status not documented \(documented: 200, 204\)/,
    );
    expect(conformance.check('get', `/things/${id}`, answer(200, 'text/html', '<p>')).join()).toContain(
      'content type "text/html" not documented',
    );
    expect(conformance.check('get', `/things/${id}`, answer(200, json, { id, dueAt: 5 })).join()).toContain(
      'body/dueAt must be string',
    );
    expect(
      conformance.check('get', `/things/${id}`, answer(200, json, { id, dueAt: null, extra: 1 })).join(),
    ).toContain('must NOT have additional properties {"additionalProperty":"extra"}');
    expect(conformance.check('get', `/things/${id}`, answer(200, json, { id: 'x', dueAt: null })).join()).toContain(
      'body/id must match format "uuid"',
    );
  });
});
