import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  CalendarChangeAction,
  CalendarChangeRecord,
  CalendarDayOverrideRecord,
  CalendarYearRecord,
  RegionalHolidayRecord,
} from './calendar-override.entity';
import { Jurisdiction } from './jurisdiction.entity';
import type { SourceRef } from './year-definition';

/** Everything the calendar is built from, read in one go. */
export interface CalendarData {
  stamp: string;
  years: CalendarYearRecord[];
  days: CalendarDayOverrideRecord[];
  regional: RegionalHolidayRecord[];
  jurisdictions: Jurisdiction[];
}

export interface ChangeEntry {
  action: CalendarChangeAction;
  year: number;
  date?: string;
  jurisdictionCode?: string;
  before: object | null;
  after: object | null;
  source: SourceRef | null;
  changedBy: string;
}

const STAMP_SQL = `SELECT (SELECT coalesce(max(id), 0) FROM calendar_changes)::text || '/' ||
  (SELECT count(*) FROM jurisdictions)::text AS stamp`;

// A transaction-scoped lock serializes calendar writes between instances of the service.
const CALENDAR_WRITE_LOCK = 7_301_001;

@Injectable()
export class CalendarRepository implements OnModuleDestroy {
  private reader?: Promise<QueryRunner>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Changes whenever any calendar data or jurisdiction changes; cheap enough to ask per request. */
  stamp(): Promise<string> {
    return this.read(async (manager) => {
      const [row] = await manager.query(STAMP_SQL);
      return row.stamp as string;
    });
  }

  /** The calendar as stored, read on the calendar's own connection (see `read`). */
  loadCurrent(): Promise<CalendarData> {
    return this.read((manager) => this.load(manager));
  }

  async onModuleDestroy() {
    const reader = await this.reader?.catch(() => undefined);
    await reader?.release();
  }

  /**
   * Calendar reads happen inside other modules' transactions (a registry event derives its
   * obligations' deadlines while its transaction holds a pooled connection). Taking a second
   * connection from the pool there deadlocks once every pooled connection is such a transaction
   * (seen with 26 concurrent page registrations), so the calendar keeps one connection of its own
   * and reads on it one query at a time.
   */
  private read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.reader ??= (async () => {
      const runner = this.dataSource.createQueryRunner('slave');
      await runner.connect();
      return runner;
    })();
    const reader = this.reader;
    const next = this.queue.then(async () => work((await reader).manager));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * One query after another: `manager` is a single connection (the calendar's own reader or a
   * transaction's), and queries sent to a connection that is still busy are queued by pg only with
   * a deprecation warning (they will fail from pg 9).
   */
  async load(manager: EntityManager = this.dataSource.manager): Promise<CalendarData> {
    const years = await manager.find(CalendarYearRecord);
    const days = await manager.find(CalendarDayOverrideRecord);
    const regional = await manager.find(RegionalHolidayRecord);
    const jurisdictions = await manager.find(Jurisdiction);
    const [row] = await manager.query(STAMP_SQL);
    return { stamp: row.stamp, years, days, regional, jurisdictions };
  }

  /** Runs a calendar change under the write lock; `check` sees the changed data before commit. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CALENDAR_WRITE_LOCK]);
      return work(manager);
    });
  }

  recordChange(manager: EntityManager, entry: ChangeEntry) {
    return manager.insert(CalendarChangeRecord, {
      action: entry.action,
      year: entry.year,
      date: entry.date ?? null,
      jurisdictionCode: entry.jurisdictionCode ?? null,
      before: entry.before,
      after: entry.after,
      source: entry.source,
      changedBy: entry.changedBy,
    });
  }

  changes(filter: { year?: number; jurisdiction?: string }, limit: number) {
    const query = this.dataSource
      .getRepository(CalendarChangeRecord)
      .createQueryBuilder('c')
      .orderBy('c.id', 'DESC')
      .limit(limit);
    if (filter.year !== undefined) query.andWhere('c.year = :year', { year: filter.year });
    if (filter.jurisdiction) query.andWhere('c.jurisdiction_code = :code', { code: filter.jurisdiction });
    return query.getMany();
  }
}
