import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { API_TAG } from '../common/openapi/api-tags';
import { ApiDateParam, ApiJurisdictionParam, ApiYearParam } from '../common/openapi/api-params';

const DEADLINE_RULE =
  'ГК РФ ст. 191, 193, 194: срок начинается на следующий день после события и истекает в конце рабочего дня';
const CONTENT_PLAN_RULE =
  'Постановление Правительства Хабаровского края от 17.03.2020 № 77-пр, Положение 1 п.6: предпоследний рабочий день недели, предшествующей плановой, до 17:00';

@ApiTags(API_TAG.calendar)
@Controller('api/v1')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly actors: ActorDirectory,
  ) {}

  @Public()
  @Get('jurisdictions')
  @ApiOperation({
    summary: 'Территории: часовой пояс и конец рабочего дня',
    description:
      'Все территории, которые знает сервис (субъекты и муниципальные образования), с кодом, названием, часовым поясом IANA и временем окончания рабочего дня. Доступно без входа.',
  })
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
  @ApiOperation({
    summary: 'Годы, которые покрывает производственный календарь',
    description:
      'Первый и последний год календаря, годы с неподтверждёнными данными и для каждого года его статус и правовые источники (постановления о переносе выходных). Доступно без входа.',
  })
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
  @ApiJurisdictionParam()
  @ApiOperation({
    summary: 'Дни периода: рабочий или нет, сокращённый, и почему',
    description:
      'Для каждого дня от from до to включительно: рабочий или нерабочий, сокращённый ли (предпраздничный), и основание (выходной, праздник, перенос, региональный нерабочий день). Период не длиннее года. Доступно без входа.',
  })
  @ApiOkResponse({ type: [CalendarDayDto] })
  @ApiProblems(400, 404, 422)
  days(@Param('jurisdiction') jurisdiction: string, @Query() query: DaysQueryDto): Promise<CalendarDayDto[]> {
    return this.calendar.days(jurisdiction, query.from, query.to);
  }

  @Public()
  @Get('calendar/:jurisdiction/deadline')
  @ApiJurisdictionParam()
  @ApiOperation({
    summary: 'Срок «в течение N рабочих дней со дня события» на территории',
    description:
      'Считает срок по правилам ГК РФ (ст. 191, 193, 194): течение начинается на следующий день после события, срок истекает в конце последнего рабочего дня по производственному календарю территории с учётом региональных нерабочих дней. Доступно без входа.',
  })
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
  @ApiJurisdictionParam()
  @ApiOperation({
    summary: 'Срок сдачи контент-плана на неделю',
    description:
      'Когда должен быть представлен контент-план на указанную неделю: предпоследний рабочий день предыдущей недели до 17:00 по местному времени (Постановление Правительства Хабаровского края № 77-пр, Положение 1 п.6). Доступно без входа.',
  })
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
  @ApiOperation({
    summary: 'История поправок календаря, новые сначала',
    description:
      'Кто, когда и что изменил в производственном календаре: значение до и после и акт, на котором основана поправка. Фильтры по году и территории. Доступно администратору, координатору и наблюдателю.',
  })
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
  @ApiYearParam()
  @ApiOperation({
    summary: 'Задать или заменить федеральный календарь года',
    description:
      'Администратор вносит весь год с постановлением о переносе выходных; внесённый год имеет приоритет над данными, поставляемыми с сервисом. Ответ — покрытие календаря после изменения.',
  })
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
  @ApiYearParam()
  @ApiOperation({
    summary: 'Удалить год, внесённый через API',
    description:
      'Удаляет год, внесённый администратором; для года, поставляемого с сервисом, снова действуют поставляемые данные. Только администратор.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 422)
  async removeYear(@CurrentPrincipal() principal: Principal, @Param('year') year: string): Promise<void> {
    await this.calendar.removeYear(parseYear(year), principal.userId);
  }

  @Put('calendar/days/:date')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiDateParam()
  @ApiOperation({
    summary: 'Поправить один федеральный день',
    description:
      'Администратор задаёт вид одного дня (рабочий, нерабочий, сокращённый) со ссылкой на акт. Ответ — день с учётом поправки.',
  })
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
  @ApiDateParam()
  @ApiOperation({
    summary: 'Отменить поправку федерального дня',
    description: 'Возвращает день к значению по федеральному календарю. Только администратор.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  async removeDay(@CurrentPrincipal() principal: Principal, @Param('date') date: string): Promise<void> {
    await this.calendar.removeDay(date, principal.userId);
  }

  @Put('calendar/:jurisdiction/regional-holidays/:date')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin, Role.Coordinator], jurisdiction: { param: 'jurisdiction' } })
  @ApiJurisdictionParam()
  @ApiDateParam()
  @ApiOperation({
    summary: 'Добавить региональный нерабочий день',
    description:
      'Нерабочий день территории поверх федерального календаря со ссылкой на акт субъекта или муниципалитета; учитывается во всех сроках этой территории. Администратор или координатор этой территории.',
  })
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
  @ApiJurisdictionParam()
  @ApiDateParam()
  @ApiOperation({
    summary: 'Отменить региональный нерабочий день',
    description:
      'Удаляет региональный нерабочий день; сроки снова считаются по федеральному календарю. Администратор или координатор этой территории.',
  })
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
