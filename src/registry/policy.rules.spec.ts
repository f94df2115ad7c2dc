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

describe('policyProblems, field by field (DOMAIN.md §1: a policy states the acts it follows)', () => {
  const B = SEED_POLICIES['blagodarny-mo']!;
  const cite = B.networks.citation!;
  const CITE = 'нужна ссылка на акт: act, number, date, clause';
  const REQUIRED = 'поле обязательно';
  const LIST = 'ожидается список';
  const KINDS_LIST =
    'ожидается непустой список видов организаций из: regional_government, administration, executive_body, administration_organ, subordinate_organization, settlement_administration';
  const EVENTS_LIST =
    'ожидается непустой список событий из: page_created, page_deleted, page_url_changed, organization_renamed, executor_changed, responsible_changed, frequency_decided';
  const NETWORKS_LIST = 'vk, ok, telegram, max, facebook, instagram, twitter';
  const problems = (patch: Record<string, unknown>) => policyProblems({ ...B, ...patch });
  const quota = B.quotas[0]!;
  const rule = B.reporting[1]!;

  it.each([null, undefined, 'policy', 7])('refuses %p as a policy', (raw) => {
    expect(policyProblems(raw)).toEqual([{ field: 'policy', message: 'ожидается объект политики' }]);
  });

  it('asks for a list of known networks, then for their citation', () => {
    const refusal = [{ field: 'networks.allowed', message: `ожидается список сетей из: ${NETWORKS_LIST}` }];
    expect(problems({ networks: undefined })).toEqual(refusal);
    expect(problems({ networks: { allowed: 'vk', citation: cite } })).toEqual(refusal);
    expect(problems({ networks: { allowed: ['vk', 'myspace'], citation: cite } })).toEqual(refusal);
    expect(problems({ networks: { allowed: ['vk'] } })).toEqual([{ field: 'networks.citation', message: CITE }]);
  });

  it('checks every part of a citation: act, number and clause as text, the date as ГГГГ-ММ-ДД', () => {
    const at = (citation: unknown) => problems({ networks: { allowed: ['vk'], citation } });
    expect(at(null)).toEqual([{ field: 'networks.citation', message: CITE }]);
    expect(at('п.2.1')).toEqual([{ field: 'networks.citation', message: CITE }]);
    expect(at({ ...cite, act: ' ', number: 8 })).toEqual([
      { field: 'networks.citation.act', message: REQUIRED },
      { field: 'networks.citation.number', message: REQUIRED },
    ]);
    for (const date of ['x2020-01-01', '2020-01-01x', ['2020-01-01'], undefined]) {
      expect(at({ ...cite, date })).toEqual([
        { field: 'networks.citation.date', message: 'ожидается дата ГГГГ-ММ-ДД' },
      ]);
    }
  });

  it('asks each switch for true or false, and for a citation when on; a citation given when off is checked too', () => {
    const bool = (field: string) => [{ field: `${field}.required`, message: 'ожидается true или false' }];
    expect(problems({ onePagePerNetwork: undefined })).toEqual(bool('onePagePerNetwork'));
    expect(problems({ contentPlan: { required: 'yes', citation: cite } })).toEqual(bool('contentPlan'));
    expect(problems({ esiaAuthorizedRequired: null })).toEqual(bool('esiaAuthorizedRequired'));
    expect(problems({ esiaAuthorizedRequired: { required: true } })).toEqual([
      { field: 'esiaAuthorizedRequired.citation', message: CITE },
    ]);
    expect(problems({ contentPlan: { required: false, citation: { ...cite, clause: '' } } })).toEqual([
      { field: 'contentPlan.citation.clause', message: REQUIRED },
    ]);
  });

  it('checks each weekly minimum: known organization kinds, 0 to 100, its nature and its act (DOMAIN.md §3)', () => {
    expect(problems({ quotas: {} })).toEqual([{ field: 'quotas', message: LIST }]);
    expect(problems({ quotas: [null] })).toEqual([
      { field: 'quotas[0].organizationKinds', message: KINDS_LIST },
      { field: 'quotas[0].minimumPerWeek', message: 'ожидается целое число от 0 до 100' },
      { field: 'quotas[0].nature', message: 'ожидается recommended или required' },
      { field: 'quotas[0].citation', message: CITE },
    ]);
    for (const organizationKinds of [[], 'administration', ['administration', 'ministry']]) {
      expect(problems({ quotas: [{ ...quota, organizationKinds }] })).toEqual([
        { field: 'quotas[0].organizationKinds', message: KINDS_LIST },
      ]);
    }
    for (const minimumPerWeek of [0, 100]) expect(problems({ quotas: [{ ...quota, minimumPerWeek }] })).toEqual([]);
    for (const minimumPerWeek of [-1, 101, 2.5]) {
      expect(problems({ quotas: [{ ...quota, minimumPerWeek }] })).toEqual([
        { field: 'quotas[0].minimumPerWeek', message: 'ожидается целое число от 0 до 100' },
      ]);
    }
    expect(problems({ quotas: [{ ...quota, nature: 'recommended' }] })).toEqual([]);
  });

  it('checks each reporting rule: a unique code, known events, duty, recipient, 0 to 365 working days, its act', () => {
    expect(problems({ reporting: 'none' })).toEqual([{ field: 'reporting', message: LIST }]);
    const CODE = 'ожидается код из латинских букв, цифр, . _ -';
    expect(problems({ reporting: [null] })).toEqual([
      { field: 'reporting[0].code', message: CODE },
      { field: 'reporting[0].events', message: EVENTS_LIST },
      { field: 'reporting[0].duty', message: REQUIRED },
      { field: 'reporting[0].recipient', message: REQUIRED },
      { field: 'reporting[0].workingDays', message: 'ожидается целое число от 0 до 365' },
      { field: 'reporting[0].citation', message: CITE },
    ]);
    for (const code of ['ab', 'Ab.cd', 'ab.cD', 5]) {
      expect(problems({ reporting: [{ ...rule, code }] })).toEqual([{ field: 'reporting[0].code', message: CODE }]);
    }
    expect(problems({ reporting: [rule, { ...rule }] })).toEqual([
      { field: 'reporting[1].code', message: 'код правила повторяется' },
    ]);
    for (const events of [[], 'page_created', ['page_created', 'page_liked']]) {
      expect(problems({ reporting: [{ ...rule, events }] })).toEqual([
        { field: 'reporting[0].events', message: EVENTS_LIST },
      ]);
    }
    expect(problems({ reporting: [{ ...rule, organizationKinds: [] }] })).toEqual([
      { field: 'reporting[0].organizationKinds', message: KINDS_LIST },
    ]);
    expect(problems({ reporting: [{ ...rule, duty: ' ', recipient: 5 }] })).toEqual([
      { field: 'reporting[0].duty', message: REQUIRED },
      { field: 'reporting[0].recipient', message: REQUIRED },
    ]);
    for (const workingDays of [0, 365]) expect(problems({ reporting: [{ ...rule, workingDays }] })).toEqual([]);
    for (const workingDays of [-1, 366, 1.5]) {
      expect(problems({ reporting: [{ ...rule, workingDays }] })).toEqual([
        { field: 'reporting[0].workingDays', message: 'ожидается целое число от 0 до 365' },
      ]);
    }
    expect(problems({ reporting: [{ ...rule, citation: undefined }] })).toEqual([
      { field: 'reporting[0].citation', message: CITE },
    ]);
  });

  it('asks for a known rank floor or none, and the act for a floor (Krasnodar 413 Порядок p.2)', () => {
    const refusal = [
      {
        field: 'responsibleMinRank.rank',
        message: 'ожидается null или одно из: head, first_deputy_head, deputy_head, department_head, specialist',
      },
    ];
    expect(problems({ responsibleMinRank: undefined })).toEqual(refusal);
    expect(problems({ responsibleMinRank: { rank: 'janitor', citation: cite } })).toEqual(refusal);
    expect(problems({ responsibleMinRank: { rank: null } })).toEqual([]);
    expect(problems({ responsibleMinRank: { rank: 'head' } })).toEqual([
      { field: 'responsibleMinRank.citation', message: CITE },
    ]);
  });

  it('asks for a checklist of titled items, and its act when it has items (Blagodarny Порядок п.5)', () => {
    expect(problems({ contentChecklist: undefined })).toEqual([{ field: 'contentChecklist.items', message: LIST }]);
    expect(problems({ contentChecklist: { items: 'x', citation: cite } })).toEqual([
      { field: 'contentChecklist.items', message: LIST },
    ]);
    expect(problems({ contentChecklist: { items: [] } })).toEqual([]);
    expect(
      problems({
        contentChecklist: {
          items: [
            null,
            { title: 'Обложка' },
            { code: 'cover' },
            { code: 'cover', title: ' ' },
            { code: 'a', title: 'Б' },
          ],
          citation: cite,
        },
      }),
    ).toEqual(
      [0, 1, 2, 3].map((i) => ({ field: `contentChecklist.items[${i}]`, message: 'ожидается { code, title }' })),
    );
    expect(problems({ contentChecklist: { items: [{ code: 'a', title: 'Б' }] } })).toEqual([
      { field: 'contentChecklist.citation', message: CITE },
    ]);
  });

  it('checks page requirements and the style rule only where given, each with its nature and act', () => {
    expect(problems({ pageRequirements: undefined, publicationStyle: undefined })).toEqual([]);
    expect(problems({ pageRequirements: {} })).toEqual([]);
    for (const pageRequirements of [null, 'x']) {
      expect(problems({ pageRequirements })).toEqual([{ field: 'pageRequirements', message: 'ожидается объект' }]);
    }
    const networksRefusal = {
      field: 'pageRequirements.networks.networks',
      message: `ожидается непустой список сетей из: ${NETWORKS_LIST}`,
    };
    for (const networks of [undefined, [], ['vk', 'myspace']]) {
      expect(problems({ pageRequirements: { networks: { networks, nature: 'required', citation: cite } } })).toEqual([
        networksRefusal,
      ]);
    }
    expect(
      problems({
        pageRequirements: {
          networks: { networks: ['vk'], nature: 'always' },
          gosuslugiMark: null,
          feedbackWidget: { nature: 'required' },
          commentsOpen: 'yes',
        },
        publicationStyle: { nature: 'recommended' },
      }),
    ).toEqual([
      { field: 'pageRequirements.networks.nature', message: 'ожидается recommended или required' },
      { field: 'pageRequirements.networks.citation', message: CITE },
      { field: 'pageRequirements.gosuslugiMark', message: 'ожидается { nature, citation }' },
      { field: 'pageRequirements.feedbackWidget.citation', message: CITE },
      { field: 'pageRequirements.commentsOpen', message: 'ожидается { nature, citation }' },
      { field: 'publicationStyle.citation', message: CITE },
    ]);
  });
});

describe('policy answers at their edges', () => {
  it('has no rank floor where the policy names none, even with a citation', () => {
    const policy = {
      ...SEED_POLICIES['blagodarny-mo']!,
      responsibleMinRank: { rank: null, citation: SEED_POLICIES['blagodarny-mo']!.networks.citation },
    };
    expect(responsibleRankRefusal('specialist', policy)).toBeUndefined();
  });

  it("counts the event's day in the jurisdiction's zone: Thursday in Kamchatka is due on Friday (Civil Code art. 191)", () => {
    const kamchatka: JurisdictionTime = { code: 'kamchatka', timeZone: 'Asia/Kamchatka', calendar };
    const [obligation] = obligationsFor(
      { type: 'frequency_decided', occurredOn: '2026-03-05', organizationKind: OrganizationKind.Administration },
      {
        ...SEED_POLICIES['blagodarny-mo']!,
        reporting: [{ ...SEED_POLICIES['blagodarny-mo']!.reporting[2]!, workingDays: 1 }],
      },
      kamchatka,
    );
    expect(obligation!.dueAt.toISOString()).toBe('2026-03-06T06:00:00.000Z');
  });
});
