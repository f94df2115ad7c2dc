import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** @nestjs/swagger's metadata key for the options of @ApiProperty (DECORATORS.API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** A DTO class as class-validator keeps it: its metadata is stored by constructor. */
type DtoClass = abstract new (...args: never[]) => object;

type PropertyOptions = Record<string, unknown>;

/**
 * Copies what class-validator checks on a DTO property into the property's OpenAPI options:
 * required, lengths, bounds, pattern, enum, array sizes. The document then states the rules the
 * ValidationPipe applies, from the same decorators, instead of a hand-kept copy that drifts
 * (test/openapi-dto-agreement.e2e-spec.ts holds the two together). What a DTO states explicitly
 * in @ApiProperty wins. Runs once, before the document is generated.
 */
export function documentValidationRules() {
  // class-validator offers no public list of validated classes; its storage keeps them by target.
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<DtoClass, ValidationMetadata[]> };
  for (const target of storage.validationMetadatas.keys()) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    for (const [property, propertyRules] of Object.entries(getMetadataStorage().groupByPropertyName(rules))) {
      const options = Reflect.getMetadata(API_MODEL_PROPERTIES, target.prototype, property) as
        PropertyOptions | undefined;
      if (!options) continue;
      Reflect.defineMetadata(
        API_MODEL_PROPERTIES,
        { ...keywordsOf(propertyRules, options), ...options, required: !isOptional(propertyRules) },
        target.prototype,
        property,
      );
    }
  }
}

function isOptional(rules: ValidationMetadata[]) {
  return rules.some((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION);
}

function keywordsOf(rules: ValidationMetadata[], options: PropertyOptions): PropertyOptions {
  const keywords: PropertyOptions = {};
  for (const rule of rules) {
    const [constraint] = (rule.constraints ?? []) as unknown[];
    // Rules on each element of an array belong in its items, which the DTO states itself
    // (@ApiProperty({ enum, isArray }) or items: {...}); set here they would bind the array.
    if (rule.each) continue;
    switch (rule.name ?? '') {
      case 'maxLength':
        keywords.maxLength = constraint;
        break;
      case 'minLength':
        keywords.minLength = constraint;
        break;
      case 'max':
        keywords.maximum = constraint;
        break;
      case 'min':
        keywords.minimum = constraint;
        break;
      case 'arrayMaxSize':
        keywords.maxItems = constraint;
        break;
      case 'arrayMinSize':
        keywords.minItems = constraint;
        break;
      case 'matches':
        if (constraint instanceof RegExp) keywords.pattern = constraint.source;
        break;
      case 'isIn':
        if (options.enum === undefined) keywords.enum = constraint;
        break;
      case 'isEnum':
        if (options.enum === undefined) keywords.enum = Object.values(constraint as object);
        break;
      case 'isUuid':
        keywords.format = 'uuid';
        break;
      default:
        break;
    }
  }
  return keywords;
}
