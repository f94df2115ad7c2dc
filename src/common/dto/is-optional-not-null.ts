import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null. `@IsOptional()` lets null through every other
 * constraint, and a null then reaches a NOT NULL column as a 500; here null is checked like any other
 * value, and the problem says the field is required.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
