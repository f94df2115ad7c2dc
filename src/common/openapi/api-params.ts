import { ApiParam } from '@nestjs/swagger';

/**
 * Path parameters with their format, so a generated client knows what it may send and the
 * document agrees with the pipes and rules that check them (UuidPipe, the week and date parsers).
 */

export const ISO_WEEK_PATTERN = '^\\d{4}-W\\d{2}$';
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const JURISDICTION_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

export const ApiUuidParam = (name: string, description: string, example = '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b') =>
  ApiParam({ name, description, example, schema: { type: 'string', format: 'uuid' } });

export const ApiWeekParam = (name = 'week') =>
  ApiParam({
    name,
    description: 'Неделя по ISO 8601 в виде ГГГГ-Wнн (неделя начинается в понедельник)',
    example: '2026-W25',
    schema: { type: 'string', pattern: ISO_WEEK_PATTERN },
  });

export const ApiDateParam = (name = 'date') =>
  ApiParam({
    name,
    description: 'Календарная дата ГГГГ-ММ-ДД',
    example: '2026-12-31',
    schema: { type: 'string', format: 'date' },
  });

export const ApiJurisdictionParam = (name = 'jurisdiction', example = 'khabarovsk-krai') =>
  ApiParam({
    name,
    description: 'Код территории (субъекта или муниципального образования), см. GET /api/v1/jurisdictions',
    example,
    schema: { type: 'string', pattern: JURISDICTION_PATTERN },
  });

export const ApiYearParam = (name = 'year') =>
  ApiParam({
    name,
    description: 'Год из четырёх цифр',
    example: '2028',
    schema: { type: 'string', pattern: '^\\d{4}$' },
  });
