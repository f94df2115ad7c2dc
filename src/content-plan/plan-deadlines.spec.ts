import { DateTime } from 'luxon';
import { WorkingCalendar } from '../calendar/working-calendar';
import { formatInstant, JurisdictionTime } from '../calendar/working-time';
import { shippedYears } from '../calendar/year-definition';
import { previousWeek, resubmissionDue, reviewDue, submissionDue, weekDates } from './plan-deadlines';

const khabarovsk: JurisdictionTime = {
  code: 'khabarovsk-krai',
  timeZone: 'Asia/Vladivostok',
  calendar: new WorkingCalendar(shippedYears()),
};
const local = (d: Date) => formatInstant(d, khabarovsk.timeZone);
const at = (iso: string) => DateTime.fromISO(iso).toJSDate();

describe('content-plan deadlines (Khabarovsk Положение 1 p.6–7)', () => {
  it.each([
    ['2026-W25', '2026-06-10T17:00:00.000+10:00', 'Friday 12 June is a holiday: Wednesday'],
    ['2025-W45', '2025-10-31T17:00:00.000+10:00', 'Saturday 1 November is a working day: Friday'],
    ['2026-W02', '2025-12-29T17:00:00.000+10:00', 'New Year holidays'],
    ['2026-W10', '2026-02-26T17:00:00.000+10:00', 'an ordinary week: Thursday'],
  ])('the plan for %s is due %s (%s)', (week, due) => {
    expect(local(submissionDue(week, khabarovsk))).toBe(due);
  });

  it('gives the review one working day, across a weekend (p.7)', () => {
    expect(local(reviewDue(at('2026-06-05T16:00:00+10:00'), khabarovsk))).toBe('2026-06-08T18:00:00.000+10:00');
    expect(local(resubmissionDue(at('2026-02-26T11:00:00+10:00'), khabarovsk))).toBe('2026-02-27T18:00:00.000+10:00');
  });

  it('knows the week dates and the week before', () => {
    expect(weekDates('2026-W01', khabarovsk.timeZone)).toEqual({ monday: '2025-12-29', sunday: '2026-01-04' });
    expect(previousWeek('2026-W01', khabarovsk.timeZone)).toBe('2025-W52');
  });
});
