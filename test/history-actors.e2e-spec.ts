import { api, aUser, anOrganization, bearer } from './support/api';
import { aCoordinator, planAction, putItems, someItems } from './support/content-plan.builders';
import { historyOf } from './support/organizations.builders';
import { aPage, pageHistory } from './support/pages.builders';

const BLAGODARNY = 'blagodarny-mo';
/** Each user the builders create is called so; the e-mail tells them apart. */
const FULL_NAME = 'Тестовый Пользователь';
const actorOf = (user: { id: string; email: string }) => ({ id: user.id, fullName: FULL_NAME, email: user.email });
/** An instant in the offset of Khabarovsk (+10:00) or Blagodarny (+03:00), never in UTC. */
const KHABAROVSK_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+10:00$/;
const BLAGODARNY_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+03:00$/;

describe('Histories and decisions name their actor, with instants in the jurisdiction’s offset', () => {
  it('names who renamed an organization and who registered and changed its page (Khabarovsk Положение 1 п.3.2)', async () => {
    const organization = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    const coordinator = await aCoordinator();
    await api()
      .patch(`/api/v1/organizations/${organization.id}`)
      .set(bearer(coordinator.token))
      .send({ name: `${organization.name} (новое)`, version: 1 })
      .expect(200);
    const history = await historyOf(organization.id);
    const rename = history.find((e) => e.type === 'organization_renamed')!;
    expect(rename.actor).toEqual(actorOf(coordinator));
    expect(rename.recordedBy).toBe(coordinator.id);
    expect(rename.recordedAt).toMatch(KHABAROVSK_INSTANT);
    const organizationNow = await api()
      .get(`/api/v1/organizations/${organization.id}`)
      .set(bearer(coordinator.token))
      .expect(200);
    expect(organizationNow.body.createdAt).toMatch(KHABAROVSK_INSTANT);

    const page = await aPage({ organizationId: organization.id, network: 'vk' }, coordinator.token);
    expect(page.recordedAt).toMatch(KHABAROVSK_INSTANT);
    expect(page.updatedAt).toMatch(KHABAROVSK_INSTANT);
    const events = (await pageHistory(page.id, coordinator.token)).body;
    expect(events.map((e: { type: string; actor: unknown }) => [e.type, e.actor])).toEqual([
      ['page_created', actorOf(coordinator)],
    ]);
    expect(events[0].recordedAt).toMatch(KHABAROVSK_INSTANT);
  });

  it('names who took each step of a content plan (Khabarovsk Положение 1 п.6–7)', async () => {
    const organization = await anOrganization({ jurisdiction: 'khabarovsk-krai' });
    const editor = await aUser({ role: 'editor', organizations: [organization.id] });
    const coordinator = await aCoordinator();
    const W = '2026-W25';
    await putItems(
      organization.id,
      W,
      { items: someItems('2026-06-15', 5) },
      { token: editor.token, now: '2026-06-08T12:00:00+10:00' },
    ).expect(200);
    await planAction(organization.id, W, 'submit', {
      token: editor.token,
      version: 1,
      now: '2026-06-09T12:00:00+10:00',
    }).expect(200);
    const approved = (
      await planAction(organization.id, W, 'approve', {
        token: coordinator.token,
        version: 2,
        now: '2026-06-09T15:00:00+10:00',
      }).expect(200)
    ).body;
    expect(approved.history.map((t: { action: string; by: string; actor: unknown; at: string }) => t)).toEqual([
      expect.objectContaining({
        action: 'edit',
        by: editor.id,
        actor: actorOf(editor),
        at: '2026-06-08T12:00:00.000+10:00',
      }),
      expect.objectContaining({
        action: 'submit',
        by: editor.id,
        actor: actorOf(editor),
        at: '2026-06-09T12:00:00.000+10:00',
      }),
      expect.objectContaining({
        action: 'approve',
        by: coordinator.id,
        actor: actorOf(coordinator),
        at: '2026-06-09T15:00:00.000+10:00',
      }),
    ]);
  });

  it('names who recorded an exemption and a posting-frequency decision (Blagodarny Порядок п.4)', async () => {
    const organization = await anOrganization({ jurisdiction: BLAGODARNY, kind: 'subordinate_organization' });
    const coordinator = await aCoordinator(BLAGODARNY);
    const decision = {
      decisionNumber: '31-р',
      decisionDate: '2026-06-01',
      clause: 'Порядок п.4',
      validFrom: '2026-06-01',
    };
    const frequency = await api()
      .post(`/api/v1/organizations/${organization.id}/posting-frequency-decisions`)
      .set(bearer(coordinator.token))
      .send({ ...decision, minimumPerWeek: 2, decidedBy: 'Первый заместитель главы' })
      .expect(201);
    expect(frequency.body.actor).toEqual(actorOf(coordinator));
    expect(frequency.body.recordedAt).toMatch(BLAGODARNY_INSTANT);
    expect(frequency.body.obligations.map((o: { dueAt: string }) => o.dueAt)).toEqual([
      expect.stringMatching(BLAGODARNY_INSTANT),
    ]);
    const exemption = await api()
      .post(`/api/v1/organizations/${organization.id}/exemptions`)
      .set(bearer(coordinator.token))
      .send({ ...decision, decisionNumber: '32-р', agreedBy: 'Первый заместитель главы' })
      .expect(201);
    expect(exemption.body.actor).toEqual(actorOf(coordinator));

    const viewer = await aUser({ role: 'viewer' });
    const frequencies = await api()
      .get(`/api/v1/organizations/${organization.id}/posting-frequency-decisions`)
      .set(bearer(viewer.token))
      .expect(200);
    expect(
      frequencies.body.map((d: { decisionNumber: string; actor: unknown }) => [d.decisionNumber, d.actor]),
    ).toEqual([['31-р', actorOf(coordinator)]]);
    expect(frequencies.body[0].recordedAt).toBe(frequency.body.recordedAt);
    const exemptions = await api()
      .get(`/api/v1/organizations/${organization.id}/exemptions`)
      .set(bearer(viewer.token))
      .expect(200);
    expect(exemptions.body.map((d: { decisionNumber: string; actor: unknown }) => [d.decisionNumber, d.actor])).toEqual(
      [['32-р', actorOf(coordinator)]],
    );
    expect(exemptions.body[0].recordedAt).toMatch(BLAGODARNY_INSTANT);
  });
});
