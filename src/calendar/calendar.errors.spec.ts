import { DomainError } from '../common/errors/domain-error';
import { CALENDAR_ERROR_MESSAGES, CALENDAR_ERROR_STATUS, CalendarError, CalendarErrorCode } from './calendar.errors';

describe('CalendarError', () => {
  it.each(Object.values(CalendarErrorCode))('has a Russian message and an HTTP status for %s', (code) => {
    expect(CALENDAR_ERROR_MESSAGES[code]).toMatch(/[а-яА-Я]/);
    expect([400, 404, 422]).toContain(CALENDAR_ERROR_STATUS[code]);
  });

  it.each([
    [CalendarErrorCode.YEAR_UNKNOWN, 422],
    [CalendarErrorCode.JURISDICTION_NOT_FOUND, 404],
    [CalendarErrorCode.INVALID_DATE, 400],
    [CalendarErrorCode.INVALID_WEEK, 400],
    [CalendarErrorCode.INVALID_WORKING_DAYS, 400],
    [CalendarErrorCode.INVALID_SCHEDULE, 400],
  ])('maps %s to HTTP %i', (code, status) => {
    expect(new CalendarError(code).status).toBe(status);
  });

  it('is a DomainError carrying code, details and fields', () => {
    const e = new CalendarError(CalendarErrorCode.INVALID_DATE, { value: 'x' }, [{ field: 'from', message: 'm' }]);
    expect(e).toBeInstanceOf(DomainError);
    expect(e.name).toBe('CalendarError');
    expect(e.code).toBe('CALENDAR.INVALID_DATE');
    expect(e.message).toBe(CALENDAR_ERROR_MESSAGES[CalendarErrorCode.INVALID_DATE]);
    expect(e.details).toEqual({ value: 'x' });
    expect(e.fields).toEqual([{ field: 'from', message: 'm' }]);
  });
});
