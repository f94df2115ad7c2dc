import { api } from './support/api';
import { runScript, testEnvironment } from './support/processes';

describe('Platform', () => {
  it('reports the process up on /health and the database with migrations on /ready', async () => {
    expect((await api().get('/health').expect(200)).body).toEqual({ status: 'ok' });
    expect((await api().get('/ready').expect(200)).body).toMatchObject({
      status: 'ready',
      database: true,
      migrations: true,
    });
  });

  it('has no schema drift: entities and committed migrations describe the same schema', async () => {
    const result = await runScript(
      'dist/src/database/migration-cli.js',
      ['check'],
      testEnvironment({ DATABASE_URL: process.env.TEST_DB_URL }),
    );
    expect(result.output).toContain('Schema matches the entities.');
    expect(result.code).toBe(0);
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await api().get('/api/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const page = await api().get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger');
  });

  it('documents every operation with a summary, a response and examples', async () => {
    const doc = (await api().get('/api/openapi.json').expect(200)).body;
    const problems: string[] = [];
    const schemas = doc.components.schemas as Record<
      string,
      { properties?: Record<string, { example?: unknown; $ref?: string; items?: unknown; allOf?: unknown }> }
    >;
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!operation.summary) problems.push(`${where}: no summary`);
        const responses = Object.keys(operation.responses ?? {});
        if (!responses.some((status) => /^2\d\d$/.test(status))) problems.push(`${where}: no success response`);
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in === 'query' && parameter.example === undefined && parameter.schema?.example === undefined) {
            problems.push(`${where}: query parameter ${parameter.name} has no example`);
          }
        }
      }
    }
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [property, definition] of Object.entries(schema.properties ?? {})) {
        const nested = definition.$ref || definition.allOf || (definition.items as { $ref?: string } | undefined)?.$ref;
        if (!nested && definition.example === undefined) problems.push(`schema ${name}.${property}: no example`);
      }
    }
    expect(problems).toEqual([]);
  });
});
