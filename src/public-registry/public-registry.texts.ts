/** Everything a reader of the public registry sees in Russian, in one place for review. */
import { OrganizationKind } from '../registry/organization-kind';

export const KIND_TITLES: Record<OrganizationKind, string> = {
  [OrganizationKind.RegionalGovernment]: 'Правительство (администрация) субъекта',
  [OrganizationKind.Administration]: 'Администрация',
  [OrganizationKind.ExecutiveBody]: 'Орган исполнительной власти',
  [OrganizationKind.AdministrationOrgan]: 'Орган администрации',
  [OrganizationKind.SubordinateOrganization]: 'Подведомственная организация',
  [OrganizationKind.SettlementAdministration]: 'Администрация поселения',
};

export const TEXTS = {
  siteTitle: 'Реестр официальных страниц в социальных сетях',
  notFoundTitle: 'Организация не найдена',
  notFoundDetail: 'Такой организации нет в реестре. Проверьте адрес или найдите организацию в общем списке.',
  markYes: 'Есть отметка Госуслуг',
  markNo: 'Нет отметки',
  legacyNetwork: 'сеть не используется для официальных страниц (распоряжение Правительства РФ № 2523-р)',
  datasetTitle: 'Реестр официальных страниц органов власти и подведомственных организаций в социальных сетях',
  datasetDescription:
    'Официальные страницы (аккаунты) органов власти, органов местного самоуправления и подведомственных организаций ' +
    'в социальных сетях: организация, территория, сеть, ссылка, наличие специальной отметки Госуслуг и виджета ' +
    'Платформы обратной связи, даты создания и удаления. Публикуется в соответствии с п. 2.4 Положения, утв. ' +
    'постановлением Правительства Хабаровского края от 17.03.2020 № 77-пр, и п. 3.1 Порядка, утв. постановлением ' +
    'администрации Благодарненского муниципального округа от 09.11.2023 № 1249.',
  publisher: 'Оператор реестра официальных страниц',
  licence: 'Creative Commons «С указанием авторства» 4.0 Международная (CC BY 4.0)',
  updateFrequency: 'по мере изменения сведений (постоянно)',
} as const;
