import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Jurisdiction } from './jurisdiction.entity';
import type { DayKind, SourceRef, YearDefinition } from './year-definition';

/** A whole federal year entered by an admin (next year's decree, or a corrected year); wins over the shipped file. */
@Entity('calendar_years')
@Check('calendar_years_year_range', `year BETWEEN 1900 AND 2999`)
export class CalendarYearRecord {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'jsonb' })
  definition!: YearDefinition;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One federal day corrected by an admin, with the act it comes from; wins over the year's entry. */
@Entity('calendar_day_overrides')
@Check(
  'calendar_day_overrides_kind',
  `kind IN ('holiday', 'transferred_day_off', 'extra_non_working', 'working_weekend', 'shortened', 'working')`,
)
export class CalendarDayOverrideRecord {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: DayKind;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'jsonb' })
  source!: SourceRef;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A non-working day set by a region's own law, on top of the federal calendar. */
@Entity('calendar_regional_holidays')
export class RegionalHolidayRecord {
  @PrimaryColumn({ name: 'jurisdiction_code', type: 'varchar', length: 64 })
  jurisdictionCode!: string;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'jsonb' })
  source!: SourceRef;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export enum CalendarChangeAction {
  YearSet = 'year_set',
  YearRemoved = 'year_removed',
  DaySet = 'day_set',
  DayRemoved = 'day_removed',
  RegionalHolidaySet = 'regional_holiday_set',
  RegionalHolidayRemoved = 'regional_holiday_removed',
}

/** Every change to the calendar, kept for good: who, when, what it was and what it became, and why. */
@Entity('calendar_changes')
@Index('calendar_changes_changed_at_idx', ['changedAt'])
export class CalendarChangeRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ type: 'enum', enum: CalendarChangeAction, enumName: 'calendar_change_action' })
  action!: CalendarChangeAction;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'date', nullable: true })
  date!: string | null;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 64, nullable: true })
  jurisdictionCode!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  source!: SourceRef | null;
}
