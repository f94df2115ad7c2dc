import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, Public } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { ActorDirectory, type Actors } from '../common/actors/actor-directory';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { CalendarChangeRecord } from './calendar-override.entity';
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { CalendarService } from './calendar.service';
import {
  CalendarChangeDto,
  CalendarDayDto,
  ChangesQueryDto,
  ContentPlanDueDto,
  ContentPlanDueQueryDto,
  CoverageDto,
  DayCorrectionDto,
  DaysQueryDto,
  DeadlineDto,
  DeadlineQueryDto,
  JurisdictionDto,
  RegionalHolidayDto,
  YearDefinitionDto,
} from './dto/calendar.dto';
import { formatClockTime, formatInstant } from './working-time';

const JURISDICTION_PARAM = { name: 'jurisdiction', example: 'khabarovsk-krai' };
const DATE_PARAM = { name: 'date', example: '2026-12-31' };
const DEADLINE_RULE =
  'ГК РФ ст. 191, 193, 194: срок начинается на следующий день после события и истекает в конце рабочего дня';
const CONTENT_PLAN_RULE =
  'Постановление Правительства Хабаровского края от 17.03.2020 № 77-пр, Положение 1 п.6: предпоследний рабочий день недели, предшествующей плановой, до 17:00';

@ApiTags('calendar')
@Controller('api/v1')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly actors: ActorDirectory,
  ) {}

  @Public()
  @Get('jurisdictions')
  @ApiOperation({ summary: 'Jurisdictions with their time zone and close of business' })
  @ApiOkResponse({ type: [JurisdictionDto] })
  async jurisdictions(): Promise<JurisdictionDto[]> {
    return (await this.calendar.jurisdictions()).map((j) => ({
      code: j.code,
      name: j.name,
      timeZone: j.timeZone,
      closeOfBusiness: formatClockTime(j.closeOfBusiness),
    }));
  }

  @Public()
  @Get('calendar/coverage')
  @ApiOperation({ summary: 'Years the production calendar covers, with their legal sources and status' })
  @ApiOkResponse({ type: CoverageDto })
  async coverage(): Promise<CoverageDto> {
    const coverage = await this.calendar.coverage();
    return {
      from: coverage.from,
      to: coverage.to,
      weakYears: coverage.weakYears,
      years: coverage.years.map((y) => ({ year: y.year, status: y.status, sources: y.sources })),
    };
  }

  @Public()
  @Get('calendar/:jurisdiction/days')
  @ApiParam(JURISDICTION_PARAM)
  @ApiOperation({ summary: 'Each day of a period: working or not, shortened, and why' })
  @ApiOkResponse({ type: [CalendarDayDto] })
  @ApiProblems(400, 404, 422)
  days(@Param('jurisdiction') jurisdiction: string, @Query() query: DaysQueryDto): Promise<CalendarDayDto[]> {
    return this.calendar.days(jurisdiction, query.from, query.to);
  }

  @Public()
  @Get('calendar/:jurisdiction/deadline')
  @ApiParam(JURISDICTION_PARAM)
  @ApiOperation({ summary: 'Deadline "within N working days from the event" in the jurisdiction' })
  @ApiOkResponse({ type: DeadlineDto })
  @ApiProblems(400, 404, 422)
  async deadline(@Param('jurisdiction') jurisdiction: string, @Query() query: DeadlineQueryDto): Promise<DeadlineDto> {
    const { event, due, jurisdiction: j } = await this.calendar.deadline(jurisdiction, query.from, query.workingDays);
    return {
      jurisdiction: j.code,
      timeZone: j.timeZone,
      from: formatInstant(event, j.timeZone),
      workingDays: Number(query.workingDays),
      due: formatInstant(due, j.timeZone),
      rule: DEADLINE_RULE,
    };
  }

  @Public()
  @Get('calendar/:jurisdiction/content-plan-due')
  @ApiParam(JURISDICTION_PARAM)
  @ApiOperation({ summary: 'When the weekly content plan for a target week is due (Khabarovsk Положение 1 p.6)' })
  @ApiOkResponse({ type: ContentPlanDueDto })
  @ApiProblems(400, 404, 422)
  async contentPlanDue(
    @Param('jurisdiction') jurisdiction: string,
    @Query() query: ContentPlanDueQueryDto,
  ): Promise<ContentPlanDueDto> {
    const { due, jurisdiction: j } = await this.calendar.contentPlanDue(jurisdiction, query.week);
    return { jurisdiction: j.code, week: query.week, due: formatInstant(due, j.timeZone), rule: CONTENT_PLAN_RULE };
  }

  @Get('calendar/changes')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin, Role.Coordinator, Role.Viewer] })
  @ApiOperation({ summary: 'History of calendar corrections, newest first (who, when, before, after, act)' })
  @ApiOkResponse({ type: [CalendarChangeDto] })
  @ApiProblems(400, 401, 403)
  async changes(@Query() query: ChangesQueryDto): Promise<CalendarChangeDto[]> {
    const rows = await this.calendar.changes({
      year: query.year ? Number(query.year) : undefined,
      jurisdiction: query.jurisdiction,
    });
    const [zones, actors] = await Promise.all([
      this.calendar.timeZones(),
      this.actors.resolve(rows.map((c) => c.changedBy)),
    ]);
    // A regional change is the jurisdiction's, in its offset; a federal one belongs to none (UTC).
    return rows.map((c) => toChangeDto(c, c.jurisdictionCode ? (zones.get(c.jurisdictionCode) ?? null) : null, actors));
  }

  @Put('calendar/years/:year')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiParam({ name: 'year', example: '2028' })
  @ApiOperation({ summary: 'Add or replace a whole federal year with its decree (admin); wins over the shipped data' })
  @ApiOkResponse({ type: CoverageDto })
  @ApiProblems(400, 401, 403, 422)
  async setYear(
    @CurrentPrincipal() principal: Principal,
    @Param('year') year: string,
    @Body() body: YearDefinitionDto,
  ): Promise<CoverageDto> {
    await this.calendar.setYear({ ...body, year: parseYear(year) }, principal.userId);
    return this.coverage();
  }

  @Delete('calendar/years/:year')
  @HttpCode(204)
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiParam({ name: 'year', example: '2028' })
  @ApiOperation({ summary: 'Remove a year entered through the API (a shipped year reverts to the shipped data)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 422)
  async removeYear(@CurrentPrincipal() principal: Principal, @Param('year') year: string): Promise<void> {
    await this.calendar.removeYear(parseYear(year), principal.userId);
  }

  @Put('calendar/days/:date')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: 'Correct one federal day with the act it comes from (admin)' })
  @ApiOkResponse({ type: CalendarDayDto })
  @ApiProblems(400, 401, 403, 422)
  async setDay(
    @CurrentPrincipal() principal: Principal,
    @Param('date') date: string,
    @Body() body: DayCorrectionDto,
  ): Promise<CalendarDayDto> {
    await this.calendar.setDay(date, body, principal.userId);
    return this.calendar.federalDay(date);
  }

  @Delete('calendar/days/:date')
  @HttpCode(204)
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: 'Withdraw a correction of one federal day (admin)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async removeDay(@CurrentPrincipal() principal: Principal, @Param('date') date: string): Promise<void> {
    await this.calendar.removeDay(date, principal.userId);
  }

  @Put('calendar/:jurisdiction/regional-holidays/:date')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin, Role.Coordinator], jurisdiction: { param: 'jurisdiction' } })
  @ApiParam(JURISDICTION_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: 'Add a regional non-working day on top of the federal calendar (admin, coordinator)' })
  @ApiOkResponse({ type: CalendarDayDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async setRegionalHoliday(
    @CurrentPrincipal() principal: Principal,
    @Param('jurisdiction') jurisdiction: string,
    @Param('date') date: string,
    @Body() body: RegionalHolidayDto,
  ): Promise<CalendarDayDto> {
    await this.calendar.setRegionalHoliday(jurisdiction, date, body.reason, body.source, principal.userId);
    const [day] = await this.calendar.days(jurisdiction, date, date);
    return day;
  }

  @Delete('calendar/:jurisdiction/regional-holidays/:date')
  @HttpCode(204)
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin, Role.Coordinator], jurisdiction: { param: 'jurisdiction' } })
  @ApiParam(JURISDICTION_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: 'Withdraw a regional non-working day (admin, coordinator)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async removeRegionalHoliday(
    @CurrentPrincipal() principal: Principal,
    @Param('jurisdiction') jurisdiction: string,
    @Param('date') date: string,
  ): Promise<void> {
    await this.calendar.removeRegionalHoliday(jurisdiction, date, principal.userId);
  }
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw new CalendarError(CalendarErrorCode.INVALID_DATE, { value }, [
      { field: 'year', message: 'ожидается год, например 2028' },
    ]);
  }
  return Number(value);
}

function toChangeDto(c: CalendarChangeRecord, timeZone: string | null, actors: Actors): CalendarChangeDto {
  return {
    id: c.id,
    changedAt: formatInstant(c.changedAt, timeZone),
    changedBy: c.changedBy,
    actor: actors.of(c.changedBy),
    action: c.action,
    year: c.year,
    date: c.date,
    jurisdiction: c.jurisdictionCode,
    before: c.before,
    after: c.after,
    source: c.source,
  };
}
