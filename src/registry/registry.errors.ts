import { DomainError, ProblemField } from '../common/errors/domain-error';

export enum RegistryErrorCode {
  ORGANIZATION_NOT_FOUND = 'REGISTRY.ORGANIZATION_NOT_FOUND',
  JURISDICTION_NOT_FOUND = 'REGISTRY.JURISDICTION_NOT_FOUND',
  PARENT_NOT_FOUND = 'REGISTRY.PARENT_NOT_FOUND',
  PARENT_OTHER_JURISDICTION = 'REGISTRY.PARENT_OTHER_JURISDICTION',
}

const STATUS: Record<RegistryErrorCode, number> = {
  [RegistryErrorCode.ORGANIZATION_NOT_FOUND]: 404,
  [RegistryErrorCode.JURISDICTION_NOT_FOUND]: 422,
  [RegistryErrorCode.PARENT_NOT_FOUND]: 422,
  [RegistryErrorCode.PARENT_OTHER_JURISDICTION]: 422,
};

const MESSAGES: Record<RegistryErrorCode, string> = {
  [RegistryErrorCode.ORGANIZATION_NOT_FOUND]: 'Организация не найдена.',
  [RegistryErrorCode.JURISDICTION_NOT_FOUND]: 'Такой территории (юрисдикции) нет.',
  [RegistryErrorCode.PARENT_NOT_FOUND]: 'Вышестоящая организация не найдена.',
  [RegistryErrorCode.PARENT_OTHER_JURISDICTION]: 'Вышестоящая организация относится к другой территории.',
};

export class RegistryError extends DomainError {
  constructor(code: RegistryErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], MESSAGES[code], details, fields);
  }
}
