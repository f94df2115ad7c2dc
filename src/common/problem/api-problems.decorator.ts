import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class ProblemFieldDto {
  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'ожидается адрес электронной почты' })
  message!: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'urn:problem:COMMON.VALIDATION_FAILED' })
  type!: string;

  @ApiProperty({ example: 'Некорректный запрос' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'COMMON.VALIDATION_FAILED', description: 'Stable machine code MODULE.REASON' })
  code!: string;

  @ApiProperty({ example: 'Запрос содержит ошибки в полях; исправьте их и повторите.' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/v1/users' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemFieldDto] })
  errors?: ProblemFieldDto[];
}

const EXAMPLES: Record<number, { code: string; detail: string; title: string; errors?: ProblemFieldDto[] }> = {
  400: {
    code: 'COMMON.VALIDATION_FAILED',
    title: 'Некорректный запрос',
    detail: 'Запрос содержит ошибки в полях; исправьте их и повторите.',
    errors: [{ field: 'email', message: 'ожидается адрес электронной почты' }],
  },
  401: {
    code: 'AUTH.UNAUTHENTICATED',
    title: 'Требуется вход',
    detail: 'Требуется вход: передайте токен в заголовке Authorization: Bearer <токен>.',
  },
  403: {
    code: 'AUTH.FORBIDDEN_SCOPE',
    title: 'Доступ запрещён',
    detail: 'Эти данные относятся к организации или территории, к которой у вас нет доступа.',
  },
  404: { code: 'REGISTRY.ORGANIZATION_NOT_FOUND', title: 'Не найдено', detail: 'Организация не найдена.' },
  409: {
    code: 'AUTH.USER_EMAIL_TAKEN',
    title: 'Конфликт',
    detail: 'Пользователь с таким адресом электронной почты уже есть.',
  },
  422: {
    code: 'CALENDAR.YEAR_UNKNOWN',
    title: 'Запрос не может быть выполнен',
    detail: 'Производственный календарь на этот год не загружен.',
  },
  413: { code: 'COMMON.PAYLOAD_TOO_LARGE', title: 'Слишком большой запрос', detail: 'Тело запроса слишком большое.' },
  415: {
    code: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
    title: 'Неподдерживаемый тип содержимого',
    detail: 'Этот тип содержимого не поддерживается; отправьте application/json.',
  },
  428: {
    code: 'REGISTRY.VERSION_REQUIRED',
    title: 'Требуется версия',
    detail:
      'Укажите версию, на основе которой сделано изменение (заголовок If-Match или поле version), чтобы не затереть чужие правки.',
  },
  429: {
    code: 'COMMON.TOO_MANY_REQUESTS',
    title: 'Слишком много запросов',
    detail: 'Слишком много запросов; подождите минуту и повторите.',
  },
  414: {
    code: 'COMMON.URI_TOO_LONG',
    title: 'Слишком длинный адрес',
    detail: 'Адрес запроса слишком длинный; сократите параметры.',
  },
  431: {
    code: 'COMMON.HEADERS_TOO_LARGE',
    title: 'Слишком большие заголовки',
    detail: 'Заголовки запроса (или его адрес) слишком велики.',
  },
  503: {
    code: 'COMMON.DATABASE_UNAVAILABLE',
    title: 'Сервис недоступен',
    detail: 'База данных сервиса временно недоступна; повторите запрос через несколько секунд.',
  },
};

/** Statuses whose answer says when to come back. */
const RETRY_AFTER_HEADER = {
  'Retry-After': {
    description: 'Через сколько секунд повторить запрос',
    schema: { type: 'integer', minimum: 1 },
  },
};

/** The response object of one problem+json answer, with an example. */
export function problemResponse(status: number) {
  const example = EXAMPLES[status] ?? EXAMPLES[400];
  return {
    description: example.title,
    ...((status === 429 || status === 503) && { headers: RETRY_AFTER_HEADER }),
    content: {
      'application/problem+json': {
        schema: { $ref: getSchemaPath(ProblemDto) },
        example: { type: `urn:problem:${example.code}`, status, ...example },
      },
    },
  };
}

/** Documents the problem+json answers a route can give, each with an example. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}
