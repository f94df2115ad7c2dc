import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { Clock } from './clock';
import { CommonError, CommonErrorCode } from './errors/common.errors';

/**
 * Only registered when ALLOW_TEST_CLOCK is on (never in production): `X-Test-Now: <ISO instant>`
 * makes Clock.now() return that instant for the whole handling of the request.
 * Authentication runs before interceptors and so always uses the real time.
 */
@Injectable()
export class TestClockInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['x-test-now'];
    if (typeof header !== 'string') return next.handle();
    const instant = new Date(header);
    if (Number.isNaN(instant.getTime())) {
      throw new CommonError(CommonErrorCode.VALIDATION_FAILED, {}, [
        { field: 'X-Test-Now', message: 'ожидается дата и время в формате ISO 8601' },
      ]);
    }
    return new Observable((subscriber) => Clock.runAt(instant, () => next.handle().subscribe(subscriber)));
  }
}
