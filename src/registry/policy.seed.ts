import { OrganizationKind as K } from './organization-kind';
import { blagodarny, khabarovsk, krasnodar413, krasnodar449, ORDER_2523, plastunovskaya } from './acts';
import type { Citation, JurisdictionPolicy, PageRequirements, Requirement } from './policy.types';

/**
 * Policies as the acts in shared/seeds set them (DOMAIN.md §1, §3). The first migration of
 * policies stores a copy; admins edit them through the API afterwards.
 */
const decree2560 = (nature: Requirement['nature']): Requirement => ({
  nature,
  citation: {
    act: 'Постановление Правительства Российской Федерации',
    number: '2560',
    date: '2022-12-31',
    clause: 'Правила размещения информации на официальных страницах (специальная отметка, платформа обратной связи)',
  },
});
/** 8-FZ art. 10 part 1.1: bodies and their subordinate organizations keep official pages (networks per 2523-р). */
const lawPages: Citation = {
  act: 'Федеральный закон «Об обеспечении доступа к информации о деятельности государственных органов и органов местного самоуправления»',
  number: '8-ФЗ',
  date: '2009-02-09',
  clause: 'ст. 10 ч. 1.1 (социальные сети — по распоряжению Правительства РФ № 2523-р)',
};
/** The federal frame where the local act says nothing more. */
const FEDERAL_PAGE_REQUIREMENTS: PageRequirements = {
  networks: { networks: ['vk', 'ok'], nature: 'required', citation: lawPages },
  gosuslugiMark: decree2560('recommended'),
  feedbackWidget: decree2560('recommended'),
  commentsOpen: decree2560('recommended'),
};

const ALL_PAGE_EVENTS = ['page_created', 'page_deleted'] as const;

export const SEED_POLICIES: Record<string, JurisdictionPolicy> = {
  'khabarovsk-krai': {
    networks: { allowed: ['vk', 'ok', 'telegram', 'max'], citation: { ...ORDER_2523 } },
    onePagePerNetwork: { required: true, citation: khabarovsk('Положение 1 п.3.1') },
    quotas: [
      {
        organizationKinds: [K.RegionalGovernment],
        minimumPerWeek: 10,
        nature: 'recommended',
        citation: khabarovsk('Положение 1 п.5 абз.1'),
      },
      {
        organizationKinds: [K.ExecutiveBody],
        minimumPerWeek: 5,
        nature: 'recommended',
        citation: khabarovsk('Положение 1 п.5 абз.2–3'),
      },
    ],
    reporting: [
      {
        code: 'khabarovsk.registry_update',
        events: ['page_created', 'page_deleted', 'page_url_changed', 'organization_renamed'],
        organizationKinds: [K.ExecutiveBody],
        duty: 'Направить в Комитет сведения для актуализации Реестра официальных страниц',
        recipient: 'Комитет (координатор)',
        workingDays: 5,
        citation: khabarovsk('Положение 1 п.3.2'),
      },
      {
        code: 'khabarovsk.website_link',
        events: ['page_created', 'page_url_changed'],
        duty: 'Разместить ссылку на официальную страницу на официальном сайте органа',
        recipient: 'Официальный сайт органа',
        workingDays: 5,
        citation: khabarovsk('Положение 1 п.3.3'),
      },
      {
        code: 'khabarovsk.responsible_contacts',
        events: ['responsible_changed'],
        organizationKinds: [K.ExecutiveBody],
        duty: 'Направить координатору контакты ответственных лиц (ФИО, должность, телефон, e-mail)',
        recipient: 'Комитет (координатор)',
        workingDays: 5,
        citation: khabarovsk('постановление п.4–5'),
      },
      {
        code: 'khabarovsk.executor_change',
        events: ['executor_changed'],
        organizationKinds: [K.ExecutiveBody],
        duty: 'Сообщить координатору о смене Исполнителя по работе с сообщениями',
        recipient: 'Комитет (координатор)',
        workingDays: 3,
        citation: khabarovsk('Положение 2 п.5'),
      },
    ],
    contentPlan: { required: true, citation: khabarovsk('Положение 1 п.2.2, 2.6, 5–7') },
    responsibleMinRank: { rank: null },
    esiaAuthorizedRequired: { required: false },
    contentChecklist: { items: [] },
    pageRequirements: FEDERAL_PAGE_REQUIREMENTS,
    publicationStyle: { nature: 'recommended', citation: khabarovsk('Положение 1 п.9') },
  },
  'blagodarny-mo': {
    networks: { allowed: ['vk', 'ok'], citation: blagodarny('п.2.1; Порядок п.3') },
    onePagePerNetwork: { required: false },
    quotas: [
      {
        organizationKinds: [K.Administration, K.AdministrationOrgan, K.SubordinateOrganization],
        minimumPerWeek: 3,
        nature: 'required',
        citation: blagodarny('Порядок п.4'),
      },
    ],
    reporting: [
      {
        code: 'blagodarny.chief_specialist',
        events: [...ALL_PAGE_EVENTS],
        organizationKinds: [K.AdministrationOrgan, K.SubordinateOrganization],
        duty: 'Представить главному специалисту сведения о созданной или удалённой официальной странице',
        recipient: 'Главный специалист отдела по правовым, организационным и общим вопросам',
        workingDays: 2,
        citation: blagodarny('п.3.3.2'),
      },
      {
        code: 'blagodarny.regional_centre',
        events: [...ALL_PAGE_EVENTS],
        duty: 'Представить в центр управления регионом сведения о созданной или удалённой официальной странице',
        recipient: 'Центр управления регионом Ставропольского края',
        workingDays: 3,
        citation: blagodarny('п.3.2.4'),
      },
      {
        code: 'blagodarny.frequency_decision',
        events: ['frequency_decided'],
        duty: 'Довести до организации решение об иной частоте публикаций',
        recipient: 'Организация',
        workingDays: 10,
        citation: blagodarny('Порядок п.4'),
      },
    ],
    contentPlan: { required: false },
    responsibleMinRank: { rank: 'deputy_head', citation: blagodarny('п.3.3.1.2') },
    esiaAuthorizedRequired: { required: true, citation: blagodarny('п.2.3, 3.3.1.3') },
    contentChecklist: {
      items: [
        { code: 'coverWithEmblem', title: 'Индивидуальная обложка с гербом' },
        { code: 'unifiedStyle', title: 'Единый стиль оформления' },
        { code: 'currentInformation', title: 'Актуальная информация (8-ФЗ ст.13 ч.1.2)' },
        { code: 'geotag', title: 'Геометка организации' },
        { code: 'fieldMaterials', title: 'Материалы по сфере деятельности' },
      ],
      citation: blagodarny('Порядок п.5'),
    },
    pageRequirements: {
      networks: { networks: ['vk', 'ok'], nature: 'required', citation: blagodarny('п.2.1; Порядок п.3 пп.2') },
      gosuslugiMark: { nature: 'required', citation: blagodarny('Порядок п.3 пп.2 (специальные отметки)') },
      feedbackWidget: { nature: 'required', citation: blagodarny('Порядок п.3 пп.2 (платформа обратной связи)') },
      commentsOpen: { nature: 'required', citation: blagodarny('Порядок п.3 пп.2 (возможность комментирования)') },
    },
    publicationStyle: { nature: 'recommended', citation: blagodarny('Порядок п.7') },
  },
  'plastunovskaya-sp': {
    networks: { allowed: ['vk', 'ok', 'telegram'], citation: plastunovskaya('Прил. 1 п.1') },
    onePagePerNetwork: { required: false },
    quotas: [
      {
        organizationKinds: [K.SettlementAdministration, K.SubordinateOrganization],
        minimumPerWeek: 2,
        nature: 'recommended',
        citation: plastunovskaya('Прил. 1 п.5'),
      },
    ],
    reporting: [],
    contentPlan: { required: false },
    responsibleMinRank: { rank: null },
    esiaAuthorizedRequired: { required: false },
    contentChecklist: { items: [] },
    pageRequirements: FEDERAL_PAGE_REQUIREMENTS,
    publicationStyle: { nature: 'recommended', citation: plastunovskaya('Прил. 1 п.7') },
  },
  'krasnodar-krai': {
    networks: { allowed: ['vk', 'ok', 'telegram'], citation: krasnodar449('п.1') },
    onePagePerNetwork: { required: false },
    quotas: [],
    reporting: [],
    contentPlan: { required: false },
    responsibleMinRank: { rank: 'deputy_head', citation: krasnodar413('прил. п.8 (Порядок п.2)') },
    esiaAuthorizedRequired: { required: false },
    contentChecklist: { items: [] },
    pageRequirements: {
      ...FEDERAL_PAGE_REQUIREMENTS,
      commentsOpen: { nature: 'required', citation: krasnodar413('прил. п.9 (открытый доступ)') },
    },
  },
};
