import request from 'supertest';
import { appUrl } from './support/api';
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
});
