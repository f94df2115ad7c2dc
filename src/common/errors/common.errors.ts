import { DomainError, ProblemField } from './domain-error';

export enum CommonErrorCode {
  VALIDATION_FAILED = 'COMMON.VALIDATION_FAILED',
  MALFORMED_BODY = 'COMMON.MALFORMED_BODY',
  BODY_NOT_UTF8 = 'COMMON.BODY_NOT_UTF8',
  MALFORMED_REQUEST = 'COMMON.MALFORMED_REQUEST',
  REQUEST_TIMEOUT = 'COMMON.REQUEST_TIMEOUT',
  URI_TOO_LONG = 'COMMON.URI_TOO_LONG',
  HEADERS_TOO_LARGE = 'COMMON.HEADERS_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'COMMON.UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE = 'COMMON.PAYLOAD_TOO_LARGE',
  ROUTE_NOT_FOUND = 'COMMON.ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED = 'COMMON.METHOD_NOT_ALLOWED',
  TOO_MANY_REQUESTS = 'COMMON.TOO_MANY_REQUESTS',
  CONFLICT = 'COMMON.CONFLICT',
  JSON_TOO_DEEP = 'COMMON.JSON_TOO_DEEP',
  DATABASE_UNAVAILABLE = 'COMMON.DATABASE_UNAVAILABLE',
  INTERNAL = 'COMMON.INTERNAL',
}

const STATUS: Record<CommonErrorCode, number> = {
  [CommonErrorCode.VALIDATION_FAILED]: 400,
  [CommonErrorCode.MALFORMED_BODY]: 400,
  [CommonErrorCode.BODY_NOT_UTF8]: 400,
  [CommonErrorCode.MALFORMED_REQUEST]: 400,
  [CommonErrorCode.REQUEST_TIMEOUT]: 408,
  [CommonErrorCode.URI_TOO_LONG]: 414,
  [CommonErrorCode.HEADERS_TOO_LARGE]: 431,
  [CommonErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [CommonErrorCode.ROUTE_NOT_FOUND]: 404,
  [CommonErrorCode.METHOD_NOT_ALLOWED]: 405,
  [CommonErrorCode.TOO_MANY_REQUESTS]: 429,
  [CommonErrorCode.CONFLICT]: 409,
  [CommonErrorCode.JSON_TOO_DEEP]: 400,
  [CommonErrorCode.DATABASE_UNAVAILABLE]: 503,
  [CommonErrorCode.INTERNAL]: 500,
};

export const COMMON_MESSAGES: Record<CommonErrorCode, string> = {
  [CommonErrorCode.VALIDATION_FAILED]: 'Запрос содержит ошибки в полях; исправьте их и повторите.',
  [CommonErrorCode.MALFORMED_BODY]: 'Тело запроса не является корректным JSON.',
  [CommonErrorCode.BODY_NOT_UTF8]:
    'Тело запроса содержит байты, недопустимые в UTF-8; сохраните его в кодировке UTF-8.',
  [CommonErrorCode.MALFORMED_REQUEST]:
    'Запрос не соответствует протоколу HTTP: испорченный адрес, заголовки или длина тела.',
  [CommonErrorCode.REQUEST_TIMEOUT]: 'Запрос не был получен целиком вовремя; повторите.',
  [CommonErrorCode.URI_TOO_LONG]: 'Адрес запроса слишком длинный; сократите параметры.',
  [CommonErrorCode.HEADERS_TOO_LARGE]: 'Заголовки запроса (или его адрес) слишком велики.',
  [CommonErrorCode.UNSUPPORTED_MEDIA_TYPE]: 'Этот тип содержимого не поддерживается; отправьте application/json.',
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: 'Тело запроса слишком большое.',
  [CommonErrorCode.ROUTE_NOT_FOUND]: 'Такого адреса нет в API.',
  [CommonErrorCode.METHOD_NOT_ALLOWED]: 'Этот метод не поддерживается для данного адреса.',
  [CommonErrorCode.TOO_MANY_REQUESTS]: 'Слишком много запросов; подождите минуту и повторите.',
  [CommonErrorCode.CONFLICT]: 'Запись изменилась или уже существует; обновите данные и повторите.',
  [CommonErrorCode.JSON_TOO_DEEP]: 'Тело запроса содержит слишком глубоко вложенные списки или объекты.',
  [CommonErrorCode.DATABASE_UNAVAILABLE]:
    'База данных сервиса временно недоступна; повторите запрос через несколько секунд.',
  [CommonErrorCode.INTERNAL]: 'Внутренняя ошибка сервиса. Она записана в журнал; повторите позже.',
};

export class CommonError extends DomainError {
  constructor(code: CommonErrorCode, details: Record<string, unknown> = {}, fields: ProblemField[] = []) {
    super(code, STATUS[code], COMMON_MESSAGES[code], details, fields);
  }
}
