import { DomainError, ProblemField } from '../common/errors/domain-error';

export enum CalendarErrorCode {
  YEAR_UNKNOWN = 'CALENDAR.YEAR_UNKNOWN',
  INVALID_DATE = 'CALENDAR.INVALID_DATE',
  INVALID_INSTANT = 'CALENDAR.INVALID_INSTANT',
  INVALID_WEEK = 'CALENDAR.INVALID_WEEK',
  INVALID_WORKING_DAYS = 'CALENDAR.INVALID_WORKING_DAYS',
  INVALID_DURATION = 'CALENDAR.INVALID_DURATION',
  INVALID_TIME_ZONE = 'CALENDAR.INVALID_TIME_ZONE',
  INVALID_CLOSE_OF_BUSINESS = 'CALENDAR.INVALID_CLOSE_OF_BUSINESS',
  JURISDICTION_NOT_FOUND = 'CALENDAR.JURISDICTION_NOT_FOUND',
  INVALID_SCHEDULE = 'CALENDAR.INVALID_SCHEDULE',
  INVALID_DEFINITION = 'CALENDAR.INVALID_DEFINITION',
  INVALID_RANGE = 'CALENDAR.INVALID_RANGE',
  YEAR_GAP = 'CALENDAR.YEAR_GAP',
  OVERRIDE_NOT_FOUND = 'CALENDAR.OVERRIDE_NOT_FOUND',
}

export const CALENDAR_ERROR_MESSAGES: Record<CalendarErrorCode, string> = {
  [CalendarErrorCode.YEAR_UNKNOWN]:
    'Производственный календарь на этот год не загружен: рабочие дни не могут быть определены',
  [CalendarErrorCode.INVALID_DATE]: 'Дата должна быть существующей календарной датой в формате ГГГГ-ММ-ДД',
  [CalendarErrorCode.INVALID_INSTANT]: 'Момент времени не задан или некорректен',
  [CalendarErrorCode.INVALID_WEEK]: 'Неделя должна быть задана в формате ГГГГ-Wнн (ISO 8601), например 2026-W05',
  [CalendarErrorCode.INVALID_WORKING_DAYS]: 'Число рабочих дней должно быть целым числом от 0 до 365',
  [CalendarErrorCode.INVALID_DURATION]: 'Продолжительность рабочего времени должна быть неотрицательным числом минут',
  [CalendarErrorCode.INVALID_TIME_ZONE]: 'Часовой пояс должен быть названием из базы IANA, например Asia/Vladivostok',
  [CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS]:
    'Время окончания рабочего дня должно быть в пределах от 01:00 до 23:59',
  [CalendarErrorCode.JURISDICTION_NOT_FOUND]: 'Юрисдикция не найдена',
  [CalendarErrorCode.INVALID_SCHEDULE]:
    'Некорректный график работы: время в формате ЧЧ:мм, начало раньше окончания, перерывы внутри рабочего дня и не пересекаются',
  [CalendarErrorCode.INVALID_DEFINITION]: 'Некорректное описание производственного календаря',
  [CalendarErrorCode.INVALID_RANGE]: 'Период задан неверно: начало не позже конца, не более 731 дня',
  [CalendarErrorCode.YEAR_GAP]:
    'В календаре не может быть пропущенных лет: добавлять и удалять можно только год на краю известного периода',
  [CalendarErrorCode.OVERRIDE_NOT_FOUND]: 'Такой поправки к календарю нет',
};

export const CALENDAR_ERROR_STATUS: Record<CalendarErrorCode, number> = {
  [CalendarErrorCode.YEAR_UNKNOWN]: 422,
  [CalendarErrorCode.INVALID_DATE]: 400,
  [CalendarErrorCode.INVALID_INSTANT]: 400,
  [CalendarErrorCode.INVALID_WEEK]: 400,
  [CalendarErrorCode.INVALID_WORKING_DAYS]: 400,
  [CalendarErrorCode.INVALID_DURATION]: 400,
  [CalendarErrorCode.INVALID_TIME_ZONE]: 400,
  [CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS]: 400,
  [CalendarErrorCode.JURISDICTION_NOT_FOUND]: 404,
  [CalendarErrorCode.INVALID_SCHEDULE]: 400,
  // Calendar data (shipped or a database override) that cannot be applied: the request is
  // well-formed but the stored definition is not.
  [CalendarErrorCode.INVALID_DEFINITION]: 422,
  [CalendarErrorCode.INVALID_RANGE]: 400,
  [CalendarErrorCode.YEAR_GAP]: 422,
  [CalendarErrorCode.OVERRIDE_NOT_FOUND]: 404,
};

export class CalendarError extends DomainError {
  constructor(code: CalendarErrorCode, details?: Record<string, unknown>, fields?: ProblemField[]) {
    super(code, CALENDAR_ERROR_STATUS[code], CALENDAR_ERROR_MESSAGES[code], details, fields);
  }
}

/** Builds `fields` for an error about one named parameter; none when the caller gave no name. */
export function fieldFor(code: CalendarErrorCode, field: string | undefined): ProblemField[] | undefined {
  return field === undefined ? undefined : [{ field, message: CALENDAR_ERROR_MESSAGES[code] }];
}
