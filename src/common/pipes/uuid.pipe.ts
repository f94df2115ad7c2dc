import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { CommonError, CommonErrorCode } from '../errors/common.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path or query id that must be a UUID; the problem names the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    throw new CommonError(CommonErrorCode.VALIDATION_FAILED, {}, [
      { field: metadata.data ?? 'id', message: 'ожидается идентификатор UUID' },
    ]);
  }
}
