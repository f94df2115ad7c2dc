import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DAY_KINDS, type DayKind, type SourceKind } from '../year-definition';
import { ActorDto } from '../../common/actors/actor.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SOURCE_KINDS: SourceKind[] = ['transfer_decree', 'presidential_decree', 'labour_code', 'other'];

export class DaysQueryDto {
  @ApiProperty({ example: '2025-10-27', description: 'First day, YYYY-MM-DD' })
  @IsString()
  from!: string;

  @ApiProperty({ example: '2025-11-09', description: 'Last day, YYYY-MM-DD (at most 731 days)' })
  @IsString()
  to!: string;
}

export class DeadlineQueryDto {
  @ApiProperty({
    example: '2026-03-06T22:30:00+03:00',
    description: 'ISO-8601 instant of the event; without an offset it is local time of the jurisdiction',
  })
  @IsString()
  from!: string;

  @ApiProperty({ example: '5', description: 'Working days, 0–365' })
  @IsString()
  workingDays!: string;
}

export class ContentPlanDueQueryDto {
  @ApiProperty({ example: '2026-W02', description: 'Target ISO week YYYY-Www' })
  @IsString()
  week!: string;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2025-11-01' })
  date!: string;

  @ApiProperty({ example: true })
  working!: boolean;

  @ApiProperty({ example: true, description: 'Pre-holiday day one hour shorter (Labour Code art. 95)' })
  shortened!: boolean;

  @ApiProperty({
    example: 'working_weekend',
    enum: [
      'holiday',
      'transferred_day_off',
      'extra_non_working',
      'working_weekend',
      'shortened',
      'working',
      'weekend',
      'regional_holiday',
    ],
  })
  kind!: string;

  @ApiProperty({ example: 'Рабочая суббота, перенос выходного (постановление Правительства РФ от 04.10.2024 № 1335)' })
  reason!: string;
}

export class DeadlineDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ example: 'Asia/Vladivostok' })
  timeZone!: string;

  @ApiProperty({ example: '2026-03-07T05:30:00.000+10:00', description: 'The event in local time' })
  from!: string;

  @ApiProperty({ example: 5 })
  workingDays!: number;

  @ApiProperty({
    example: '2026-03-16T18:00:00.000+10:00',
    description: 'Close of business of the last working day, local offset',
  })
  due!: string;

  @ApiProperty({
    example: 'ГК РФ ст. 191, 193, 194: срок начинается на следующий день после события и истекает в конце рабочего дня',
  })
  rule!: string;
}

export class ContentPlanDueDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ example: '2026-W02' })
  week!: string;

  @ApiProperty({ example: '2025-12-29T17:00:00.000+10:00' })
  due!: string;

  @ApiProperty({
    example:
      'Постановление Правительства Хабаровского края от 17.03.2020 № 77-пр, Положение 1 п.6: предпоследний рабочий день недели, предшествующей плановой, до 17:00',
  })
  rule!: string;
}

export class SourceDto {
  @ApiProperty({ enum: SOURCE_KINDS, example: 'transfer_decree' })
  @IsIn(SOURCE_KINDS)
  kind!: SourceKind;

  @ApiProperty({ example: 'Постановление Правительства РФ «О переносе выходных дней в 2028 году»' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ example: '1500' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  number?: string;

  @ApiPropertyOptional({ example: '2027-09-20' })
  @IsOptional()
  @Matches(DATE)
  @IsISO8601({ strict: true })
  date?: string;
}

export class YearDayDto {
  @ApiProperty({ example: '2028-01-03' })
  @Matches(DATE)
  @IsISO8601({ strict: true })
  date!: string;

  @ApiProperty({ enum: DAY_KINDS, example: 'holiday' })
  @IsIn(DAY_KINDS as DayKind[])
  kind!: DayKind;

  @ApiProperty({ example: 'Новогодние каникулы (ТК РФ ст.112)' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class YearDefinitionDto {
  @ApiProperty({
    enum: ['confirmed', 'weak'],
    example: 'confirmed',
    description: 'weak: not yet confirmed by two sources',
  })
  @IsIn(['confirmed', 'weak'])
  status!: 'confirmed' | 'weak';

  @ApiProperty({ type: [SourceDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SourceDto)
  sources!: SourceDto[];

  @ApiPropertyOptional({ example: '247 рабочих дней, из них 3 сокращённых' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiProperty({ type: [YearDayDto], description: 'Only days that differ from the plain Monday–Friday rule' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => YearDayDto)
  days!: YearDayDto[];
}

export class DayCorrectionDto {
  @ApiProperty({ enum: DAY_KINDS, example: 'extra_non_working' })
  @IsIn(DAY_KINDS as DayKind[])
  kind!: DayKind;

  @ApiProperty({ example: 'Нерабочий день (Указ Президента РФ)' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}

export class RegionalHolidayDto {
  @ApiProperty({ example: 'День края (закон Хабаровского края)' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ type: SourceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}

export class CoverageYearDto {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ example: 'weak', enum: ['confirmed', 'weak'] })
  status!: string;

  @ApiProperty({ type: [SourceDto] })
  sources!: SourceDto[];
}

export class CoverageDto {
  @ApiProperty({ example: '2020-01-01' })
  from!: string;

  @ApiProperty({ example: '2027-12-31' })
  to!: string;

  @ApiProperty({ type: [Number], example: [2027] })
  weakYears!: number[];

  @ApiProperty({ type: [CoverageYearDto] })
  years!: CoverageYearDto[];
}

export class JurisdictionDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  code!: string;

  @ApiProperty({ example: 'Хабаровский край' })
  name!: string;

  @ApiProperty({ example: 'Asia/Vladivostok' })
  timeZone!: string;

  @ApiProperty({ example: '18:00' })
  closeOfBusiness!: string;
}

export class CalendarChangeDto {
  @ApiProperty({ example: '17' })
  id!: string;

  @ApiProperty({
    example: '2026-11-23T10:00:00.000Z',
    description: "In the jurisdiction's offset for a regional change; in UTC for a federal one",
  })
  changedAt!: string;

  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70', nullable: true, type: String })
  changedBy!: string | null;

  @ApiProperty({ type: ActorDto, nullable: true, description: 'Who made the change; null when the user is gone' })
  actor!: ActorDto | null;

  @ApiProperty({ example: 'day_set' })
  action!: string;

  @ApiProperty({ example: 2026 })
  year!: number;

  @ApiProperty({ example: '2026-12-31', nullable: true, type: String })
  date!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  jurisdiction!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: null, nullable: true })
  before!: unknown;

  @ApiProperty({
    example: { date: '2026-12-31', kind: 'extra_non_working', reason: 'Нерабочий день' },
    nullable: true,
    type: 'object',
    additionalProperties: true,
  })
  after!: unknown;

  @ApiProperty({ type: SourceDto, nullable: true })
  source!: SourceDto | null;
}

export class ChangesQueryDto {
  @ApiPropertyOptional({ example: '2026', description: 'Only changes of this year' })
  @IsOptional()
  @Matches(/^\d{4}$/)
  year?: string;

  @ApiPropertyOptional({ example: 'khabarovsk-krai' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction?: string;
}
