import { api, asAdmin, aUser, anOrganization, bearer } from './api';

export const KHABAROVSK = 'khabarovsk-krai';

export interface PlanItemSeed {
  plannedOn: string;
  plannedTime?: string | null;
  networks?: string[];
  pageIds?: string[];
  topic?: string;
  format?: string;
  description?: string | null;
  author?: string | null;
}

/** Builder: one planned publication (VK, photo) on a date. */
export const anItem = (plannedOn: string, seed: Partial<PlanItemSeed> = {}): PlanItemSeed => ({
  plannedOn,
  plannedTime: '10:00',
  networks: ['vk'],
  topic: `Публикация ${plannedOn}`,
  format: 'photo',
  author: 'Пресс-служба',
  ...seed,
});

/** `count` items spread over Monday… of the week starting `monday`. */
export function someItems(monday: string, count: number): PlanItemSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(`${monday}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + (i % 7));
    return anItem(d.toISOString().slice(0, 10), { topic: `Тема ${i + 1}` });
  });
}

/** Builder: a fresh Khabarovsk executive body with an editor of its press office. */
export async function aPlanningOrganization(seed: { jurisdiction?: string; kind?: string } = {}) {
  const organization = await anOrganization({ jurisdiction: seed.jurisdiction ?? KHABAROVSK, kind: seed.kind });
  const editor = await aUser({ role: 'editor', organizations: [organization.id] });
  return { organization, editor };
}

export const aCoordinator = (jurisdiction = KHABAROVSK) =>
  aUser({ role: 'coordinator', jurisdictions: [jurisdiction] });

export const planPath = (organizationId: string, week: string) =>
  `/api/v1/organizations/${organizationId}/content-plans/${week}`;

interface Call {
  token: string;
  version?: number;
  now?: string;
}

function withHeaders(test: ReturnType<ReturnType<typeof api>['get']>, call: Call) {
  test.set(bearer(call.token));
  if (call.version !== undefined) test.set('If-Match', `"${call.version}"`);
  if (call.now) test.set('X-Test-Now', call.now);
  return test;
}

export const getPlan = async (organizationId: string, week: string, call: Partial<Call> = {}) =>
  withHeaders(api().get(planPath(organizationId, week)), { token: call.token ?? (await asAdmin()), ...call });

export const putItems = (
  organizationId: string,
  week: string,
  body: { items: PlanItemSeed[]; insufficientEventsReason?: string },
  call: Call,
) => withHeaders(api().put(planPath(organizationId, week)), call).send(body);

export type PlanActionName =
  'submit' | 'approve' | 'request-changes' | 'declare-no-news' | 'copy-previous' | 'apply-templates';

export const planAction = (
  organizationId: string,
  week: string,
  action: PlanActionName,
  call: Call,
  body: Record<string, unknown> = {},
) => withHeaders(api().post(`${planPath(organizationId, week)}/${action}`), call).send(body);

export async function queueOf(week: string, token: string, query: Record<string, string> = {}, now?: string) {
  const test = api()
    .get('/api/v1/content-plans')
    .query({ jurisdiction: KHABAROVSK, week, ...query })
    .set(bearer(token));
  if (now) test.set('X-Test-Now', now);
  return test;
}

/**
 * Builder: `items` of a Khabarovsk organization's `week` put by its editor, submitted and approved
 * by a coordinator on `day` (10:00, 11:00 and 15:00 Khabarovsk time).
 */
export async function anApprovedPlan(
  organizationId: string,
  week: string,
  items: PlanItemSeed[],
  editorToken: string,
  day: string,
) {
  const at = (time: string) => `${day}T${time}:00+10:00`;
  await putItems(organizationId, week, { items }, { token: editorToken, now: at('10:00') }).expect(200);
  await planAction(organizationId, week, 'submit', { token: editorToken, version: 1, now: at('11:00') }).expect(200);
  const coordinator = await aCoordinator();
  await planAction(organizationId, week, 'approve', { token: coordinator.token, version: 2, now: at('15:00') }).expect(
    200,
  );
}
