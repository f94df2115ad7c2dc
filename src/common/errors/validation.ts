import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { findUnstorableText } from '../text/unstorable-text';
import { ProblemField } from './domain-error';
import { CommonError, CommonErrorCode } from './common.errors';

/** class-validator constraint name -> Russian explanation. Unknown constraints fall back to a generic text. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: 'такого поля нет в запросе этого типа',
  isDefined: 'обязательное поле',
  isNotEmpty: 'поле не может быть пустым',
  isString: 'ожидается строка',
  isEmail: 'ожидается адрес электронной почты',
  isInt: 'ожидается целое число',
  isBoolean: 'ожидается true или false',
  isIn: 'недопустимое значение',
  isEnum: 'недопустимое значение',
  isUUID: 'ожидается идентификатор UUID',
  isArray: 'ожидается список',
  isDateString: 'ожидается дата и время в формате ISO 8601',
  isISO8601: 'ожидается дата в формате ISO 8601',
  isUrl: 'ожидается адрес ссылки (URL)',
  minLength: 'слишком короткое значение',
  maxLength: 'слишком длинное значение',
  min: 'значение меньше допустимого',
  max: 'значение больше допустимого',
  matches: 'значение не соответствует формату',
  arrayMinSize: 'в списке слишком мало элементов',
  arrayMaxSize: 'в списке слишком много элементов',
  arrayUnique: 'значения в списке повторяются',
  nestedValidation: 'ожидается объект',
  isObject: 'ожидается объект',
};

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ProblemField[] {
  const fields: ProblemField[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = prefix ? (isIndex ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
    for (const [constraint, fallback] of Object.entries(error.constraints ?? {})) {
      fields.push({ field, message: messageFor(error, constraint, fallback) });
    }
    if (error.children?.length) fields.push(...flattenValidationErrors(error.children, field));
  }
  return fields;
}

/** A value the name of an enum: class-validator's own text lists the allowed values after this. */
const ALLOWED_VALUES = /must be one of the following values: (.*)$/;

function messageFor(error: ValidationError, constraint: string, fallback: string): string {
  // With stopAtFirstError only the first failing constraint is reported: a required field that is
  // absent would be told "too long" or "not a URL". Absent is said first.
  if (constraint !== 'whitelistValidation') {
    if (error.value === undefined) return CONSTRAINT_MESSAGES.isDefined;
    if (error.value === null) return `${CONSTRAINT_MESSAGES.isDefined}: null не допускается`;
  }
  // A constraint may carry its own Russian message through { message } in the DTO.
  if (/[а-яё]/i.test(fallback)) return fallback;
  const allowed = ALLOWED_VALUES.exec(fallback);
  if ((constraint === 'isIn' || constraint === 'isEnum') && allowed) {
    return `недопустимое значение; допустимые значения: ${allowed[1]}`;
  }
  return CONSTRAINT_MESSAGES[constraint] ?? 'недопустимое значение';
}

/** What every request DTO is checked with: unknown fields are problems, the first failure per field. */
export const VALIDATOR_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
} as const;

export function validationProblem(errors: ValidationError[]): CommonError {
  return new CommonError(CommonErrorCode.VALIDATION_FAILED, {}, flattenValidationErrors(errors));
}

/**
 * The global pipe, which also refuses text PostgreSQL cannot store (NUL, lone surrogates) anywhere in
 * a JSON body, naming the field: a 400 rather than a 500 from the INSERT. Bodies read through
 * ShallowBody (the publications ingest) bypass it and report such rows one by one.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const unstorable = findUnstorableText(value);
      if (unstorable.length) throw new CommonError(CommonErrorCode.VALIDATION_FAILED, {}, unstorable);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe() {
  return new RequestValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: validationProblem,
  });
}
