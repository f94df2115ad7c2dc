import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { CommonError, CommonErrorCode } from '../common/errors/common.errors';
import {
  CalendarChangeAction,
  CalendarDayOverrideRecord,
  CalendarYearRecord,
  RegionalHolidayRecord,
} from './calendar-override.entity';
import { CalendarData, CalendarRepository } from './calendar.repository';
import { buildCalendarSnapshot, CalendarSnapshot } from './calendar-snapshot';
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { nextYearMissingWarning } from './coverage.rules';
import { DayInfo, parseDateOrdinal } from './working-calendar';
import {
  contentPlanDue,
  deadlineAfterWorkingDays,
  JurisdictionTime,
  parseIsoWeek,
  parseLocalDate,
  penultimateWorkingDay,
} from './working-time';
import { asYearDefinition, DayKind, SourceRef, YearDefinition } from './year-definition';

const MAX_RANGE_DAYS = 731;
const COVERAGE_CHECK_INTERVAL_MS = 12 * 3_600_000;

export interface DayCorrection {
  kind: DayKind;
  reason: string;
  source: SourceRef;
}

/**
 * The working-time engine as the rest of the product sees it: jurisdiction clocks built from the
 * shipped calendar plus the database corrections, rebuilt when the data changes (any instance).
 */
const STAMP_CHECK_INTERVAL_MS = 1_000;

@Injectable()
export class CalendarService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CalendarService.name);
  private snapshot?: { stamp: string; value: CalendarSnapshot };
  private checkedAt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repository: CalendarRepository,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap() {
    await this.warnWhenNextYearMissing();
    this.timer = setInterval(() => void this.warnWhenNextYearMissing(), COVERAGE_CHECK_INTERVAL_MS).unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  async jurisdiction(code: string): Promise<JurisdictionTime & { name: string }> {
    const j = (await this.current()).jurisdictions.get(code);
    if (!j) throw new CalendarError(CalendarErrorCode.JURISDICTION_NOT_FOUND, { jurisdiction: code });
    return j;
  }

  async jurisdictions() {
    return [...(await this.current()).jurisdictions.values()];
  }

  /** Each jurisdiction's time zone by code: the offset answers give its instants in (formatInstant). */
  async timeZones(): Promise<ReadonlyMap<string, string>> {
    return new Map([...(await this.current()).jurisdictions].map(([code, j]) => [code, j.timeZone]));
  }

  async coverage() {
    const snapshot = await this.current();
    return { ...snapshot.federal.coverage(), years: snapshot.federal.definitions() };
  }

  async federalDay(date: string): Promise<DayInfo> {
    return (await this.current()).federal.dayInfo(parseLocalDate(date, 'date'));
  }

  async days(code: string, from: string, to: string): Promise<DayInfo[]> {
    const j = await this.jurisdiction(code);
    const first = parseDateOrdinal(parseLocalDate(from, 'from'));
    const last = parseDateOrdinal(parseLocalDate(to, 'to'));
    if (last < first || last - first + 1 > MAX_RANGE_DAYS) {
      throw new CalendarError(CalendarErrorCode.INVALID_RANGE, { from, to, maxDays: MAX_RANGE_DAYS }, [
        { field: 'to', message: 'конец периода раньше начала или период длиннее 731 дня' },
      ]);
    }
    const result: DayInfo[] = [];
    for (
      let day = DateTime.fromISO(from, { zone: 'utc' }), i = 0;
      i <= last - first;
      i++, day = day.plus({ days: 1 })
    ) {
      result.push(j.calendar.dayInfo(day.toISODate()!));
    }
    return result;
  }

  /**
   * "Within N working days from the event": `from` is an ISO-8601 instant; one without an offset
   * is read as local time of the jurisdiction.
   */
  async deadline(code: string, from: string, workingDays: string) {
    const j = await this.jurisdiction(code);
    const event = DateTime.fromISO(from, { zone: j.timeZone });
    if (!event.isValid) {
      throw new CalendarError(CalendarErrorCode.INVALID_INSTANT, { value: from }, [
        { field: 'from', message: 'ожидается дата и время в формате ISO 8601, например 2026-11-23T15:30:00+10:00' },
      ]);
    }
    const n = /^\d{1,3}$/.test(workingDays) ? Number(workingDays) : Number.NaN;
    if (!Number.isInteger(n) || n > 365) {
      throw new CalendarError(CalendarErrorCode.INVALID_WORKING_DAYS, { value: workingDays }, [
        { field: 'workingDays', message: 'ожидается целое число от 0 до 365' },
      ]);
    }
    return { event: event.setZone(j.timeZone), due: deadlineAfterWorkingDays(event, n, j), jurisdiction: j };
  }

  async contentPlanDue(code: string, week: string) {
    const j = await this.jurisdiction(code);
    parseIsoWeek(week, 'week');
    const due = contentPlanDue(week, j);
    return { due, jurisdiction: j, penultimateOfPreviousWeek: due.toISODate()! };
  }

  penultimateWorkingDay(j: JurisdictionTime, week: string) {
    return penultimateWorkingDay(week, j);
  }

  changes(filter: { year?: number; jurisdiction?: string }, limit = 200) {
    return this.repository.changes(filter, limit);
  }

  // --- Corrections by admins (federal) and coordinators (regional), each with its act. ---

  async setYear(definition: YearDefinition, userId: string) {
    const outside = definition.days.flatMap((d, i) =>
      d.date.startsWith(`${definition.year}-`)
        ? []
        : [{ field: `days[${i}].date`, message: `дата не относится к ${definition.year} году` }],
    );
    if (outside.length) throw new CommonError(CommonErrorCode.VALIDATION_FAILED, {}, outside);
    const clean = asYearDefinition(definition);
    await this.change(async (manager, before) => {
      const previous = before.years.find((y) => y.year === clean.year);
      await manager.save(CalendarYearRecord, { year: clean.year, definition: clean, updatedBy: userId });
      await this.repository.recordChange(manager, {
        action: CalendarChangeAction.YearSet,
        year: clean.year,
        before: previous?.definition ?? null,
        after: clean,
        source: clean.sources.find((s) => s.kind === 'transfer_decree') ?? clean.sources[0] ?? null,
        changedBy: userId,
      });
    });
  }

  async removeYear(year: number, userId: string) {
    await this.change(async (manager, before) => {
      const previous = before.years.find((y) => y.year === year);
      if (!previous) throw new CalendarError(CalendarErrorCode.OVERRIDE_NOT_FOUND, { year });
      await manager.delete(CalendarYearRecord, { year });
      await this.repository.recordChange(manager, {
        action: CalendarChangeAction.YearRemoved,
        year,
        before: previous.definition,
        after: null,
        source: null,
        changedBy: userId,
      });
    });
  }

  async setDay(date: string, correction: DayCorrection, userId: string) {
    await this.requireKnownYear(parseLocalDate(date, 'date'));
    await this.change(async (manager, before) => {
      const previous = before.days.find((d) => d.date === date);
      const after = { date, ...correction };
      await manager.save(CalendarDayOverrideRecord, { ...after, updatedBy: userId });
      await this.repository.recordChange(manager, {
        action: CalendarChangeAction.DaySet,
        year: Number(date.slice(0, 4)),
        date,
        before: previous ? pickDay(previous) : null,
        after,
        source: correction.source,
        changedBy: userId,
      });
    });
  }

  async removeDay(date: string, userId: string) {
    parseLocalDate(date, 'date');
    await this.change(async (manager, before) => {
      const previous = before.days.find((d) => d.date === date);
      if (!previous) throw new CalendarError(CalendarErrorCode.OVERRIDE_NOT_FOUND, { date });
      await manager.delete(CalendarDayOverrideRecord, { date });
      await this.repository.recordChange(manager, {
        action: CalendarChangeAction.DayRemoved,
        year: Number(date.slice(0, 4)),
        date,
        before: pickDay(previous),
        after: null,
        source: previous.source,
        changedBy: userId,
      });
    });
  }

  async setRegionalHoliday(code: string, date: string, reason: string, source: SourceRef, userId: string) {
    await this.jurisdiction(code);
    await this.requireKnownYear(parseLocalDate(date, 'date'));
    await this.change(async (manager, before) => {
      const previous = before.regional.find((r) => r.jurisdictionCode === code && r.date === date);
      await manager.save(RegionalHolidayRecord, { jurisdictionCode: code, date, reason, source, updatedBy: userId });
      await this.repository.recordChange(manager, {
        action: CalendarChangeAction.RegionalHolidaySet,
        year: Number(date.slice(0, 4)),
        date,
        jurisdictionCode: code,
        before: previous ? { date, reason: previous.reason, source: previous.source } : null,
        after: { date, reason, source },
        source,
        changedBy: userId,
      });
    });
  }

  async removeRegionalHoliday(code: string, date: string, userId: string) {
    await this.jurisdiction(code);
    parseLocalDate(date, 'date');
    await this.change(async (manager, before) => {
      const previous = before.regional.find((r) => r.jurisdictionCode === code && r.date === date);
      if (!previous) throw new CalendarError(CalendarErrorCode.OVERRIDE_NOT_FOUND, { jurisdiction: code, date });
      await manager.delete(RegionalHolidayRecord, { jurisdictionCode: code, date });
      await this.repository.recordChange(manager, {
        action: CalendarChangeAction.RegionalHolidayRemoved,
        year: Number(date.slice(0, 4)),
        date,
        jurisdictionCode: code,
        before: { date, reason: previous.reason, source: previous.source },
        after: null,
        source: previous.source,
        changedBy: userId,
      });
    });
  }

  /** Applies a change and rebuilds the calendar from the changed data before committing. */
  private async change(work: (manager: EntityManager, before: CalendarData) => Promise<void>) {
    const value = await this.repository.write(async (manager) => {
      await work(manager, await this.repository.load(manager));
      const after = await this.repository.load(manager);
      try {
        return { stamp: after.stamp, value: buildCalendarSnapshot(after) };
      } catch (error) {
        if (error instanceof CalendarError && /consecutive/.test(String(error.details.problem))) {
          throw new CalendarError(CalendarErrorCode.YEAR_GAP, { years: after.years.map((y) => y.year) });
        }
        throw error;
      }
    });
    this.snapshot = value;
    this.checkedAt = performance.now();
  }

  /** Corrections refine a known year; an unknown year is added whole first (YEAR_UNKNOWN). */
  private async requireKnownYear(date: string) {
    (await this.current()).federal.dayInfo(date);
  }

  /**
   * The calendar as stored. Changes made through this instance apply at once; changes made through
   * another instance are noticed by the stamp, asked at most once a second.
   */
  private async current(): Promise<CalendarSnapshot> {
    if (this.snapshot && performance.now() - this.checkedAt < STAMP_CHECK_INTERVAL_MS) return this.snapshot.value;
    const stamp = await this.repository.stamp();
    if (this.snapshot?.stamp !== stamp) {
      const data = await this.repository.loadCurrent();
      this.snapshot = { stamp: data.stamp, value: buildCalendarSnapshot(data) };
    }
    this.checkedAt = performance.now();
    return this.snapshot.value;
  }

  private async warnWhenNextYearMissing() {
    const coverage = (await this.current()).federal.coverage();
    const warning = nextYearMissingWarning(this.clock.now().toISOString().slice(0, 10), coverage);
    if (warning) this.logger.warn(warning);
  }
}

function pickDay(d: CalendarDayOverrideRecord) {
  return { date: d.date, kind: d.kind, reason: d.reason, source: d.source };
}
