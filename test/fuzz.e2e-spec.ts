import { randomUUID } from 'node:crypto';
import http from 'node:http';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/constants';
import { aFreshDatabase, suiteEnvironment } from './support/global-setup';
import { RunningApp, startApp } from './support/processes';

/**
 * Drives every operation of the service's own OpenAPI document with bad input: for each path and
 * query parameter and each body field, values of the wrong type, huge strings, control characters,
 * NUL, lone surrogates, invalid UTF-8 bytes, deep nesting, duplicated parameters and missing
 * required fields, one at a time over an otherwise plausible request. Every answer must be a clear
 * client error or a success: never ≥ 500, never a dropped connection, every error problem+json,
 * and no read route may change a row count.
 *
 * It runs against a service of its own on a database of its own (on the same PostgreSQL server as
 * the shared one): the write routes accept some of what it sends, and those rows must not show up
 * in the counts and lists of the other test files. The row counts are read from that database.
 *
 * It stays signed in as admin throughout: POST /auth/logout is left out (it revokes the token the
 * run uses); DELETE /auth/tokens/{id} only ever gets ids that are not its own token's; PATCH
 * /users/{id} is aimed at a throwaway user, never at the admin. A last check proves the token works.
 */
jest.setTimeout(300_000);

const SEED = 20261207;
/** Random values per field on top of the fixed list: bounds the file to about two minutes. */
const RANDOM_PER_FIELD = 4;
const CONCURRENCY = 4;
const EXCLUDED = new Set(['POST /api/v1/auth/logout']);

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
}

/** A URL value: text (lone surrogates sent as the bytes a careless encoder would produce) or raw bytes. */
type UrlValue = string | { bytes: number[] };

interface Case {
  method: string;
  route: string;
  path: string;
  query: string;
  body?: Buffer;
  contentType?: string;
  /** Announces this Content-Length but sends only `body`: the server must refuse on the header alone. */
  declaredLength?: number;
  what: string;
}

interface Outcome {
  status?: number;
  contentType?: string;
  allow?: string;
  error?: string;
}

const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });
const deepArray = (depth: number): unknown => (depth === 0 ? [] : [deepArray(depth - 1)]);

/** JSON values that a field of any type might be sent, beside the random ones. */
const BAD_JSON_VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['empty string', ''],
  ['blank', '   '],
  ['NUL', '\u0000'],
  ['NUL inside', 'Министерство\u0000здравоохранения'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', 'x\udc00y'],
  ['control characters', '\u0001\u0007\u001b[31m\u007f\u0085'],
  ['huge string', 'я'.repeat(100_000)],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['unsafe integer', 2 ** 53 + 1],
  ['huge number', 1e308],
  ['true', true],
  ['empty list', []],
  ['list of null', [null]],
  ['empty object', {}],
  ['operator object', { $ne: 1 }],
  ['deep object', deep(30)],
  ['deep list', deepArray(30)],
  ['impossible date', '2026-02-30'],
  ['far date', '9999-12-31'],
  ['week 54', '2026-W54'],
  ['SQL', "' OR 1=1; DROP TABLE organizations; --"],
  ['path traversal', '../../../etc/passwd'],
  ['fullwidth', 'ｖｋ'],
];

const BAD_URL_VALUES: Array<[string, UrlValue]> = [
  ['empty', ''],
  ['NUL', '\u0000'],
  ['NUL inside', 'khabarovsk\u0000krai'],
  ['lone surrogate', '\ud800'],
  ['byte FF', { bytes: [0xff] }],
  ['overlong NUL', { bytes: [0xc0, 0x80] }],
  ['truncated sequence', { bytes: [0x61, 0xd0] }],
  ['control characters', '\u0001\u001b\u007f'],
  ['long', 'x'.repeat(5_000)],
  ['too long for a URL', 'x'.repeat(9_000)],
  ['negative', '-1'],
  ['fraction', '1.5'],
  ['huge integer', '99999999999999999999999'],
  ['impossible date', '2026-02-30'],
  ['year zero', '0000-01-01'],
  ['week 54', '2026-W54'],
  ['quote', '\'"'],
  ['percent', '%'],
  ['traversal', '../../x'],
  ['object text', '[object Object]'],
  ['arabic digit', '٣'],
];

describe('Fuzzing every operation of the OpenAPI document with bad input', () => {
  let app: RunningApp;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  let token: string;
  let document: OpenApi;
  const fixtures: Record<string, string> = {};

  beforeAll(async () => {
    const serverUrl = process.env.TEST_DB_SERVER_URL;
    if (!serverUrl) throw new Error('TEST_DB_SERVER_URL is not set: run integration tests through jest');
    const database = await aFreshDatabase(serverUrl, 'opr_fuzz');
    dropDatabase = database.drop;
    databaseUrl = database.url;
    app = await startApp(suiteEnvironment(databaseUrl, { LOG_LEVEL: 'fatal' }), 120_000);
    token = (
      await request(app.url)
        .post('/api/v1/auth/login')
        .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
        .expect(200)
    ).body.token;
    const auth = { Authorization: `Bearer ${token}` };
    const organization = await request(app.url)
      .post('/api/v1/organizations')
      .set(auth)
      .send({ jurisdiction: 'khabarovsk-krai', name: 'Министерство цифрового развития', kind: 'executive_body' })
      .expect(201);
    fixtures.organization = organization.body.id;
    const page = await request(app.url)
      .post('/api/v1/pages')
      .set(auth)
      .send({ organizationId: organization.body.id, network: 'vk', url: 'https://vk.com/fuzz_fixture' })
      .expect(201);
    fixtures.page = page.body.id;
    const user = await request(app.url)
      .post('/api/v1/users')
      .set(auth)
      .send({
        email: 'throwaway@test.local',
        password: 'throwaway-password',
        fullName: 'Временный Пользователь',
        role: 'viewer',
      })
      .expect(201);
    fixtures.user = user.body.id;
    document = (await request(app.url).get('/api/openapi.json').expect(200)).body;
  });

  afterAll(async () => {
    await app?.stop();
    await dropDatabase?.();
  });

  it('answers every bad request with a 4xx problem, changes nothing on reads and keeps the admin signed in', async () => {
    const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route, method: method.toUpperCase(), operation })),
    );
    expect(operations.length).toBeGreaterThan(80);
    const reads = operations.filter((o) => o.method === 'GET' && !EXCLUDED.has(`${o.method} ${o.route}`));
    const writes = operations.filter((o) => o.method !== 'GET' && !EXCLUDED.has(`${o.method} ${o.route}`));

    const violations: string[] = [];
    const run = async (cases: Case[]) => {
      let next = 0;
      const worker = async () => {
        while (next < cases.length) {
          const current = cases[next++];
          const outcome = await send(app.url, token, current);
          // FUZZ_VERBOSE=1 shows how far each operation's plausible request gets: a 404 or 422 there
          // means its bad values are only checked as far as validation.
          if (process.env.FUZZ_VERBOSE && current.what === 'the plausible request')
            console.log(`${outcome.status ?? outcome.error} ${current.method} ${current.route}`);
          const problem = violation(outcome);
          if (problem) violations.push(`${problem}\n    ${reproduction(current)}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };

    const before = await rowCounts(databaseUrl);
    const readCases = reads.flatMap((o) => casesFor(o.route, o.method, o.operation));
    await run([...readCases, ...readCases.map((c) => ({ ...c, method: 'HEAD' }))]);
    const after = await rowCounts(databaseUrl);
    const changed = Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
    for (const table of changed)
      violations.push(`read routes changed the row count of ${table}: ${before[table]} -> ${after[table]}`);

    await run(writes.flatMap((o) => casesFor(o.route, o.method, o.operation)));
    await run(Object.keys(document.paths).flatMap((route) => wrongMethodCases(route)));
    await run(edgeCases());

    if (violations.length) {
      console.error(`${violations.length} violations; minimal reproductions:\n${violations.slice(0, 60).join('\n')}`);
    }
    expect(violations).toEqual([]);
    await request(app.url)
      .get('/api/v1/auth/me')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
  });

  function casesFor(route: string, method: string, operation: Operation): Case[] {
    const parameters = (operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
    const pathValues: Record<string, UrlValue> = {};
    const queryValues: Array<[string, UrlValue]> = [];
    for (const parameter of parameters) {
      const value = baseParameter(route, parameter.name, parameter.schema);
      if (parameter.in === 'path') pathValues[parameter.name] = value;
      else if (parameter.required) queryValues.push([parameter.name, value]);
    }
    const media = Object.keys(operation.requestBody?.content ?? {});
    const jsonSchema = operation.requestBody?.content['application/json']?.schema;
    const baseBody = jsonSchema ? (baseValue(resolve(jsonSchema), 'body') as Record<string, unknown>) : undefined;
    const make = (what: string, path = pathValues, query = queryValues, body?: Partial<Case>): Case => ({
      method,
      route,
      path: fillPath(route, path),
      query: query.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&'),
      what,
      ...(body ?? (baseBody !== undefined ? jsonBody(baseBody) : {})),
    });

    // The plausible request goes last: a first write with a field missing must meet an empty table
    // (an UPDATE of an existing row skips an undefined column that an INSERT would leave NULL).
    const cases: Case[] = [];
    let field = 0;
    for (const parameter of parameters) {
      for (const [label, value] of urlValues(field++)) {
        if (parameter.in === 'path') {
          cases.push(make(`path ${parameter.name}: ${label}`, { ...pathValues, [parameter.name]: value }));
        } else {
          const others = queryValues.filter(([name]) => name !== parameter.name);
          cases.push(make(`query ${parameter.name}: ${label}`, pathValues, [...others, [parameter.name, value]]));
        }
      }
      if (parameter.in === 'query') {
        const base = baseParameter(route, parameter.name, parameter.schema);
        const others = queryValues.filter(([name]) => name !== parameter.name);
        cases.push(
          make(`query ${parameter.name} twice`, pathValues, [
            ...others,
            [parameter.name, base],
            [parameter.name, base],
          ]),
        );
        cases.push(
          make(`query ${parameter.name} twice, once bad`, pathValues, [
            ...others,
            [parameter.name, base],
            [parameter.name, '\u0000'],
          ]),
        );
        if (parameter.required) cases.push(make(`query ${parameter.name} missing`, pathValues, others));
      }
    }
    if (baseBody !== undefined && typeof baseBody === 'object' && !Array.isArray(baseBody)) {
      const schema = resolve(jsonSchema!);
      for (const name of Object.keys(schema.properties ?? {})) {
        const without = { ...baseBody };
        delete without[name];
        cases.push(make(`body ${name} missing`, pathValues, queryValues, jsonBody(without)));
        for (const [label, value] of jsonValues(field++)) {
          cases.push(make(`body ${name}: ${label}`, pathValues, queryValues, jsonBody({ ...baseBody, [name]: value })));
        }
        cases.push(
          make(`body ${name}: invalid UTF-8 bytes`, pathValues, queryValues, rawJsonWithBytes(baseBody, name)),
        );
      }
      for (const [label, text] of [
        ['a list', '[]'],
        ['a string', '"x"'],
        ['a number', '1'],
        ['null', 'null'],
        ['broken JSON', '{"a": '],
        ['an empty body', ''],
      ]) {
        cases.push(
          make(`body is ${label}`, pathValues, queryValues, {
            body: Buffer.from(text),
            contentType: 'application/json',
          }),
        );
      }
      cases.push(
        make('body as text/plain', pathValues, queryValues, { body: Buffer.from('x'), contentType: 'text/plain' }),
      );
    }
    if (media.includes('text/csv'))
      for (const body of csvBodies()) cases.push(make(`CSV: ${body.what}`, pathValues, queryValues, body));
    if (media.some((m) => m.includes('spreadsheetml')))
      for (const body of xlsxBodies) cases.push(make(`XLSX: ${body.what}`, pathValues, queryValues, body));
    cases.push(make('the plausible request'));
    return cases;
  }

  /** A value the route accepts, so a single bad value is what the answer is about. */
  function baseParameter(route: string, name: string, schema?: Schema): string {
    if (name === 'pageId') return fixtures.page;
    if (name === 'organizationId' || name === 'organization' || name === 'under') return fixtures.organization;
    if (name === 'id' && route.startsWith('/api/v1/organizations/')) return fixtures.organization;
    if (name === 'id' && route.startsWith('/api/v1/users/')) return fixtures.user;
    if (name === 'id' && route.startsWith('/registry/organizations/')) return fixtures.organization;
    // Any other id is one nobody holds: the admin's own token is never among them.
    if (schema?.format === 'uuid' || /(^id|Id)$/.test(name)) return randomUUID();
    if (schema?.example !== undefined) return String(schema.example);
    if (schema?.enum?.length) return String(schema.enum[0]);
    return 'x';
  }

  function baseValue(schema: Schema, name: string): unknown {
    if (name === 'organizationId' || name === 'parentId') return fixtures.organization;
    if (name === 'pageId') return fixtures.page;
    if (schema.example !== undefined) return schema.example;
    if (schema.enum?.length) return schema.enum[0];
    if (schema.allOf?.length) return baseValue(resolve(schema.allOf[0]), name);
    switch (schema.type) {
      case 'object':
      case undefined: {
        const value: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(schema.properties ?? {}))
          value[key] = baseValue(resolve(property), key);
        return value;
      }
      case 'array':
        return schema.items ? [baseValue(resolve(schema.items), name)] : [];
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      default:
        return 'x';
    }
  }

  function resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    return resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  }
});

function urlValues(field: number): Array<[string, UrlValue]> {
  const random = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), {
    seed: SEED + field,
    numRuns: RANDOM_PER_FIELD,
  });
  return [...BAD_URL_VALUES, ...random.map((value, i): [string, UrlValue] => [`random #${i}`, value])];
}

function jsonValues(field: number): Array<[string, unknown]> {
  const random = fc.sample(
    fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer(), fc.double(), fc.jsonValue({ maxDepth: 3 })),
    { seed: SEED + field, numRuns: RANDOM_PER_FIELD },
  );
  return [...BAD_JSON_VALUES, ...random.map((value, i): [string, unknown] => [`random #${i}`, value])];
}

function jsonBody(value: unknown): Partial<Case> {
  return { body: Buffer.from(JSON.stringify(value)), contentType: 'application/json' };
}

/** The field's value replaced by a string holding bytes that are not UTF-8 (FF, a lone surrogate's CESU bytes). */
function rawJsonWithBytes(base: Record<string, unknown>, name: string): Partial<Case> {
  const marker = `__bytes_${randomUUID()}__`;
  const [head, tail] = JSON.stringify({ ...base, [name]: marker }).split(marker);
  return {
    body: Buffer.concat([Buffer.from(head), Buffer.from([0x61, 0xff, 0xed, 0xa0, 0x80]), Buffer.from(tail)]),
    contentType: 'application/json',
  };
}

function csvBodies(): Array<Partial<Case> & { what: string }> {
  const header = 'Организация;Вид организации;Вышестоящая организация;Сеть;Ссылка;Дата создания\n';
  const text = (what: string, body: string | Buffer) => ({
    what,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    contentType: 'text/csv; charset=utf-8',
  });
  return [
    text('empty', ''),
    text('only a BOM', '\ufeff'),
    text('NUL in a cell', `${header}Министерство\u0000;executive_body;;vk;https://vk.com/nul_cell;2026-01-01\n`),
    text('invalid UTF-8', Buffer.concat([Buffer.from(header), Buffer.from([0xff, 0xfe, 0x3b, 0x0a])])),
    text('unbalanced quote', `${header}"Министерство;executive_body\n`),
    text('huge cell', `${header}${'я'.repeat(200_000)};executive_body;;vk;https://vk.com/x;2026-01-01\n`),
    text('many columns', `${header}${'a;'.repeat(5_000)}\n`),
    text('control characters', `${header}\u0001\u001b;\u007f;;vk;https://vk.com/x;2026-01-01\n`),
  ];
}

let xlsxBodies: Array<Partial<Case> & { what: string }> = [];
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  sheet.addRow(['Организация', 'Вид организации', 'Вышестоящая организация', 'Сеть', 'Ссылка', 'Дата создания']);
  sheet.addRow(['Министерство_x0000_', 'executive_body', '', 'vk', 'https://vk.com/nul_xlsx', '2026-01-01']);
  sheet.addRow(['я'.repeat(40_000), { formula: '1/0' }, null, 12, new Date(0), true]);
  // XLSX keeps NUL as the escape _x0000_, which the reader turns back into NUL.
  const plan = new ExcelJS.Workbook();
  const planSheet = plan.addWorksheet('План');
  planSheet.addRow(['Дата', 'Время', 'Сети', 'Тема', 'Формат', 'Описание', 'Автор']);
  planSheet.addRow(['16.06.2026', '10:00', 'ВКонтакте', 'Тема_x0000_', 'фото', '', '']);
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  xlsxBodies = [
    { what: 'NUL and huge cells', body: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: xlsx },
    { what: 'a plan with a NUL cell', body: Buffer.from(await plan.xlsx.writeBuffer()), contentType: xlsx },
    { what: 'empty', body: Buffer.alloc(0), contentType: xlsx },
    { what: 'a zip of nothing', body: Buffer.from('PK\u0003\u0004garbage', 'latin1'), contentType: xlsx },
    ...fc
      .sample(fc.uint8Array({ minLength: 1, maxLength: 2_000 }), { seed: SEED, numRuns: 3 })
      .map((bytes, i) => ({ what: `random bytes #${i}`, body: Buffer.from(bytes), contentType: xlsx })),
  ];
});

/** Methods no route answers, on a path that exists: 405 with Allow, as a problem. */
function wrongMethodCases(route: string): Case[] {
  const path = fillPath(route, {});
  return ['TRACE', 'QUERY', 'OPTIONS', 'PROPFIND', 'PATCH'].map((method) => ({
    method,
    route,
    path,
    query: '',
    what: `method ${method}`,
  }));
}

/** What the framework and Node refuse before any route: unknown paths, bad headers, oversize targets. */
function edgeCases(): Case[] {
  const base = { method: 'GET', route: '(edge)', query: '' };
  return [
    { ...base, path: '/api/v1/nothing-here', what: 'unknown route' },
    { ...base, path: `/api/v1/${'x'.repeat(20_000)}`, what: 'request target over the header limit' },
    { ...base, path: '/api/v1/%', what: 'a broken percent escape' },
    { ...base, path: '/api/v1/%00', what: 'NUL in an unknown path' },
    {
      ...base,
      method: 'POST',
      path: '/api/v1/auth/login',
      body: Buffer.from('{}'),
      contentType: 'application/xml',
      what: 'XML body',
    },
    {
      ...base,
      method: 'POST',
      path: '/api/v1/style/check',
      // Announced, not sent: a client still writing 25 MiB when the 413 arrives sees EPIPE.
      body: Buffer.from('{"text":"aaaa'),
      declaredLength: 25 * 1024 * 1024,
      contentType: 'application/json',
      what: 'a body over the limit',
    },
  ];
}

function fillPath(route: string, values: Record<string, UrlValue>): string {
  return route.replace(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? 'x'));
}

/** Percent-encodes every byte but the unreserved ones; a lone surrogate becomes its CESU-8 bytes. */
function encode(value: UrlValue): string {
  const bytes: number[] = typeof value === 'string' ? utf8WithSurrogates(value) : value.bytes;
  return bytes
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
}

function utf8WithSurrogates(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return bytes;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(baseUrl: string, token: string, c: Case): Promise<Outcome> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { Authorization: `Bearer ${token}` };
    if (c.body !== undefined) {
      headers['Content-Type'] = c.contentType ?? 'application/octet-stream';
      headers['Content-Length'] = c.declaredLength ?? c.body.length;
    }
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: c.method,
        path: c.query ? `${c.path}?${c.query}` : c.path,
        headers,
        timeout: 60_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (c.declaredLength !== undefined) req.destroy();
          resolve({
            status: response.statusCode,
            contentType: response.headers['content-type'],
            allow: response.headers.allow,
          });
        });
        response.on('error', (error) => resolve({ status: response.statusCode, error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', (error) => resolve({ error: `dropped connection: ${error.message}` }));
    if (c.declaredLength !== undefined) req.write(c.body);
    else req.end(c.body);
  });
}

function violation(outcome: Outcome): string | undefined {
  if (outcome.error) return outcome.error;
  const status = outcome.status ?? 0;
  if (status >= 500) return `answered ${status}`;
  if (status >= 400 && !/^application\/problem\+json/.test(outcome.contentType ?? '')) {
    return `answered ${status} as ${outcome.contentType ?? 'no content type'}`;
  }
  if (status === 405 && !outcome.allow) return 'answered 405 without Allow';
  return undefined;
}

function reproduction(c: Case): string {
  const target = c.query ? `${c.path}?${c.query}` : c.path;
  const shown = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);
  const body = c.body === undefined ? '' : ` ${c.contentType} ${shown(JSON.stringify(c.body.toString('latin1')))}`;
  return `[${c.route}: ${c.what}] ${c.method} ${shown(target)}${body}`;
}

async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts = await client.query<{ name: string; count: string }>(
      tables.rows.map((t) => `SELECT '${t.name}' AS name, count(*) AS count FROM ${t.name}`).join(' UNION ALL '),
    );
    return Object.fromEntries(counts.rows.map((r) => [r.name, Number(r.count)]));
  } finally {
    await client.end();
  }
}
