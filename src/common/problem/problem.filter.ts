import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ProblemField } from '../errors/domain-error';
import { CommonError, CommonErrorCode } from '../errors/common.errors';
import { isDatabaseUnavailable } from '../errors/database-unavailable';

/** A restarted or failed-over server is usually back within seconds. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem document as this service writes it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: ProblemField[];
  [extra: string]: unknown;
}

/** Renders every error once, as application/problem+json; never a stack trace or SQL. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = this.toDomainError(exception);
    if (error.code === CommonErrorCode.DATABASE_UNAVAILABLE) {
      this.logger.warn({ reqId: request.id, reason: (exception as Error).message }, 'Database unavailable');
    } else if (error.status >= 500) {
      this.logger.error({ err: exception, reqId: request.id }, 'Unhandled error');
    }
    // A problem that says when to come back says it in the standard header too (429, 503).
    const retryAfter = error.details.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
    reply.status(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(toProblem(error, request.url));
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof ThrottlerException) return new CommonError(CommonErrorCode.TOO_MANY_REQUESTS);
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception)) {
      return new CommonError(CommonErrorCode.DATABASE_UNAVAILABLE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
    }
    const fastifyCode = (exception as { code?: unknown })?.code;
    if (typeof fastifyCode === 'string') {
      const mapped = FASTIFY_CODES[fastifyCode];
      if (mapped) return new CommonError(mapped);
    }
    // Fastify's own errors (bad content-length, unsupported media type…) carry their 4xx status.
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return commonErrorFor(statusCode);
    return new CommonError(CommonErrorCode.INTERNAL);
  }
}

const FASTIFY_CODES: Record<string, CommonErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: CommonErrorCode.MALFORMED_BODY,
  FST_ERR_CTP_EMPTY_JSON_BODY: CommonErrorCode.MALFORMED_BODY,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: CommonErrorCode.MALFORMED_BODY,
  FST_ERR_CTP_BODY_TOO_LARGE: CommonErrorCode.PAYLOAD_TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

const BY_STATUS: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.MALFORMED_BODY,
  404: CommonErrorCode.ROUTE_NOT_FOUND,
  405: CommonErrorCode.METHOD_NOT_ALLOWED,
  408: CommonErrorCode.REQUEST_TIMEOUT,
  409: CommonErrorCode.CONFLICT,
  413: CommonErrorCode.PAYLOAD_TOO_LARGE,
  414: CommonErrorCode.URI_TOO_LONG,
  415: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: CommonErrorCode.TOO_MANY_REQUESTS,
  431: CommonErrorCode.HEADERS_TOO_LARGE,
};

export function commonErrorFor(status: number): CommonError {
  return new CommonError(
    BY_STATUS[status] ?? (status >= 500 ? CommonErrorCode.INTERNAL : CommonErrorCode.MALFORMED_BODY),
  );
}

function fromHttpException(exception: HttpException): DomainError {
  return commonErrorFor(exception.getStatus());
}

const TITLES: Record<number, string> = {
  400: 'Некорректный запрос',
  401: 'Требуется вход',
  403: 'Доступ запрещён',
  404: 'Не найдено',
  405: 'Метод не поддерживается',
  408: 'Время ожидания запроса истекло',
  409: 'Конфликт',
  413: 'Слишком большой запрос',
  414: 'Слишком длинный адрес',
  415: 'Неподдерживаемый тип содержимого',
  422: 'Запрос не может быть выполнен',
  428: 'Требуется версия',
  429: 'Слишком много запросов',
  431: 'Слишком большие заголовки',
  500: 'Внутренняя ошибка',
  503: 'Сервис недоступен',
};

export function toProblem(error: DomainError, instance?: string): Problem {
  const problem: Problem = {
    type: `urn:problem:${error.code}`,
    title: TITLES[error.status] ?? 'Ошибка',
    status: error.status,
    code: error.code,
    detail: error.message,
    ...error.details,
  };
  if (instance) problem.instance = instance.split('?')[0];
  if (error.fields.length) problem.errors = error.fields;
  return problem;
}
