import { DomainError, ProblemField } from '../common/errors/domain-error';

export enum ComplianceErrorCode {
  ORGANIZATION_NOT_FOUND = 'COMPLIANCE.ORGANIZATION_NOT_FOUND',
  BATCH_EMPTY = 'COMPLIANCE.BATCH_EMPTY',
  BATCH_TOO_LARGE = 'COMPLIANCE.BATCH_TOO_LARGE',
  CSV_INVALID = 'COMPLIANCE.CSV_INVALID',
  PERIOD_INVALID = 'COMPLIANCE.PERIOD_INVALID',
  CURSOR_INVALID = 'COMPLIANCE.CURSOR_INVALID',
}

const STATUS: Record<ComplianceErrorCode, number> = {
  [ComplianceErrorCode.ORGANIZATION_NOT_FOUND]: 404,
  [ComplianceErrorCode.BATCH_EMPTY]: 400,
  [ComplianceErrorCode.BATCH_TOO_LARGE]: 413,
  [ComplianceErrorCode.CSV_INVALID]: 400,
  [ComplianceErrorCode.PERIOD_INVALID]: 400,
  [ComplianceErrorCode.CURSOR_INVALID]: 400,
};

const MESSAGES: Record<ComplianceErrorCode, string> = {
  [ComplianceErrorCode.ORGANIZATION_NOT_FOUND]: 'Организация не найдена.',
  [ComplianceErrorCode.BATCH_EMPTY]: 'В запросе нет ни одной публикации.',
  [ComplianceErrorCode.BATCH_TOO_LARGE]: 'За один запрос можно передать не более 10 000 публикаций; разделите пакет.',
  [ComplianceErrorCode.CSV_INVALID]: 'Файл CSV не соответствует шаблону: проверьте заголовки столбцов.',
  [ComplianceErrorCode.PERIOD_INVALID]: 'Период задан неверно: начало позже конца или длиннее 104 недель.',
  [ComplianceErrorCode.CURSOR_INVALID]: 'Курсор страницы списка повреждён; начните список сначала.',
};

export class ComplianceError extends DomainError {
  constructor(code: ComplianceErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], MESSAGES[code], details, fields);
  }
}
