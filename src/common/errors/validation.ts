import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemField } from './domain-error';
import { CommonError, CommonErrorCode } from './common.errors';

/** class-validator constraint name -> Russian explanation. Unknown constraints fall back to a generic text. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: 'такого поля нет в запросе этого типа',
  isDefined: 'поле обязательно',
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
      // A constraint may carry its own Russian message through { message } in the DTO.
      const own = /[а-яё]/i.test(fallback) ? fallback : undefined;
      fields.push({ field, message: own ?? CONSTRAINT_MESSAGES[constraint] ?? 'недопустимое значение' });
    }
    if (error.children?.length) fields.push(...flattenValidationErrors(error.children, field));
  }
  return fields;
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

export function createValidationPipe() {
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: validationProblem,
  });
}
