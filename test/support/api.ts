import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './constants';
import { conformsToOpenApi } from './openapi-conformance';

export function appUrl(): string {
  const url = process.env.TEST_APP_URL;
  if (!url) throw new Error('TEST_APP_URL is not set: run integration tests through jest (global setup)');
  return url;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** A supertest agent on the running service whose every answer is checked against its OpenAPI document. */
export const api = () => checkedAgent(appUrl());

/** A supertest agent on any process of the service (one a test started itself), checked the same way. */
export function checkedAgent(baseUrl: string) {
  const agent = request(baseUrl);
  const checked = { ...agent } as typeof agent;
  for (const method of METHODS) {
    checked[method] = (url: string) => agent[method](url).expect(conformsToOpenApi(method, url));
  }
  return checked;
}

export async function login(email: string, password: string): Promise<string> {
  const response = await api().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return response.body.token as string;
}

let adminToken: Promise<string> | undefined;
export function asAdmin(): Promise<string> {
  adminToken ??= login(ADMIN_EMAIL, ADMIN_PASSWORD);
  return adminToken;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const unique = () => randomUUID().slice(0, 8);

export interface OrganizationSeed {
  jurisdiction?: string;
  name?: string;
  kind?: string;
  parentId?: string;
}

/** Builder: an organization created through the API as admin. */
export async function anOrganization(
  seed: OrganizationSeed = {},
): Promise<{ id: string; jurisdiction: string; name: string }> {
  const response = await api()
    .post('/api/v1/organizations')
    .set(bearer(await asAdmin()))
    .send({
      jurisdiction: seed.jurisdiction ?? 'khabarovsk-krai',
      name: seed.name ?? `Министерство ${unique()}`,
      kind: seed.kind ?? 'executive_body',
      ...(seed.parentId && { parentId: seed.parentId }),
    })
    .expect(201);
  return response.body;
}

export interface UserSeed {
  role: 'admin' | 'coordinator' | 'editor' | 'viewer';
  jurisdictions?: string[];
  organizations?: string[];
}

/** Builder: a user created through the API as admin, already logged in. */
export async function aUser(seed: UserSeed): Promise<{ id: string; email: string; password: string; token: string }> {
  const email = `${seed.role}-${unique()}@test.local`;
  const password = `password-${unique()}-long`;
  const response = await api()
    .post('/api/v1/users')
    .set(bearer(await asAdmin()))
    .send({ email, password, fullName: 'Тестовый Пользователь', ...seed })
    .expect(201);
  return { id: response.body.id, email, password, token: await login(email, password) };
}

/** Every problem answer has the RFC 9457 shape and leaks no internals. */
export function expectProblem(response: request.Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:problem:${code}` });
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.detail).toMatch(/[А-Яа-яЁё]/);
  expect(JSON.stringify(response.body)).not.toMatch(/ at .*\.js:\d+|SELECT |INSERT |QueryFailedError/);
}
