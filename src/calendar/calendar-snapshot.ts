import { parseClockTime, JurisdictionTime } from './working-time';
import { WorkingCalendar } from './working-calendar';
import { mergeYear, shippedYears, SourceRef, YearDefinition } from './year-definition';

/** The plain data a calendar snapshot is built from (database rows or test values). */
export interface CalendarInputs {
  years: { year: number; definition: YearDefinition }[];
  days: { date: string; kind: YearDefinition['days'][number]['kind']; reason: string; source: SourceRef }[];
  regional: { jurisdictionCode: string; date: string; reason: string }[];
  jurisdictions: { code: string; name: string; timeZone: string; closeOfBusiness: string }[];
}

export interface CalendarSnapshot {
  federal: WorkingCalendar;
  jurisdictions: Map<string, JurisdictionTime & { name: string }>;
}

/**
 * Shipped years, then whole years entered by admins, then single-day corrections; each
 * jurisdiction gets the federal calendar with its regional holidays on top. Throws (calendar
 * errors) when the result would be inconsistent, e.g. a gap between years.
 */
export function buildCalendarSnapshot(inputs: CalendarInputs): CalendarSnapshot {
  const shipped = new Map(shippedYears().map((y) => [y.year, y]));
  const entered = new Map(inputs.years.map((y) => [y.year, y.definition]));
  const allYears = [...new Set([...shipped.keys(), ...entered.keys()])].sort((a, b) => a - b);
  const definitions = allYears.map((year) =>
    mergeYear(shipped.get(year), {
      year,
      definition: entered.get(year),
      days: inputs.days.filter((d) => Number(d.date.slice(0, 4)) === year),
    }),
  );
  const federal = new WorkingCalendar(definitions);
  const jurisdictions = new Map<string, JurisdictionTime & { name: string }>();
  for (const j of inputs.jurisdictions) {
    const holidays = inputs.regional.filter((r) => r.jurisdictionCode === j.code);
    jurisdictions.set(j.code, {
      code: j.code,
      name: j.name,
      timeZone: j.timeZone,
      closeOfBusiness: parseClockTime(j.closeOfBusiness),
      calendar: holidays.length ? federal.withRegionalHolidays(holidays) : federal,
    });
  }
  return { federal, jurisdictions };
}
