import { DomainError, ProblemField } from '../common/errors/domain-error';

export enum RegistryErrorCode {
  ORGANIZATION_NOT_FOUND = 'REGISTRY.ORGANIZATION_NOT_FOUND',
  JURISDICTION_NOT_FOUND = 'REGISTRY.JURISDICTION_NOT_FOUND',
  PARENT_NOT_FOUND = 'REGISTRY.PARENT_NOT_FOUND',
  PARENT_OTHER_JURISDICTION = 'REGISTRY.PARENT_OTHER_JURISDICTION',
  POLICY_NOT_FOUND = 'REGISTRY.POLICY_NOT_FOUND',
  POLICY_INVALID = 'REGISTRY.POLICY_INVALID',
  VERSION_REQUIRED = 'REGISTRY.VERSION_REQUIRED',
  VERSION_CONFLICT = 'REGISTRY.VERSION_CONFLICT',
  PAGE_NOT_FOUND = 'REGISTRY.PAGE_NOT_FOUND',
  PAGE_URL_INVALID = 'REGISTRY.PAGE_URL_INVALID',
  PAGE_NETWORK_NOT_ALLOWED = 'REGISTRY.PAGE_NETWORK_NOT_ALLOWED',
  PAGE_DUPLICATE_URL = 'REGISTRY.PAGE_DUPLICATE_URL',
  PAGE_DUPLICATE_NETWORK = 'REGISTRY.PAGE_DUPLICATE_NETWORK',
  PAGE_CREDENTIALS_REFUSED = 'REGISTRY.PAGE_CREDENTIALS_REFUSED',
  PAGE_ALREADY_DELETED = 'REGISTRY.PAGE_ALREADY_DELETED',
  DATES_INVALID = 'REGISTRY.DATES_INVALID',
  ORGANIZATION_CLOSED = 'REGISTRY.ORGANIZATION_CLOSED',
  OFFICIAL_NOT_FOUND = 'REGISTRY.OFFICIAL_NOT_FOUND',
  RESPONSIBLE_RANK_TOO_LOW = 'REGISTRY.RESPONSIBLE_RANK_TOO_LOW',
  ESIA_CONFIRMATION_REQUIRED = 'REGISTRY.ESIA_CONFIRMATION_REQUIRED',
  DECISION_NOT_FOUND = 'REGISTRY.DECISION_NOT_FOUND',
  PARENT_CYCLE = 'REGISTRY.PARENT_CYCLE',
  OBLIGATION_NOT_FOUND = 'REGISTRY.OBLIGATION_NOT_FOUND',
  OBLIGATION_ALREADY_FULFILLED = 'REGISTRY.OBLIGATION_ALREADY_FULFILLED',
  INVALID_CURSOR = 'REGISTRY.INVALID_CURSOR',
  IMPORT_UNREADABLE = 'REGISTRY.IMPORT_UNREADABLE',
  IMPORT_INVALID = 'REGISTRY.IMPORT_INVALID',
}

const STATUS: Record<RegistryErrorCode, number> = {
  [RegistryErrorCode.ORGANIZATION_NOT_FOUND]: 404,
  [RegistryErrorCode.JURISDICTION_NOT_FOUND]: 422,
  [RegistryErrorCode.PARENT_NOT_FOUND]: 422,
  [RegistryErrorCode.PARENT_OTHER_JURISDICTION]: 422,
  [RegistryErrorCode.POLICY_NOT_FOUND]: 404,
  [RegistryErrorCode.POLICY_INVALID]: 400,
  [RegistryErrorCode.VERSION_REQUIRED]: 428,
  [RegistryErrorCode.VERSION_CONFLICT]: 409,
  [RegistryErrorCode.PAGE_NOT_FOUND]: 404,
  [RegistryErrorCode.PAGE_URL_INVALID]: 400,
  [RegistryErrorCode.PAGE_NETWORK_NOT_ALLOWED]: 422,
  [RegistryErrorCode.PAGE_DUPLICATE_URL]: 409,
  [RegistryErrorCode.PAGE_DUPLICATE_NETWORK]: 409,
  [RegistryErrorCode.PAGE_CREDENTIALS_REFUSED]: 400,
  [RegistryErrorCode.PAGE_ALREADY_DELETED]: 409,
  [RegistryErrorCode.DATES_INVALID]: 400,
  [RegistryErrorCode.ORGANIZATION_CLOSED]: 422,
  [RegistryErrorCode.OFFICIAL_NOT_FOUND]: 404,
  [RegistryErrorCode.RESPONSIBLE_RANK_TOO_LOW]: 422,
  [RegistryErrorCode.ESIA_CONFIRMATION_REQUIRED]: 422,
  [RegistryErrorCode.DECISION_NOT_FOUND]: 404,
  [RegistryErrorCode.PARENT_CYCLE]: 422,
  [RegistryErrorCode.OBLIGATION_NOT_FOUND]: 404,
  [RegistryErrorCode.OBLIGATION_ALREADY_FULFILLED]: 409,
  [RegistryErrorCode.INVALID_CURSOR]: 400,
  [RegistryErrorCode.IMPORT_UNREADABLE]: 400,
  [RegistryErrorCode.IMPORT_INVALID]: 422,
};

const MESSAGES: Record<RegistryErrorCode, string> = {
  [RegistryErrorCode.ORGANIZATION_NOT_FOUND]: 'Организация не найдена.',
  [RegistryErrorCode.JURISDICTION_NOT_FOUND]: 'Такой территории (юрисдикции) нет.',
  [RegistryErrorCode.PARENT_NOT_FOUND]: 'Вышестоящая организация не найдена.',
  [RegistryErrorCode.PARENT_OTHER_JURISDICTION]: 'Вышестоящая организация относится к другой территории.',
  [RegistryErrorCode.POLICY_NOT_FOUND]: 'Для этой территории правила не заданы.',
  [RegistryErrorCode.POLICY_INVALID]: 'Правила территории заполнены с ошибками; исправьте поля из списка.',
  [RegistryErrorCode.VERSION_REQUIRED]:
    'Укажите версию, на основе которой сделано изменение (заголовок If-Match или поле version), чтобы не затереть чужие правки.',
  [RegistryErrorCode.VERSION_CONFLICT]: 'Запись уже изменил кто-то другой; обновите данные и повторите изменение.',
  [RegistryErrorCode.PAGE_NOT_FOUND]: 'Официальная страница не найдена.',
  [RegistryErrorCode.PAGE_URL_INVALID]: 'Адрес страницы не подходит для этой сети.',
  [RegistryErrorCode.PAGE_NETWORK_NOT_ALLOWED]: 'В этой сети официальные страницы на данной территории не ведутся.',
  [RegistryErrorCode.PAGE_DUPLICATE_URL]: 'Страница с таким адресом уже есть в реестре.',
  [RegistryErrorCode.PAGE_DUPLICATE_NETWORK]:
    'У организации уже есть действующая официальная страница в этой сети; допускается одна страница в каждой сети.',
  [RegistryErrorCode.PAGE_CREDENTIALS_REFUSED]:
    'Логины и пароли страниц в реестре не хранятся: передайте доступ координатору и отметьте только факт передачи.',
  [RegistryErrorCode.PAGE_ALREADY_DELETED]: 'Страница уже отмечена как удалённая.',
  [RegistryErrorCode.DATES_INVALID]:
    'Даты противоречат друг другу (например, удаление раньше создания или конец периода раньше начала).',
  [RegistryErrorCode.ORGANIZATION_CLOSED]: 'Организация закрыта; новые записи для неё не ведутся.',
  [RegistryErrorCode.OFFICIAL_NOT_FOUND]: 'Должностное лицо не найдено.',
  [RegistryErrorCode.RESPONSIBLE_RANK_TOO_LOW]:
    'Ответственным лицом может быть назначен работник не ниже заместителя руководителя.',
  [RegistryErrorCode.ESIA_CONFIRMATION_REQUIRED]:
    'Уполномоченное лицо должно быть идентифицировано через ЕСИА: укажите дату подтверждения.',
  [RegistryErrorCode.DECISION_NOT_FOUND]: 'Решение не найдено.',
  [RegistryErrorCode.PARENT_CYCLE]:
    'Организация не может подчиняться самой себе или своей подведомственной организации.',
  [RegistryErrorCode.OBLIGATION_NOT_FOUND]: 'Обязанность по отчётности не найдена.',
  [RegistryErrorCode.OBLIGATION_ALREADY_FULFILLED]: 'Эта обязанность уже отмечена как исполненная.',
  [RegistryErrorCode.INVALID_CURSOR]: 'Курсор страницы списка повреждён или устарел; запросите список с начала.',
  [RegistryErrorCode.IMPORT_UNREADABLE]:
    'Файл не удалось прочитать: ожидается CSV (UTF-8, разделитель «;» или «,») или XLSX.',
  [RegistryErrorCode.IMPORT_INVALID]:
    'В файле есть ошибки; ничего не загружено. Исправьте строки из списка и повторите.',
};

export class RegistryError extends DomainError {
  constructor(code: RegistryErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], MESSAGES[code], details, fields);
  }
}
