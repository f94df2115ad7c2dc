import { randomUUID } from 'node:crypto';
import { api, asAdmin, bearer } from './api';

export const unique = () => randomUUID().slice(0, 8);

export interface OfficialSeed {
  fullName?: string;
  position?: string;
  rank?: string;
  roles?: string[];
  workEmail?: string;
  workPhone?: string;
  esiaConfirmedOn?: string;
  activeFrom?: string;
  activeTo?: string;
}

/** Builder: an official of an organization, created through the API as admin (a deputy head, responsible). */
export async function anOfficial(organizationId: string, seed: OfficialSeed = {}) {
  const response = await api()
    .post(`/api/v1/organizations/${organizationId}/officials`)
    .set(bearer(await asAdmin()))
    .send({
      fullName: 'Петрова Анна Сергеевна',
      position: 'Заместитель министра',
      rank: 'deputy_head',
      roles: ['responsible'],
      workEmail: `petrova-${unique()}@example.ru`,
      workPhone: '+7 4212 40-00-00',
      ...seed,
    })
    .expect(201);
  return response.body as { id: string; version: number } & Record<string, unknown>;
}

/** The instant the calendar API gives for "N working days from the event" in a jurisdiction. */
export async function deadlineFromCalendar(jurisdiction: string, from: string, workingDays: number): Promise<number> {
  const response = await api()
    .get(`/api/v1/calendar/${jurisdiction}/deadline`)
    .query({ from, workingDays: String(workingDays) })
    .expect(200);
  return Date.parse(response.body.due as string);
}

export async function historyOf(organizationId: string) {
  const response = await api()
    .get(`/api/v1/organizations/${organizationId}/history`)
    .set(bearer(await asAdmin()))
    .expect(200);
  return response.body as {
    type: string;
    occurredOn: string;
    recordedAt: string;
    recordedBy: string | null;
    actor: { id: string; fullName: string; email: string } | null;
    officialId: string | null;
    data: Record<string, unknown>;
    obligations: { ruleCode: string; workingDays: number; dueAt: string; citation: { clause: string } }[];
  }[];
}
