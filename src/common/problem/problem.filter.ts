import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ProblemField } from '../errors/domain-error';
import { CommonError, CommonErrorCode } from '../errors/common.errors';

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
    if (error.status >= 500) {
      this.logger.error({ err: exception, reqId: request.id }, 'Unhandled error');
    }
    reply.status(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(toProblem(error, request.url));
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof ThrottlerException) return new CommonError(CommonErrorCode.TOO_MANY_REQUESTS);
    if (exception instanceof HttpException) return fromHttpException(exception);
    const fastifyCode = (exception as { code?: unknown })?.code;
    if (typeof fastifyCode === 'string') {
      const mapped = FASTIFY_CODES[fastifyCode];
      if (mapped) return new CommonError(mapped);
    }
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (statusCode === 400) return new CommonError(CommonErrorCode.MALFORMED_BODY);
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

function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  const byStatus: Record<number, CommonErrorCode> = {
    400: CommonErrorCode.MALFORMED_BODY,
    404: CommonErrorCode.ROUTE_NOT_FOUND,
    405: CommonErrorCode.METHOD_NOT_ALLOWED,
    409: CommonErrorCode.CONFLICT,
    413: CommonErrorCode.PAYLOAD_TOO_LARGE,
    415: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
    429: CommonErrorCode.TOO_MANY_REQUESTS,
  };
  const code = byStatus[status] ?? (status >= 500 ? CommonErrorCode.INTERNAL : CommonErrorCode.MALFORMED_BODY);
  return new CommonError(code);
}

const TITLES: Record<number, string> = {
  400: 'Некорректный запрос',
  401: 'Требуется вход',
  403: 'Доступ запрещён',
  404: 'Не найдено',
  405: 'Метод не поддерживается',
  409: 'Конфликт',
  413: 'Слишком большой запрос',
  415: 'Неподдерживаемый тип содержимого',
  422: 'Запрос не может быть выполнен',
  428: 'Требуется версия',
  429: 'Слишком много запросов',
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
