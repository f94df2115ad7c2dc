import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { api, asAdmin, aUser, anOrganization, bearer } from './api';

/** A VK/OK/Telegram page name no other test uses. */
export const aHandle = () => `page_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

export const vkUrl = (handle = aHandle()) => `https://vk.com/${handle}`;

export interface PageSeed {
  organizationId: string;
  network?: string;
  url?: string;
  createdOn?: string;
  [attribute: string]: unknown;
}

/** Sends a page registration as `token` (admin when omitted); returns the raw response. */
export async function postPage(seed: PageSeed, token?: string) {
  return api()
    .post('/api/v1/pages')
    .set(bearer(token ?? (await asAdmin())))
    .send({ network: 'vk', url: vkUrl(), ...seed });
}

/** Builder: a page registered through the API (admin unless a token is given). */
export async function aPage(seed: PageSeed, token?: string): Promise<Record<string, any>> {
  const response = await postPage(seed, token);
  if (response.status !== 201) throw new Error(`page not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Builder: a fresh organization with an editor of its press office. */
export async function anOrganizationWithEditor(seed: { jurisdiction?: string; kind?: string; parentId?: string } = {}) {
  const organization = await anOrganization(seed);
  const editor = await aUser({ role: 'editor', organizations: [organization.id] });
  return { organization, editor };
}

export const getPage = async (id: string, token?: string) =>
  api()
    .get(`/api/v1/pages/${id}`)
    .set(bearer(token ?? (await asAdmin())));

export const patchPage = async (id: string, body: Record<string, unknown>, token?: string) =>
  api()
    .patch(`/api/v1/pages/${id}`)
    .set(bearer(token ?? (await asAdmin())))
    .send(body);

export const deletePage = async (id: string, body: Record<string, unknown> = {}, token?: string) =>
  api()
    .post(`/api/v1/pages/${id}/deletion`)
    .set(bearer(token ?? (await asAdmin())))
    .send(body);

export const pageHistory = async (id: string, token?: string) =>
  api()
    .get(`/api/v1/pages/${id}/history`)
    .set(bearer(token ?? (await asAdmin())));

/** Rows of the page table for one organization, straight from the list API as admin. */
export async function pagesOf(organizationId: string): Promise<Record<string, any>[]> {
  const response = await api()
    .get(`/api/v1/pages?organizationId=${organizationId}&limit=200`)
    .set(bearer(await asAdmin()))
    .expect(200);
  return response.body.items;
}

/** The response, after checking its status (with the body in the failure message). */
export function expectStatus(response: Response, status: number): Response {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response;
}
