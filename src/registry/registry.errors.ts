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
};

export class RegistryError extends DomainError {
  constructor(code: RegistryErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], MESSAGES[code], details, fields);
  }
}
