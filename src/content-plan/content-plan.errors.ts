import { DomainError, ProblemField } from '../common/errors/domain-error';

export enum ContentPlanErrorCode {
  NOT_REQUIRED = 'CONTENT_PLAN.NOT_REQUIRED',
  ORGANIZATION_NOT_FOUND = 'CONTENT_PLAN.ORGANIZATION_NOT_FOUND',
  PLAN_NOT_FOUND = 'CONTENT_PLAN.PLAN_NOT_FOUND',
  NOT_EDITABLE = 'CONTENT_PLAN.NOT_EDITABLE',
  TRANSITION_NOT_ALLOWED = 'CONTENT_PLAN.TRANSITION_NOT_ALLOWED',
  EMPTY_PLAN = 'CONTENT_PLAN.EMPTY_PLAN',
  ITEMS_INVALID = 'CONTENT_PLAN.ITEMS_INVALID',
  INSUFFICIENT_EVENTS_NOT_APPLICABLE = 'CONTENT_PLAN.INSUFFICIENT_EVENTS_NOT_APPLICABLE',
  RECOMMENDATIONS_REQUIRED = 'CONTENT_PLAN.RECOMMENDATIONS_REQUIRED',
  ITEM_NOT_FOUND = 'CONTENT_PLAN.ITEM_NOT_FOUND',
  VERSION_REQUIRED = 'CONTENT_PLAN.VERSION_REQUIRED',
  VERSION_CONFLICT = 'CONTENT_PLAN.VERSION_CONFLICT',
  ALREADY_EXISTS = 'CONTENT_PLAN.ALREADY_EXISTS',
  NOTHING_TO_COPY = 'CONTENT_PLAN.NOTHING_TO_COPY',
  NO_TEMPLATES = 'CONTENT_PLAN.NO_TEMPLATES',
  TEMPLATE_NOT_FOUND = 'CONTENT_PLAN.TEMPLATE_NOT_FOUND',
  IMPORT_UNREADABLE = 'CONTENT_PLAN.IMPORT_UNREADABLE',
  IMPORT_INVALID = 'CONTENT_PLAN.IMPORT_INVALID',
}

const STATUS: Record<ContentPlanErrorCode, number> = {
  [ContentPlanErrorCode.NOT_REQUIRED]: 422,
  [ContentPlanErrorCode.ORGANIZATION_NOT_FOUND]: 404,
  [ContentPlanErrorCode.PLAN_NOT_FOUND]: 404,
  [ContentPlanErrorCode.NOT_EDITABLE]: 409,
  [ContentPlanErrorCode.TRANSITION_NOT_ALLOWED]: 409,
  [ContentPlanErrorCode.EMPTY_PLAN]: 422,
  [ContentPlanErrorCode.ITEMS_INVALID]: 422,
  [ContentPlanErrorCode.INSUFFICIENT_EVENTS_NOT_APPLICABLE]: 422,
  [ContentPlanErrorCode.RECOMMENDATIONS_REQUIRED]: 422,
  [ContentPlanErrorCode.ITEM_NOT_FOUND]: 422,
  [ContentPlanErrorCode.VERSION_REQUIRED]: 428,
  [ContentPlanErrorCode.VERSION_CONFLICT]: 409,
  [ContentPlanErrorCode.ALREADY_EXISTS]: 409,
  [ContentPlanErrorCode.NOTHING_TO_COPY]: 422,
  [ContentPlanErrorCode.NO_TEMPLATES]: 422,
  [ContentPlanErrorCode.TEMPLATE_NOT_FOUND]: 404,
  [ContentPlanErrorCode.IMPORT_UNREADABLE]: 400,
  [ContentPlanErrorCode.IMPORT_INVALID]: 422,
};

const MESSAGES: Record<ContentPlanErrorCode, string> = {
  [ContentPlanErrorCode.NOT_REQUIRED]:
    'Правовые акты этой территории не устанавливают еженедельный контент-план; контент-планы здесь не ведутся.',
  [ContentPlanErrorCode.ORGANIZATION_NOT_FOUND]: 'Организация не найдена.',
  [ContentPlanErrorCode.PLAN_NOT_FOUND]: 'Контент-план организации на эту неделю ещё не создан.',
  [ContentPlanErrorCode.NOT_EDITABLE]:
    'Контент-план в этом состоянии не редактируется: изменить его можно только после рекомендаций координатора.',
  [ContentPlanErrorCode.TRANSITION_NOT_ALLOWED]: 'Из текущего состояния контент-плана это действие недоступно.',
  [ContentPlanErrorCode.EMPTY_PLAN]:
    'В контент-плане нет ни одной публикации. Если информационных поводов нет, сообщите об этом (п.5 Положения).',
  [ContentPlanErrorCode.ITEMS_INVALID]: 'Публикации контент-плана заполнены с ошибками; исправьте поля из списка.',
  [ContentPlanErrorCode.INSUFFICIENT_EVENTS_NOT_APPLICABLE]:
    'Обоснование недостатка информационных поводов указывается, только когда публикаций меньше установленного минимума.',
  [ContentPlanErrorCode.RECOMMENDATIONS_REQUIRED]:
    'Укажите рекомендации: общий комментарий к плану или комментарии к отдельным публикациям.',
  [ContentPlanErrorCode.ITEM_NOT_FOUND]: 'Комментарий относится к публикации, которой нет в этой версии плана.',
  [ContentPlanErrorCode.VERSION_REQUIRED]:
    'Укажите версию контент-плана, на основе которой сделано действие (заголовок If-Match или поле version).',
  [ContentPlanErrorCode.VERSION_CONFLICT]:
    'Контент-план уже изменил кто-то другой; обновите данные и повторите действие.',
  [ContentPlanErrorCode.ALREADY_EXISTS]: 'Контент-план на эту неделю уже заполнен; копирование его не заменяет.',
  [ContentPlanErrorCode.NOTHING_TO_COPY]: 'За предыдущую неделю нет контент-плана с публикациями.',
  [ContentPlanErrorCode.NO_TEMPLATES]: 'У организации нет шаблонов регулярных публикаций.',
  [ContentPlanErrorCode.TEMPLATE_NOT_FOUND]: 'Шаблон регулярной публикации не найден.',
  [ContentPlanErrorCode.IMPORT_UNREADABLE]: 'Файл не удалось прочитать: ожидается XLSX по шаблону контент-плана.',
  [ContentPlanErrorCode.IMPORT_INVALID]:
    'В файле есть ошибки; ничего не загружено. Исправьте строки из списка и повторите.',
};

export class ContentPlanError extends DomainError {
  constructor(code: ContentPlanErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], MESSAGES[code], details, fields);
  }
}

/** If-Match (`"3"`, `W/"3"`) or the body's version; 428 without either. */
export function expectedPlanVersion(ifMatch: string | undefined, bodyVersion?: number): number {
  const fromHeader = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch?.trim() ?? '');
  const version = fromHeader ? Number(fromHeader[1]) : bodyVersion;
  if (version === undefined || !Number.isInteger(version) || version < 1) {
    throw new ContentPlanError(ContentPlanErrorCode.VERSION_REQUIRED);
  }
  return version;
}
