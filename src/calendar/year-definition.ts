import { CalendarError, CalendarErrorCode } from './calendar.errors';
import y2020 from './data/2020.json';
import y2021 from './data/2021.json';
import y2022 from './data/2022.json';
import y2023 from './data/2023.json';
import y2024 from './data/2024.json';
import y2025 from './data/2025.json';
import y2026 from './data/2026.json';
import y2027 from './data/2027.json';

/**
 * How a listed day differs from the plain Mon–Fri rule.
 * - `holiday`: non-working holiday of Labour Code art. 112 (listed even on a weekend, for the reason);
 * - `transferred_day_off`: a weekday made a day off by the year's transfer decree or by art. 112 part 2;
 * - `extra_non_working`: a weekday made non-working by a presidential decree;
 * - `working_weekend`: a Saturday/Sunday made a full working day by the transfer decree;
 * - `shortened`: a working day one hour shorter (art. 95), a weekday or a working weekend day;
 * - `working`: a plain full working day whatever the weekday. Only database overrides use it, to
 *   cancel a shipped entry (on a weekday this is the same as removing the entry).
 */
export type DayKind =
  'holiday' | 'transferred_day_off' | 'extra_non_working' | 'working_weekend' | 'shortened' | 'working';

export const DAY_KINDS: readonly DayKind[] = [
  'holiday',
  'transferred_day_off',
  'extra_non_working',
  'working_weekend',
  'shortened',
  'working',
];

export type SourceKind = 'transfer_decree' | 'presidential_decree' | 'labour_code' | 'other';

export interface SourceRef {
  kind: SourceKind;
  title: string;
  number?: string;
  /** YYYY-MM-DD */
  date?: string;
}

export interface DayEntry {
  /** YYYY-MM-DD */
  date: string;
  kind: DayKind;
  /** Russian text a person reads, naming the rule or the decree. */
  reason: string;
}

export interface YearDefinition {
  year: number;
  /** `weak`: the year's decree is not confirmed by two independent sources. */
  status: 'confirmed' | 'weak';
  sources: SourceRef[];
  notes?: string;
  /** Only the days that differ from the plain Mon–Fri rule, one entry per date. */
  days: DayEntry[];
}

/** A single-day correction stored in the database, with the act it comes from. */
export interface DayOverride extends DayEntry {
  source: SourceRef;
}

export interface YearOverrides {
  year: number;
  /** Replaces the shipped year entirely (e.g. a year published after this release). */
  definition?: YearDefinition;
  /** Applied on top of the shipped (or replaced) year; they win over its entries. */
  days?: readonly DayOverride[];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SOURCE_KINDS: readonly SourceKind[] = ['transfer_decree', 'presidential_decree', 'labour_code', 'other'];

function isRealDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function invalid(year: unknown, problem: string, extra: Record<string, unknown> = {}): CalendarError {
  return new CalendarError(CalendarErrorCode.INVALID_DEFINITION, { year, problem, ...extra });
}

function asSource(raw: unknown, year: unknown): SourceRef {
  const s = raw as Partial<SourceRef> | null;
  if (!s || typeof s.title !== 'string' || !SOURCE_KINDS.includes(s.kind as SourceKind)) {
    throw invalid(year, 'source', { source: raw });
  }
  if (s.date !== undefined && !isRealDate(s.date)) throw invalid(year, 'source date', { source: raw });
  const out: SourceRef = { kind: s.kind as SourceKind, title: s.title };
  if (s.number !== undefined) out.number = String(s.number);
  if (s.date !== undefined) out.date = s.date;
  return out;
}

function asDay(raw: unknown, year: number): DayEntry {
  const d = raw as Partial<DayEntry> | null;
  if (!d || !isRealDate(d.date) || Number(d.date.slice(0, 4)) !== year) {
    throw invalid(year, 'day date', { day: raw });
  }
  if (!DAY_KINDS.includes(d.kind as DayKind)) throw invalid(year, 'day kind', { day: raw });
  if (typeof d.reason !== 'string' || d.reason.length === 0) throw invalid(year, 'day reason', { day: raw });
  return { date: d.date, kind: d.kind as DayKind, reason: d.reason };
}

/** Checks a year definition from JSON or the database and returns a clean, sorted copy. */
export function asYearDefinition(raw: unknown): YearDefinition {
  const r = raw as Partial<YearDefinition> | null;
  const year = r?.year;
  if (!r || typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2999) {
    throw invalid(year, 'year');
  }
  if (r.status !== 'confirmed' && r.status !== 'weak') throw invalid(year, 'status');
  if (!Array.isArray(r.sources) || !Array.isArray(r.days)) throw invalid(year, 'sources/days');
  const days = r.days.map((d) => asDay(d, year)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < days.length; i++) {
    if (days[i].date === days[i - 1].date) throw invalid(year, 'duplicate day', { date: days[i].date });
  }
  const out: YearDefinition = { year, status: r.status, sources: r.sources.map((s) => asSource(s, year)), days };
  if (typeof r.notes === 'string') out.notes = r.notes;
  return out;
}

let shipped: YearDefinition[] | undefined;

/** The federal calendar shipped with the code (2020–2027; 2027 is `weak`). */
export function shippedYears(): YearDefinition[] {
  shipped ??= [y2020, y2021, y2022, y2023, y2024, y2025, y2026, y2027].map(asYearDefinition);
  // Copies, so that a caller merging overrides cannot change the shipped data.
  return shipped.map((y) => ({ ...y, sources: [...y.sources], days: [...y.days] }));
}

function sameSource(a: SourceRef, b: SourceRef): boolean {
  return a.kind === b.kind && a.title === b.title && a.number === b.number && a.date === b.date;
}

/**
 * Applies database overrides to a shipped year: a whole-year definition replaces it, then each
 * day override replaces the entry for its date (its source joins the year's sources). Without a
 * shipped year and without a whole-year definition there is nothing to correct: YEAR_UNKNOWN,
 * never a year built from a few days and a weekday guess.
 */
export function mergeYear(shipped: YearDefinition | undefined, overrides: YearOverrides): YearDefinition {
  const base = overrides.definition ? asYearDefinition(overrides.definition) : shipped;
  if (!base) {
    throw new CalendarError(CalendarErrorCode.YEAR_UNKNOWN, { year: overrides.year });
  }
  if (base.year !== overrides.year) throw invalid(overrides.year, 'year mismatch', { definitionYear: base.year });
  const byDate = new Map(base.days.map((d) => [d.date, d]));
  const sources = [...base.sources];
  for (const o of overrides.days ?? []) {
    const day = asDay(o, base.year);
    const source = asSource(o.source, base.year);
    byDate.set(day.date, day);
    if (!sources.some((s) => sameSource(s, source))) sources.push(source);
  }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: YearDefinition = { year: base.year, status: base.status, sources, days };
  if (base.notes !== undefined) out.notes = base.notes;
  return out;
}
