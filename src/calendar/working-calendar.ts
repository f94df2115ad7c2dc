import { CalendarError, CalendarErrorCode, fieldFor } from './calendar.errors';
import { DayKind, YearDefinition } from './year-definition';

/**
 * Day ordinals: the number of days since 1970-01-01 of a civil (zone-less) date. They turn the
 * working-day arithmetic into integer indexing: no Date, no luxon, no allocation per lookup.
 */
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function ordinalOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 1 = Monday … 7 = Sunday (ISO 8601). 1970-01-01 was a Thursday. */
export function isoWeekdayOf(ordinal: number): number {
  return ((((ordinal + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year of an ordinal (H. Hinnant's civil_from_days, year part only). */
export function yearOfOrdinal(ordinal: number): number {
  const z = ordinal + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return yoe + era * 400 + (month <= 2 ? 1 : 0);
}

/** 'YYYY-MM-DD' of an ordinal. */
export function dateOfOrdinal(ordinal: number): string {
  const z = ordinal + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict 'YYYY-MM-DD' of a real calendar date → ordinal; INVALID_DATE (naming `field`) otherwise. */
export function parseDateOrdinal(value: unknown, field?: string): number {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return ordinalOf(year, month, day);
    }
  }
  throw new CalendarError(
    CalendarErrorCode.INVALID_DATE,
    { value, ...(field === undefined ? {} : { field }) },
    fieldFor(CalendarErrorCode.INVALID_DATE, field),
  );
}

export interface RegionalHoliday {
  /** YYYY-MM-DD */
  date: string;
  /** Russian text, naming the regional law. */
  reason: string;
}

export type DayInfoKind = DayKind | 'regional_holiday' | 'weekend';

export interface DayInfo {
  date: string;
  working: boolean;
  shortened: boolean;
  /** The listed kind, or `working` / `weekend` for a day that follows the plain Mon–Fri rule. */
  kind: DayInfoKind;
  reason: string;
}

export interface CalendarCoverage {
  /** First covered date, YYYY-MM-DD (1 January of the first year). */
  from: string;
  /** Last covered date, YYYY-MM-DD (31 December of the last year). */
  to: string;
  /** Years whose data is not confirmed by two independent sources. */
  weakYears: number[];
}

export interface WorkingCalendarOptions {
  /** Non-working days of one region (its own laws), on top of the federal calendar. */
  regionalHolidays?: readonly RegionalHoliday[];
}

const WORKING = 1;
const SHORTENED = 2;

interface Listed {
  kind: DayInfoKind;
  reason: string;
}

/**
 * The production calendar of one jurisdiction: federal years plus optional regional holidays.
 * Everything is precomputed in the constructor (a flag byte per day, a running count of working
 * days, the list of working days), so that every query is O(1) integer indexing. Outside the
 * covered years every query throws YEAR_UNKNOWN: a weekday guess would silently miss holidays.
 */
export class WorkingCalendar {
  /** Ordinal of 1 January of the first covered year. */
  readonly firstOrdinal: number;
  /** Ordinal of 31 December of the last covered year. */
  readonly lastOrdinal: number;
  private readonly flags: Uint8Array;
  /** workingBefore[i] = working days in [firstOrdinal, firstOrdinal + i). Length = days + 1. */
  private readonly workingBefore: Int32Array;
  /** Ordinals of all working days, ascending: workingDays[k] is the (k+1)-th working day. */
  private readonly workingDays: Int32Array;
  private readonly listed = new Map<number, Listed>();
  private readonly weakYears: number[];
  private readonly years: readonly YearDefinition[];

  constructor(years: readonly YearDefinition[], options: WorkingCalendarOptions = {}) {
    if (years.length === 0) {
      throw new CalendarError(CalendarErrorCode.INVALID_DEFINITION, { problem: 'no years' });
    }
    const sorted = [...years].sort((a, b) => a.year - b.year);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].year !== sorted[i - 1].year + 1) {
        // A gap would make the running counts across it meaningless.
        throw new CalendarError(CalendarErrorCode.INVALID_DEFINITION, {
          problem: 'years must be consecutive, without duplicates',
          years: sorted.map((y) => y.year),
        });
      }
    }
    this.years = sorted;
    const firstYear = sorted[0].year;
    const lastYear = sorted[sorted.length - 1].year;
    this.firstOrdinal = ordinalOf(firstYear, 1, 1);
    this.lastOrdinal = ordinalOf(lastYear, 12, 31);
    this.weakYears = sorted.filter((y) => y.status === 'weak').map((y) => y.year);

    const size = this.lastOrdinal - this.firstOrdinal + 1;
    const flags = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      flags[i] = isoWeekdayOf(this.firstOrdinal + i) <= 5 ? WORKING : 0;
    }
    for (const y of sorted) {
      for (const d of y.days) {
        const ordinal = parseDateOrdinal(d.date);
        if (yearOfOrdinal(ordinal) !== y.year) {
          throw new CalendarError(CalendarErrorCode.INVALID_DEFINITION, { year: y.year, date: d.date });
        }
        flags[ordinal - this.firstOrdinal] = flagsOf(d.kind);
        this.listed.set(ordinal, { kind: d.kind, reason: d.reason });
      }
    }
    for (const h of options.regionalHolidays ?? []) {
      const ordinal = parseDateOrdinal(h.date);
      if (ordinal < this.firstOrdinal || ordinal > this.lastOrdinal) throw this.unknown(ordinal);
      const i = ordinal - this.firstOrdinal;
      // A federal non-working day keeps its federal reason; a working one becomes a regional holiday.
      if (flags[i] & WORKING || !this.listed.has(ordinal)) {
        flags[i] = 0;
        this.listed.set(ordinal, { kind: 'regional_holiday', reason: h.reason });
      }
    }

    const workingBefore = new Int32Array(size + 1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      workingBefore[i] = count;
      if (flags[i] & WORKING) count++;
    }
    workingBefore[size] = count;
    const workingDays = new Int32Array(count);
    for (let i = 0, k = 0; i < size; i++) if (flags[i] & WORKING) workingDays[k++] = this.firstOrdinal + i;
    this.flags = flags;
    this.workingBefore = workingBefore;
    this.workingDays = workingDays;
  }

  /** The year definitions this calendar was built from (sorted). */
  definitions(): readonly YearDefinition[] {
    return this.years;
  }

  /** A calendar of the same years with one region's holidays on top. */
  withRegionalHolidays(regionalHolidays: readonly RegionalHoliday[]): WorkingCalendar {
    return new WorkingCalendar(this.years, { regionalHolidays });
  }

  coverage(): CalendarCoverage {
    return {
      from: dateOfOrdinal(this.firstOrdinal),
      to: dateOfOrdinal(this.lastOrdinal),
      weakYears: [...this.weakYears],
    };
  }

  dayInfo(date: string): DayInfo {
    const ordinal = parseDateOrdinal(date);
    const f = this.flagsAt(ordinal);
    const listed = this.listed.get(ordinal);
    const working = (f & WORKING) !== 0;
    if (listed) {
      return { date, working, shortened: (f & SHORTENED) !== 0, kind: listed.kind, reason: listed.reason };
    }
    return working
      ? { date, working, shortened: false, kind: 'working', reason: 'Рабочий день' }
      : { date, working, shortened: false, kind: 'weekend', reason: 'Выходной день' };
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingOrdinal(parseDateOrdinal(date));
  }

  isShortened(date: string): boolean {
    return this.isShortenedOrdinal(parseDateOrdinal(date));
  }

  // --- Ordinal-based internals for working-time.ts: no allocation unless they throw. ---

  isWorkingOrdinal(ordinal: number): boolean {
    return (this.flagsAt(ordinal) & WORKING) !== 0;
  }

  isShortenedOrdinal(ordinal: number): boolean {
    return (this.flagsAt(ordinal) & SHORTENED) !== 0;
  }

  /** Working days d with firstOrdinal ≤ d ≤ ordinal; `ordinal` may be the day before coverage. */
  workingDaysUpTo(ordinal: number): number {
    const i = ordinal - this.firstOrdinal + 1;
    if (i < 0 || i > this.flags.length) throw this.unknown(ordinal);
    return this.workingBefore[i];
  }

  /**
   * The n-th working day strictly after `ordinal` (n ≥ 1). The answer must lie inside the
   * coverage, otherwise YEAR_UNKNOWN naming the first unknown date.
   */
  nthWorkingDayAfter(ordinal: number, n: number): number {
    const k = this.workingDaysUpTo(ordinal) + n - 1;
    if (k >= this.workingDays.length) throw this.unknown(this.lastOrdinal + 1);
    return this.workingDays[k];
  }

  /**
   * The working day `back` positions before the last working day on or before `ordinal`
   * (back = 0: that last working day itself). YEAR_UNKNOWN if the search leaves the coverage.
   */
  workingDayBackFrom(ordinal: number, back: number): number {
    const k = this.workingDaysUpTo(ordinal) - 1 - back;
    if (k < 0) throw this.unknown(this.firstOrdinal - 1);
    return this.workingDays[k];
  }

  private flagsAt(ordinal: number): number {
    const i = ordinal - this.firstOrdinal;
    if (i < 0 || i >= this.flags.length) throw this.unknown(ordinal);
    return this.flags[i];
  }

  private unknown(ordinal: number): CalendarError {
    return new CalendarError(CalendarErrorCode.YEAR_UNKNOWN, {
      date: dateOfOrdinal(ordinal),
      year: yearOfOrdinal(ordinal),
      coverage: this.coverage(),
    });
  }
}

function flagsOf(kind: DayKind): number {
  switch (kind) {
    case 'holiday':
    case 'transferred_day_off':
    case 'extra_non_working':
      return 0;
    case 'working_weekend':
    case 'working':
      return WORKING;
    case 'shortened':
      return WORKING | SHORTENED;
  }
}
