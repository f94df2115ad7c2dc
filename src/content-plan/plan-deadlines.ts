import { contentPlanDue, deadlineAfterWorkingDays, isoWeekBounds, JurisdictionTime } from '../calendar/working-time';

/**
 * Deadlines of the weekly plan (Khabarovsk Положение 1 p.6–7), derived from the working-time
 * engine: pure functions of the week, the instant and the jurisdiction's clock.
 */

/** p.6: the penultimate working day of the week before the target week, 17:00 local. */
export function submissionDue(week: string, j: JurisdictionTime): Date {
  return contentPlanDue(week, j).toJSDate();
}

/** p.7: the Committee approves or sends recommendations within one working day of receipt. */
export function reviewDue(submittedAt: Date, j: JurisdictionTime): Date {
  return deadlineAfterWorkingDays(submittedAt, 1, j).toJSDate();
}

/** p.7: the organization amends and resends within one working day of the recommendations. */
export function resubmissionDue(requestedAt: Date, j: JurisdictionTime): Date {
  return deadlineAfterWorkingDays(requestedAt, 1, j).toJSDate();
}

/** Monday and Sunday (local dates) of the target week. */
export function weekDates(week: string, timeZone: string): { monday: string; sunday: string } {
  const { start } = isoWeekBounds(week, timeZone);
  return { monday: start.toISODate()!, sunday: start.plus({ days: 6 }).toISODate()! };
}

/** The ISO week before `week`. */
export function previousWeek(week: string, timeZone: string): string {
  const { start } = isoWeekBounds(week, timeZone);
  const before = start.minus({ days: 7 });
  return `${before.weekYear}-W${String(before.weekNumber).padStart(2, '0')}`;
}
