import { WorkingCalendar } from '../calendar/working-calendar';
import type { JurisdictionTime } from '../calendar/working-time';
import { shippedYears } from '../calendar/year-definition';
import { OrganizationKind } from './organization-kind';
import { networkAllowed, obligationsFor, policyProblems, quotaFor, responsibleRankRefusal } from './policy.rules';
import { SEED_POLICIES } from './policy.seed';

const calendar = new WorkingCalendar(shippedYears());
const khabarovsk: JurisdictionTime = { code: 'khabarovsk-krai', timeZone: 'Asia/Vladivostok', calendar };
const blagodarny: JurisdictionTime = { code: 'blagodarny-mo', timeZone: 'Europe/Moscow', calendar };

describe('Seeded policies', () => {
  it.each(Object.keys(SEED_POLICIES))('are valid and cite their acts (%s)', (code) => {
    expect(policyProblems(SEED_POLICIES[code])).toEqual([]);
  });
});

describe('obligationsFor (DOMAIN.md §1 reporting deadlines)', () => {
  it('gives a Khabarovsk executive body 5 working days to report a new page to the Committee and to link it (Положение 1 p.3.2, 3.3)', () => {
    // Tuesday 3 November 2026; 4 November is a holiday: days 5, 6, 9, 10, 11 → Wednesday 11th, 18:00 local.
    const result = obligationsFor(
      { type: 'page_created', occurredOn: '2026-11-03', organizationKind: OrganizationKind.ExecutiveBody },
      SEED_POLICIES['khabarovsk-krai'],
      khabarovsk,
    );
    expect(result.map((o) => o.ruleCode).sort()).toEqual(['khabarovsk.registry_update', 'khabarovsk.website_link']);
    for (const o of result) expect(o.dueAt.toISOString()).toBe('2026-11-11T08:00:00.000Z');
    expect(result[0].citation).toMatchObject({ number: '77-пр', date: '2020-03-17' });
  });

  it('gives a Blagodarny subordinate organization 2 working days to the chief specialist and 3 to the regional centre (p.3.3.2, 3.2.4)', () => {
    // Wednesday 10 June 2026: 11 June (shortened) and 15 June (12 June is a holiday); 3rd day 16 June.
    const result = obligationsFor(
      { type: 'page_deleted', occurredOn: '2026-06-10', organizationKind: OrganizationKind.SubordinateOrganization },
      SEED_POLICIES['blagodarny-mo'],
      blagodarny,
    );
    const due = Object.fromEntries(result.map((o) => [o.ruleCode, o.dueAt.toISOString()]));
    expect(due).toEqual({
      'blagodarny.chief_specialist': '2026-06-15T15:00:00.000Z',
      'blagodarny.regional_centre': '2026-06-16T15:00:00.000Z',
    });
  });

  it('creates nothing for an event no rule of the jurisdiction names', () => {
    const event = {
      type: 'gosuslugi_mark_obtained',
      occurredOn: '2026-06-10',
      organizationKind: OrganizationKind.ExecutiveBody,
    };
    expect(obligationsFor(event, SEED_POLICIES['khabarovsk-krai'], khabarovsk)).toEqual([]);
  });

  it('applies a rule only to the organization kinds it names (Blagodarny 3.3.2 is for organs and subordinate organizations)', () => {
    const result = obligationsFor(
      { type: 'page_created', occurredOn: '2026-06-10', organizationKind: OrganizationKind.Administration },
      SEED_POLICIES['blagodarny-mo'],
      blagodarny,
    );
    expect(result.map((o) => o.ruleCode)).toEqual(['blagodarny.regional_centre']);
  });
});

describe('Responsible official rank floor', () => {
  it('refuses a specialist in Krasnodar krai with the clause (413 Порядок p.2)', () => {
    expect(responsibleRankRefusal('specialist', SEED_POLICIES['krasnodar-krai'])).toMatchObject({ number: '413' });
    expect(responsibleRankRefusal('department_head', SEED_POLICIES['krasnodar-krai'])).toBeDefined();
  });

  it('admits a deputy head and above', () => {
    for (const rank of ['deputy_head', 'first_deputy_head', 'head'] as const) {
      expect(responsibleRankRefusal(rank, SEED_POLICIES['blagodarny-mo'])).toBeUndefined();
    }
  });

  it('has no floor where the acts set none (Plastunovskaya Прил. 1 p.2)', () => {
    expect(responsibleRankRefusal('specialist', SEED_POLICIES['plastunovskaya-sp'])).toBeUndefined();
  });
});

describe('Networks and quotas from the policy', () => {
  it('keeps Blagodarny official pages to VK and OK (п.2.1)', () => {
    expect(networkAllowed('vk', SEED_POLICIES['blagodarny-mo'])).toBe(true);
    expect(networkAllowed('telegram', SEED_POLICIES['blagodarny-mo'])).toBe(false);
  });

  it('finds the weekly minimum per organization kind (DOMAIN.md §3)', () => {
    expect(quotaFor(OrganizationKind.RegionalGovernment, SEED_POLICIES['khabarovsk-krai'])).toMatchObject({
      minimumPerWeek: 10,
    });
    expect(quotaFor(OrganizationKind.ExecutiveBody, SEED_POLICIES['khabarovsk-krai'])).toMatchObject({
      minimumPerWeek: 5,
      nature: 'recommended',
    });
    expect(quotaFor(OrganizationKind.SubordinateOrganization, SEED_POLICIES['blagodarny-mo'])).toMatchObject({
      minimumPerWeek: 3,
      nature: 'required',
    });
    expect(quotaFor(OrganizationKind.SettlementAdministration, SEED_POLICIES['plastunovskaya-sp'])).toMatchObject({
      minimumPerWeek: 2,
    });
    expect(quotaFor(OrganizationKind.ExecutiveBody, SEED_POLICIES['krasnodar-krai'])).toBeUndefined();
  });
});

describe('policyProblems', () => {
  it('lists every bad field of an edited policy', () => {
    const broken = {
      ...SEED_POLICIES['blagodarny-mo'],
      networks: { allowed: ['vk', 'myspace'] },
      quotas: [{ organizationKinds: ['ministry'], minimumPerWeek: -1, nature: 'sometimes', citation: {} }],
      responsibleMinRank: { rank: 'janitor' },
    };
    const fields = policyProblems(broken).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'networks.allowed',
        'quotas[0].organizationKinds',
        'quotas[0].minimumPerWeek',
        'quotas[0].nature',
        'quotas[0].citation.act',
        'responsibleMinRank.rank',
      ]),
    );
  });

  it('requires a citation for a rule that is switched on', () => {
    const policy = { ...SEED_POLICIES['plastunovskaya-sp'], contentPlan: { required: true } };
    expect(policyProblems(policy).map((p) => p.field)).toContain('contentPlan.citation');
  });
});
