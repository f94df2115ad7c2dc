import { DateTime, IANAZone } from 'luxon';
import { CalendarError, CalendarErrorCode, fieldFor } from './calendar.errors';
import {
  DAY_MS,
  WorkingCalendar,
  dateOfOrdinal,
  isoWeekdayOf,
  ordinalOf,
  parseDateOrdinal,
  yearOfOrdinal,
} from './working-calendar';

/**
 * Working-time rules of DOMAIN.md §7. Every clock runs in the jurisdiction's IANA zone; offsets
 * come from luxon (the tz database), never from hand-written hours. Day arithmetic runs on
 * integer day ordinals of WorkingCalendar.
 */

export interface ClockTime {
  hour: number;
  minute: number;
}

export interface JurisdictionTime {
  code: string;
  /** IANA name, e.g. 'Asia/Vladivostok' (Khabarovsk, UTC+10). */
  timeZone: string;
  /** Close of business on a full working day; default 18:00; one hour earlier on a shortened day. */
  closeOfBusiness?: ClockTime;
  calendar: WorkingCalendar;
}

export const DEFAULT_CLOSE_OF_BUSINESS: Readonly<ClockTime> = Object.freeze({ hour: 18, minute: 0 });

/** Khabarovsk Положение 1 p.6: the content plan is due at 17:00 local time. */
const CONTENT_PLAN_DUE_MINUTES = 17 * 60;
/** Labour Code art. 95: a pre-holiday working day is one hour shorter. */
const SHORTENED_BY_MINUTES = 60;
const MAX_WORKING_DAYS = 365;
const MINUTE_MS = 60_000;

export type Instant = Date | DateTime;

// ---------------------------------------------------------------------------------------------
// Zone offsets: luxon's IANAZone.offset() formats a date through Intl on every call, too slow for
// the deadline hot path. Per zone we sample it once per UTC day over the calendar's coverage and
// pin down the rare intra-day transition (e.g. Europe/Saratov on 2020-12-27) by bisection. Lookups
// outside the table fall back to luxon. Assumes at most one offset change per UTC day, which
// holds for every zone of the tz database in the covered years.

class ZoneOffsets {
  private readonly startOffset: Int32Array;
  private readonly changeAt: Float64Array;
  private readonly afterOffset: Int32Array;

  constructor(
    private readonly zone: IANAZone,
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    // Stryker disable next-line ArithmeticOperator: equivalent, a day left out of the table is asked of luxon
    const size = lastDay - firstDay + 1;
    this.startOffset = new Int32Array(size);
    this.changeAt = new Float64Array(size);
    this.afterOffset = new Int32Array(size);
    let o0 = zone.offset(firstDay * DAY_MS);
    // Stryker disable next-line EqualityOperator: equivalent, a typed array ignores a write past its end
    for (let i = 0; i < size; i++) {
      const t = (firstDay + i) * DAY_MS;
      const o1 = zone.offset(t + DAY_MS);
      this.startOffset[i] = o0;
      this.afterOffset[i] = o1;
      // Stryker disable next-line BlockStatement: equivalent, without a change both offsets of the day are equal
      if (o0 === o1) {
        this.changeAt[i] = Infinity;
      } else {
        let lo = t / 1000; // offset o0 here
        let hi = (t + DAY_MS) / 1000; // offset o1 here
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (zone.offset(mid * 1000) === o0) lo = mid;
          else hi = mid;
        }
        this.changeAt[i] = hi * 1000;
      }
      o0 = o1;
    }
  }

  /** Offset from UTC in minutes at instant `ms`. */
  offsetAt(ms: number): number {
    // Stryker disable next-line ArithmeticOperator: equivalent, a wrong index falls outside the table and asks luxon
    const i = Math.floor(ms / DAY_MS) - this.firstDay;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent when it sends more instants to luxon, the slow path with the same answer
    if (i < 0 || i >= this.startOffset.length) return this.zone.offset(ms);
    return ms < this.changeAt[i] ? this.startOffset[i] : this.afterOffset[i];
  }

  /** UTC instant of a local wall-clock time (ms as if UTC); luxon's own resolution of gaps/overlaps. */
  toUtc(localMs: number): number {
    const o = this.offsetAt(localMs);
    let utc = localMs - o * MINUTE_MS;
    const o2 = this.offsetAt(utc);
    // Stryker disable next-line ConditionalExpression: equivalent, with o === o2 the steps below return the same utc
    if (o === o2) return utc;
    utc -= (o2 - o) * MINUTE_MS;
    const o3 = this.offsetAt(utc);
    // Stryker disable next-line ConditionalExpression: equivalent for false, utc is localMs - o2 here
    if (o2 === o3) return utc;
    return localMs - Math.min(o2, o3) * MINUTE_MS;
  }
}

const zoneCache = new Map<string, ZoneOffsets>();

function invalidZone(timeZone: unknown): CalendarError {
  return new CalendarError(
    CalendarErrorCode.INVALID_TIME_ZONE,
    { timeZone },
    fieldFor(CalendarErrorCode.INVALID_TIME_ZONE, 'timeZone'),
  );
}

function zoneOffsets(timeZone: string, calendar: WorkingCalendar): ZoneOffsets {
  const cached = zoneCache.get(timeZone);
  // Two days of margin: a local date at the edge of the coverage comes from a UTC day next to it.
  // Stryker disable all: equivalent, the table is a cache of luxon's offsets and lookups outside it ask luxon
  const from = calendar.firstOrdinal - 2;
  const to = calendar.lastOrdinal + 2;
  if (cached !== undefined && cached.firstDay <= from && cached.lastDay >= to) return cached;
  // Stryker restore all
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) throw invalidZone(timeZone);
  // Stryker disable all: equivalent, as above (a narrower table only sends more lookups to luxon)
  const built = new ZoneOffsets(
    IANAZone.create(timeZone),
    Math.min(from, cached?.firstDay ?? from),
    Math.max(to, cached?.lastDay ?? to),
  );
  // Stryker restore all
  zoneCache.set(timeZone, built);
  return built;
}

/** Zones already found valid: luxon's `isValidZone` builds a new `Intl.DateTimeFormat` on every call. */
const validZones = new Set<string>();

function checkedZone(timeZone: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent, a cache of the check below
  if (validZones.has(timeZone)) return timeZone;
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) throw invalidZone(timeZone);
  validZones.add(timeZone);
  return timeZone;
}

function closeOfBusinessMinutes(j: JurisdictionTime): number {
  const c = j.closeOfBusiness;
  // Stryker disable next-line ArithmeticOperator: equivalent, the default's minute is 0
  if (c === undefined) return DEFAULT_CLOSE_OF_BUSINESS.hour * 60 + DEFAULT_CLOSE_OF_BUSINESS.minute;
  const { hour, minute } = c;
  // From 01:00, so that the shortened day's close of business stays on the same day.
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 1 || hour > 23 || minute < 0 || minute > 59) {
    throw new CalendarError(
      CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS,
      { jurisdiction: j.code, closeOfBusiness: c },
      fieldFor(CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS, 'closeOfBusiness'),
    );
  }
  return hour * 60 + minute;
}

const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;

/**
 * Close of business as stored (PostgreSQL `time`: 'HH:mm' or 'HH:mm:00') → ClockTime.
 * INVALID_CLOSE_OF_BUSINESS outside 01:00–23:59, so a shortened day still closes the same day.
 */
export function formatClockTime(time: ClockTime = DEFAULT_CLOSE_OF_BUSINESS): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

export function parseClockTime(value: string, field?: string): ClockTime {
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.exec reads a non-string as text that cannot match
  const m = typeof value === 'string' ? CLOCK_RE.exec(value) : null;
  if (m && Number(m[1]) >= 1) return { hour: Number(m[1]), minute: Number(m[2]) };
  throw new CalendarError(
    CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS,
    { value, ...(field === undefined ? {} : { field }) },
    fieldFor(CalendarErrorCode.INVALID_CLOSE_OF_BUSINESS, field),
  );
}

function instantMillis(instant: Instant, field?: string): number {
  let ms = NaN;
  if (instant instanceof Date) ms = instant.getTime();
  else if (DateTime.isDateTime(instant) && instant.isValid) ms = instant.toMillis();
  if (!Number.isFinite(ms)) {
    throw new CalendarError(
      CalendarErrorCode.INVALID_INSTANT,
      { value: String(instant), ...(field === undefined ? {} : { field }) },
      fieldFor(CalendarErrorCode.INVALID_INSTANT, field),
    );
  }
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Dates and ISO weeks

/**
 * Validates a strict 'YYYY-MM-DD' real calendar date and returns it unchanged. INVALID_DATE
 * otherwise; `field` (e.g. 'from') names the offending parameter in the problem's `fields`.
 */
export function parseLocalDate(value: string, field?: string): string {
  parseDateOrdinal(value, field);
  return value;
}

export interface IsoWeek {
  year: number;
  week: number;
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

function isoWeeksInYear(year: number): number {
  const jan1 = isoWeekdayOf(ordinalOf(year, 1, 1));
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: equivalent for the 400-year rule, 1 January of such a year is a Saturday
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Strict ISO 8601 week 'YYYY-Www' (week 01…52 or 53 when that year has one); INVALID_WEEK otherwise. */
export function parseIsoWeek(value: string, field?: string): IsoWeek {
  // Stryker disable next-line ConditionalExpression: equivalent, RegExp.exec reads a non-string as text that cannot match
  const m = typeof value === 'string' ? WEEK_RE.exec(value) : null;
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week >= 1 && week <= isoWeeksInYear(year)) return { year, week };
  }
  throw new CalendarError(
    CalendarErrorCode.INVALID_WEEK,
    { value, ...(field === undefined ? {} : { field }) },
    fieldFor(CalendarErrorCode.INVALID_WEEK, field),
  );
}

/** Ordinal of the Monday of an ISO week (4 January is always in week 1). */
function mondayOrdinal({ year, week }: IsoWeek): number {
  const jan4 = ordinalOf(year, 1, 4);
  return jan4 - (isoWeekdayOf(jan4) - 1) + (week - 1) * 7;
}

function formatIsoWeek(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${week < 10 ? '0' : ''}${week}`;
}

/** Monday 00:00 (inclusive) to the next Monday 00:00 (exclusive), local time in `zone`. */
export function isoWeekBounds(isoWeek: string, zone: string): { start: DateTime; end: DateTime } {
  const monday = mondayOrdinal(parseIsoWeek(isoWeek));
  checkedZone(zone);
  return {
    start: DateTime.fromISO(dateOfOrdinal(monday), { zone }),
    end: DateTime.fromISO(dateOfOrdinal(monday + 7), { zone }),
  };
}

/** ISO week ('YYYY-Www') of the local date of `instant` in `zone`. */
export function isoWeekOf(instant: Instant, zone: string): string {
  const local = DateTime.fromMillis(instantMillis(instant), { zone: checkedZone(zone) });
  return formatIsoWeek(local.weekYear, local.weekNumber);
}

/** The Monday (YYYY-MM-DD) of an ISO week. */
export function isoWeekMonday(isoWeek: string): string {
  return dateOfOrdinal(mondayOrdinal(parseIsoWeek(isoWeek)));
}

/** The ISO week ('YYYY-Www') a local date belongs to. */
export function isoWeekOfDate(date: string): string {
  return isoWeekOfOrdinal(parseDateOrdinal(date));
}

function isoWeekOfOrdinal(ordinal: number): string {
  // The ISO week-year is the year of the week's Thursday.
  const thursday = ordinal - isoWeekdayOf(ordinal) + 4;
  const year = yearOfOrdinal(thursday);
  return formatIsoWeek(year, Math.floor((thursday - ordinalOf(year, 1, 1)) / 7) + 1);
}

/** An ISO week with its Monday and Sunday ('YYYY-MM-DD'). */
export interface IsoWeekDays {
  week: string;
  start: string;
  end: string;
}

function isoWeekDaysOf(monday: number): IsoWeekDays {
  return { week: isoWeekOfOrdinal(monday), start: dateOfOrdinal(monday), end: dateOfOrdinal(monday + 6) };
}

/** An ISO week with its Monday and Sunday. */
export function isoWeekDays(isoWeek: string): IsoWeekDays {
  return isoWeekDaysOf(mondayOrdinal(parseIsoWeek(isoWeek)));
}

/**
 * The ISO weeks from `from` through `to` with their Mondays and Sundays, in order; none when `to`
 * is before `from`, and undefined when there would be more than `max` (asked per request, so
 * counted on day numbers: no dates are parsed or formatted but the answer's).
 */
export function isoWeeksFromTo(from: string, to: string, max: number): IsoWeekDays[] | undefined {
  const first = mondayOrdinal(parseIsoWeek(from));
  const last = mondayOrdinal(parseIsoWeek(to));
  if ((last - first) / 7 + 1 > max) return undefined;
  const weeks: IsoWeekDays[] = [];
  for (let monday = first; monday <= last; monday += 7) weeks.push(isoWeekDaysOf(monday));
  return weeks;
}

/** The ISO week `offset` weeks after (or before, when negative) `isoWeek`. */
export function shiftIsoWeek(isoWeek: string, offset: number): string {
  return isoWeekOfDate(dateOfOrdinal(mondayOrdinal(parseIsoWeek(isoWeek)) + offset * 7));
}

/**
 * The local Monday (YYYY-MM-DD) of the calendar week of `instant` in `zone`: weeks run Monday
 * 00:00 to Sunday 24:00 local time (DOMAIN.md §3).
 */
export function localWeekStartOf(instant: Instant, zone: string): string {
  const ms = instantMillis(instant);
  const offsets = yearOffsets(checkedZone(zone), ms);
  // Stryker disable next-line ConditionalExpression: equivalent for true, luxon gives the same Monday
  if (!offsets) {
    const local = DateTime.fromMillis(ms, { zone });
    return local.minus({ days: local.weekday - 1 }).toISODate()!;
  }
  const localDay = Math.floor((ms + offsets.offsetAt(ms) * MINUTE_MS) / DAY_MS);
  return dateOfOrdinal(localDay - (isoWeekdayOf(localDay) - 1));
}

/**
 * A zone's offsets over one UTC year (2000–2100), sampled on first use: the ingest of publications
 * asks for the local week of every row, and luxon's offset lookup through Intl cost ≈ 50 µs each.
 */
const offsetsByYear = new Map<string, ZoneOffsets>();

// Stryker disable all: equivalent, a cache of luxon's offsets; without a table the callers ask luxon
function yearOffsets(zone: string, ms: number): ZoneOffsets | undefined {
  const year = new Date(ms).getUTCFullYear();
  if (!(year >= 2000 && year <= 2100)) return undefined;
  const key = `${zone} ${year}`;
  let offsets = offsetsByYear.get(key);
  if (!offsets) {
    offsets = new ZoneOffsets(IANAZone.create(zone), ordinalOf(year, 1, 1), ordinalOf(year + 1, 1, 1) - 1);
    offsetsByYear.set(key, offsets);
  }
  return offsets;
}
// Stryker restore all

const HAS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/**
 * An ISO-8601 date and time ('T' or a space between them); one without an offset is local time in
 * `zone`. Undefined when the value is not such a date-time.
 */
export function parseLocalInstant(value: string, zone: string): DateTime | undefined {
  if (typeof value !== 'string' || !HAS_TIME.test(value)) return undefined;
  // Stryker disable next-line BooleanLiteral: equivalent, callers take the instant, not the zone it is shown in
  const parsed = DateTime.fromISO(value.replace(' ', 'T'), { zone: checkedZone(zone), setZone: true });
  return parsed.isValid ? parsed : undefined;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `parseLocalInstant` as epoch milliseconds, for the bulk ingest of publications: the common
 * forms (`2026-06-07T23:59[:ss[.mmm]][Z|±hh:mm]`, years 2000–2100) are read here, local times
 * through the zone's offset table, without luxon's per-call offset lookup through Intl; any other
 * form goes through `parseLocalInstant`. Same answer either way (property-tested).
 */
export function parseLocalInstantMillis(value: string, zone: string): number | undefined {
  // Stryker disable all: equivalent, these guards only choose between this fast path and
  // parseLocalInstant, which gives the same answer (a wrong answer here fails the property test)
  const m = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  if (m) {
    const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const second = m[6] === undefined ? 0 : Number(m[6]);
    const millisecond = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
    const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
    if (
      year >= 2000 &&
      year <= 2100 &&
      monthDays !== undefined &&
      day >= 1 &&
      day <= monthDays &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      offsetHours <= 23 &&
      offsetMinutes <= 59
    ) {
      // Stryker restore all
      const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
      if (m[8]) return wall;
      if (m[9]) return wall - (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * MINUTE_MS;
      const offsets = yearOffsets(checkedZone(zone), wall);
      // Stryker disable next-line ConditionalExpression: equivalent, years 2000–2100 always have a table; without one parseLocalInstant answers
      if (offsets) return offsets.toUtc(wall);
    }
  }
  return parseLocalInstant(value, zone)?.toMillis();
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone, e.g. "today" in Khabarovsk. */
export function localDateOf(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instantMillis(instant), { zone: checkedZone(zone) }).toISODate()!;
}

// ---------------------------------------------------------------------------------------------
// Working days

export function isWorkingDay(date: string, j: JurisdictionTime): boolean {
  return j.calendar.isWorkingDay(date);
}

/**
 * Working days d with fromDate < d ≤ toDate: `fromDate` excluded, `toDate` included, the way a
 * period "from the event" is counted (Civil Code art. 191: it starts the day after the event).
 * So workingDaysBetween(eventDate, deadlineDate) === n for a deadline of n working days; equal
 * dates give 0; toDate before fromDate gives the negated count of (toDate, fromDate].
 */
export function workingDaysBetween(fromDate: string, toDate: string, j: JurisdictionTime): number {
  const a = parseDateOrdinal(fromDate);
  const b = parseDateOrdinal(toDate);
  const cal = j.calendar;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, both branches compute the same difference
  return b >= a ? cal.workingDaysUpTo(b) - cal.workingDaysUpTo(a) : -(cal.workingDaysUpTo(a) - cal.workingDaysUpTo(b));
}

/**
 * `deadlineAfterWorkingDays` on epoch milliseconds, without building a luxon DateTime: the hot
 * path of bulk recomputation (and of the benchmark). Same rules, same errors.
 */
export function deadlineAfterWorkingDaysMillis(eventMs: number, n: number, j: JurisdictionTime): number {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new CalendarError(CalendarErrorCode.INVALID_WORKING_DAYS, { n, max: MAX_WORKING_DAYS });
  }
  if (!Number.isFinite(eventMs)) {
    throw new CalendarError(CalendarErrorCode.INVALID_INSTANT, { value: eventMs });
  }
  const cal = j.calendar;
  const zone = zoneOffsets(j.timeZone, cal);
  const cob = closeOfBusinessMinutes(j);
  const local = eventMs + zone.offsetAt(eventMs) * MINUTE_MS;
  const eventDay = Math.floor(local / DAY_MS);
  let day: number;
  if (n === 0) {
    // "Within the working day": today's close of business if the event comes before it on a
    // working day, else the next working day's. Never a deadline before the event.
    const todayClose = cal.isWorkingOrdinal(eventDay)
      ? cob - (cal.isShortenedOrdinal(eventDay) ? SHORTENED_BY_MINUTES : 0)
      : -1;
    day = local - eventDay * DAY_MS < todayClose * MINUTE_MS ? eventDay : cal.nthWorkingDayAfter(eventDay, 1);
  } else {
    // Civil Code art. 191: the period starts the day after the event's local date, whatever the
    // hour; art. 193–194: it ends at close of business of the n-th working day.
    day = cal.nthWorkingDayAfter(eventDay, n);
  }
  const close = cob - (cal.isShortenedOrdinal(day) ? SHORTENED_BY_MINUTES : 0);
  return zone.toUtc(day * DAY_MS + close * MINUTE_MS);
}

/**
 * Deadline of "within n working days from the event" (DOMAIN.md §7), in the jurisdiction's zone.
 * - n ≥ 1: counting starts on the day after the event's local date (Civil Code art. 191) and
 *   ends at close of business of the n-th working day (art. 193–194), an hour earlier if that
 *   day is shortened (Labour Code art. 95).
 * - n = 0 ("within the same working day"): close of business of the event's local day if that
 *   is a working day and the event comes before its close; otherwise close of business of the
 *   next working day. So the deadline is never earlier than the event.
 * n must be an integer 0…365 (INVALID_WORKING_DAYS). YEAR_UNKNOWN if the count leaves the calendar.
 */
export function deadlineAfterWorkingDays(eventInstant: Instant, n: number, j: JurisdictionTime): DateTime {
  const ms = deadlineAfterWorkingDaysMillis(instantMillis(eventInstant, 'eventInstant'), n, j);
  return DateTime.fromMillis(ms, { zone: j.timeZone });
}

/**
 * Penultimate working day of an ISO week (Mon–Sun): usually Thursday; Wednesday when Friday is a
 * day off; Friday when Saturday is a working day. A week with fewer than two working days (New
 * Year holidays, the November 2021 non-working days) has no penultimate day of its own: we take
 * the second-to-last working day on or before the week's Sunday, i.e. the working day before
 * the week's last working day, searching back into the previous weeks. This keeps one working
 * day between the due date and the end of the week, as the rule intends.
 */
export function penultimateWorkingDay(isoWeek: string, j: JurisdictionTime): string {
  const sunday = mondayOrdinal(parseIsoWeek(isoWeek)) + 6;
  return dateOfOrdinal(j.calendar.workingDayBackFrom(sunday, 1));
}

/**
 * Khabarovsk Положение 1 p.6: the plan for a week is due by 17:00 local time on the penultimate
 * working day of the week before it (see penultimateWorkingDay for short weeks).
 */
export function contentPlanDue(targetIsoWeek: string, j: JurisdictionTime): DateTime {
  const previousSunday = mondayOrdinal(parseIsoWeek(targetIsoWeek)) - 1;
  const day = j.calendar.workingDayBackFrom(previousSunday, 1);
  const zone = zoneOffsets(j.timeZone, j.calendar);
  return DateTime.fromMillis(zone.toUtc(day * DAY_MS + CONTENT_PLAN_DUE_MINUTES * MINUTE_MS), { zone: j.timeZone });
}

// ---------------------------------------------------------------------------------------------
// Working time (hours) for incidents: "answer within 8 working hours"

export interface TimeRange {
  /** 'HH:mm' */
  start: string;
  /** 'HH:mm' */
  end: string;
}

export interface WorkSchedule extends TimeRange {
  breaks: readonly TimeRange[];
}

export const DEFAULT_SCHEDULE: WorkSchedule = Object.freeze({
  start: '09:00',
  end: '18:00',
  breaks: Object.freeze([Object.freeze({ start: '13:00', end: '14:00' })]),
});

/** Working intervals in minutes of the local day, [start, end) pairs. */
interface ParsedSchedule {
  full: readonly number[];
  shortened: readonly number[];
}

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const scheduleCache = new WeakMap<WorkSchedule, ParsedSchedule>();

function invalidSchedule(schedule: unknown, problem: string): CalendarError {
  return new CalendarError(
    CalendarErrorCode.INVALID_SCHEDULE,
    { schedule, problem },
    fieldFor(CalendarErrorCode.INVALID_SCHEDULE, 'schedule'),
  );
}

function parseSchedule(schedule: WorkSchedule): ParsedSchedule {
  const cached = scheduleCache.get(schedule);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache of the parse below
  if (cached) return cached;
  const minutes = (s: unknown): number => {
    // Stryker disable next-line ConditionalExpression: equivalent, RegExp.exec reads a non-string as text that cannot match
    const m = typeof s === 'string' ? HHMM_RE.exec(s) : null;
    if (!m) throw invalidSchedule(schedule, `time ${String(s)} is not HH:mm`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const start = minutes(schedule?.start);
  const end = minutes(schedule?.end);
  if (start >= end) throw invalidSchedule(schedule, 'start must be before end');
  if (!Array.isArray(schedule.breaks)) throw invalidSchedule(schedule, 'breaks must be a list');
  const breaks = schedule.breaks
    .map((b: TimeRange) => [minutes(b?.start), minutes(b?.end)])
    .sort((x, y) => x[0] - y[0]);
  let cursor = start;
  const full: number[] = [];
  for (const [bs, be] of breaks) {
    if (bs >= be) throw invalidSchedule(schedule, 'a break must start before it ends');
    if (bs < cursor || be > end) throw invalidSchedule(schedule, 'breaks must lie inside the day and not overlap');
    if (bs > cursor) full.push(cursor, bs);
    cursor = be;
  }
  if (cursor < end) full.push(cursor, end);
  if (full.length === 0) throw invalidSchedule(schedule, 'no working time left between the breaks');
  // Labour Code art. 95: the shortened day ends one hour earlier.
  const shortEnd = end - SHORTENED_BY_MINUTES;
  const shortened: number[] = [];
  for (let i = 0; i < full.length; i += 2) {
    // Stryker disable next-line EqualityOperator: equivalent, an interval from shortEnd to shortEnd is empty
    if (full[i] < shortEnd) shortened.push(full[i], Math.min(full[i + 1], shortEnd));
  }
  const parsed = { full, shortened };
  scheduleCache.set(schedule, parsed);
  return parsed;
}

/** Upper bound of addWorkingTime: a year of round-the-clock minutes. */
const MAX_WORKING_MINUTES = 366 * 24 * 60;

/**
 * The instant after `minutes` of working time from `instant`: only the schedule's hours of
 * working days count (breaks excluded, a shortened day ends an hour earlier). A period that
 * ends exactly at the end of an interval ends there (09:00 + 240 min = 13:00, not 14:00).
 * Zero minutes return the instant itself. Result in the jurisdiction's zone.
 */
export function addWorkingTime(
  instant: Instant,
  minutes: number,
  j: JurisdictionTime,
  schedule: WorkSchedule = DEFAULT_SCHEDULE,
): DateTime {
  const ms = instantMillis(instant, 'instant');
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0 || minutes > MAX_WORKING_MINUTES) {
    throw new CalendarError(
      CalendarErrorCode.INVALID_DURATION,
      { minutes, max: MAX_WORKING_MINUTES },
      fieldFor(CalendarErrorCode.INVALID_DURATION, 'minutes'),
    );
  }
  const parsed = parseSchedule(schedule);
  const cal = j.calendar;
  const zone = zoneOffsets(j.timeZone, cal);
  if (minutes === 0) return DateTime.fromMillis(ms, { zone: j.timeZone });
  const local = ms + zone.offsetAt(ms) * MINUTE_MS;
  let day = Math.floor(local / DAY_MS);
  let at = (local - day * DAY_MS) / MINUTE_MS;
  let remaining = minutes;
  for (;;) {
    if (cal.isWorkingOrdinal(day)) {
      const intervals = cal.isShortenedOrdinal(day) ? parsed.shortened : parsed.full;
      for (let i = 0; i < intervals.length; i += 2) {
        const end = intervals[i + 1];
        // Stryker disable next-line EqualityOperator: equivalent, at === end leaves an empty interval that changes nothing
        if (at >= end) continue;
        const from = Math.max(intervals[i], at);
        if (remaining <= end - from) {
          const utc = zone.toUtc(day * DAY_MS + Math.round((from + remaining) * MINUTE_MS));
          return DateTime.fromMillis(utc, { zone: j.timeZone });
        }
        remaining -= end - from;
        at = end;
      }
    }
    day++;
    at = 0;
  }
}

/** An instant as people read it in a jurisdiction: «17.06.2026 12:00» local time of `zone`. */
export function localDateTimeText(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instantMillis(instant), { zone: checkedZone(zone) }).toFormat('dd.MM.yyyy HH:mm');
}

/**
 * An instant as every API answer gives it: in the offset of the jurisdiction it belongs to
 * (2026-12-07T18:00:00.000+10:00 in Khabarovsk), or in UTC (2026-12-07T08:00:00.000Z) when it
 * belongs to none (users, tokens, the outbox, runs across jurisdictions). The one formatter of
 * answers, so that one answer never mixes the two for one jurisdiction.
 */
export function formatInstant(instant: Instant, zone: string | null): string {
  const ms = instantMillis(instant);
  if (zone === null) return new Date(ms).toISOString();
  return DateTime.fromMillis(ms, { zone: checkedZone(zone) }).toISO()!;
}

/** formatInstant for an instant that may be absent (not yet reviewed, never resolved). */
export function formatOptionalInstant(instant: Instant | null | undefined, zone: string | null): string | null {
  return instant === null || instant === undefined ? null : formatInstant(instant, zone);
}
