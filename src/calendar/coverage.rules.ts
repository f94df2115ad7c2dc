import { CalendarCoverage } from './working-calendar';

/**
 * From 1 October the Government has usually published next year's transfer decree; a calendar
 * that still ends this year will make every deadline crossing New Year fail with YEAR_UNKNOWN.
 * Returns the warning to log, or undefined when there is nothing to warn about.
 */
export function nextYearMissingWarning(today: string, coverage: CalendarCoverage): string | undefined {
  const year = Number(today.slice(0, 4));
  const lastCoveredYear = Number(coverage.to.slice(0, 4));
  // Past the end of coverage the current year itself is missing: every deadline now fails.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a warning within coverage comes only when the last covered year is this year, so both branches give year + 1
  const missing = lastCoveredYear < year ? lastCoveredYear + 1 : year + 1;
  if (lastCoveredYear >= year && (today.slice(5) < '10-01' || lastCoveredYear > year)) return undefined;
  return `Production calendar ends on ${coverage.to}: add ${missing} (PUT /api/v1/calendar/years/${missing}) before deadlines reach it`;
}
