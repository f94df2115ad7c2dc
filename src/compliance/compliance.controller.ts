import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { BodyLimit, BODY_LIMITS } from '../common/body-limits';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { parseIsoWeek } from '../calendar/working-time';
import { WEEK_SCREEN_DEFAULT } from './quota.rules';
import { CommonError, CommonErrorCode } from '../common/errors/common.errors';
import { ShallowBody } from '../common/pipes/shallow-body';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ComplianceService, writerOf } from './compliance.service';
import {
  FindingListDto,
  FindingsQueryDto,
  IngestReportDto,
  PublicationBatchDto,
  RecomputeQueryDto,
  RecomputeReportDto,
  TrendQueryDto,
  TrendReportDto,
  WeekQueryDto,
  WeekReportDto,
} from './dto/compliance.dto';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam, ApiWeekParam } from '../common/openapi/api-params';

const WRITERS = [Role.Admin, Role.Coordinator, Role.Editor];
const READERS = [Role.Admin, Role.Coordinator, Role.Viewer];

/** Publications that went out, weekly quotas (DOMAIN.md §3) and findings with their clauses. */
@ApiTags(API_TAG.compliance)
@ApiBearerAuth()
@Controller('api/v1')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Post('publications')
  @BodyLimit(BODY_LIMITS.bulk)
  @HttpCode(200)
  @Access({ roles: WRITERS })
  @ApiOperation({
    summary: 'Записать публикации (до 10 000 за запрос)',
    description:
      'Идемпотентно по странице и внешнему идентификатору или адресу публикации; ошибочные строки перечисляются по индексу, остальные записываются.',
  })
  @ApiBody({ type: PublicationBatchDto })
  @ApiOkResponse({ type: IngestReportDto })
  @ApiProblems(400, 401, 403, 413)
  ingest(
    @CurrentPrincipal() principal: Principal,
    @ShallowBody(PublicationBatchDto) body: PublicationBatchDto,
  ): Promise<IngestReportDto> {
    return this.compliance.ingest(body.publications, writerOf(principal), 'manual');
  }

  @Post('publications/import')
  @BodyLimit(BODY_LIMITS.bulk)
  @HttpCode(200)
  @Access({ roles: WRITERS })
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'UTF-8 CSV («;» or «,»), headers pageUrl|Страница, publishedAt|Дата и время, url, externalId, format, text',
    schema: {
      type: 'string',
      format: 'binary',
      example: 'Страница;Дата и время;Адрес публикации\nhttps://vk.com/abgosk;2026-06-07 23:59;https://vk.com/wall-1_2',
    },
  })
  @ApiOperation({
    summary: 'Записать публикации из файла CSV',
    description: 'Публикации из CSV (источник «import»); отчёт тот же, что для пакета JSON. Тело — файл text/csv.',
  })
  @ApiOkResponse({ type: IngestReportDto })
  @ApiProblems(400, 401, 403, 413, 415)
  ingestCsv(
    @CurrentPrincipal() principal: Principal,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: Buffer,
  ): Promise<IngestReportDto> {
    if (!contentType?.startsWith('text/csv') || !Buffer.isBuffer(body)) {
      throw new CommonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }
    return this.compliance.ingestCsv(body, writerOf(principal));
  }

  @Get('compliance/weeks/:week')
  @Access({ roles: READERS, jurisdiction: { query: 'jurisdiction' } })
  @ApiWeekParam()
  @ApiOperation({
    summary: 'Неделя территории: итоги по недельному минимуму',
    description:
      'Итоги по всем организациям и страницам территории относительно недельного минимума и один экран организаций (по названию, можно отобрать по статусу).',
  })
  @ApiOkResponse({ type: WeekReportDto })
  @ApiProblems(400, 401, 403, 404)
  week(@Param('week') week: string, @Query() query: WeekQueryDto): Promise<WeekReportDto> {
    parseIsoWeek(week, 'week');
    return this.compliance.week(query.jurisdiction, week, {
      offset: query.offset ?? 0,
      limit: query.limit ?? WEEK_SCREEN_DEFAULT,
      status: query.status,
    });
  }

  @Get('compliance/organizations/:id')
  @Access({ roles: [...READERS, Role.Editor], organization: { param: 'id' } })
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Недельный минимум организации по неделям',
    description: 'Выполнение недельного минимума организацией по неделям (не более 104 недель).',
  })
  @ApiOkResponse({ type: TrendReportDto })
  @ApiProblems(400, 401, 403, 404)
  trend(@Param('id', UuidPipe) id: string, @Query() query: TrendQueryDto): Promise<TrendReportDto> {
    parseIsoWeek(query.from, 'from');
    parseIsoWeek(query.to, 'to');
    return this.compliance.organizationTrend(id, query.from, query.to);
  }

  @Get('compliance/findings')
  @Access({
    roles: [...READERS, Role.Editor],
    jurisdiction: { query: 'jurisdiction' },
    organization: { query: 'organization' },
  })
  @ApiOperation({
    summary: 'Найденные нарушения со ссылками на пункты',
    description:
      'Нарушения и рекомендации, новые сначала, постраничный вывод по курсору; редактор видит только свои организации.',
  })
  @ApiOkResponse({ type: FindingListDto })
  @ApiProblems(400, 401, 403)
  findings(@CurrentPrincipal() principal: Principal, @Query() query: FindingsQueryDto): Promise<FindingListDto> {
    return this.compliance.findings(
      {
        jurisdiction: query.jurisdiction,
        organizationId: query.organization,
        kind: query.kind,
        status: query.status,
        cursor: query.cursor,
        limit: query.limit ?? 100,
      },
      principal,
    ) as unknown as Promise<FindingListDto>;
  }

  @Post('compliance/findings/recompute')
  @HttpCode(200)
  @Access({ roles: [Role.Admin, Role.Coordinator], jurisdiction: { query: 'jurisdiction' } })
  @ApiOperation({
    summary: 'Пересчитать нарушения территории сейчас',
    description:
      'Идемпотентно: открывает новые нарушения и закрывает те, причина которых устранена. Отчёт — сколько найдено, открыто и закрыто.',
  })
  @ApiOkResponse({ type: RecomputeReportDto })
  @ApiProblems(400, 401, 403, 404)
  recompute(@Query() query: RecomputeQueryDto): Promise<RecomputeReportDto> {
    if (query.week) parseIsoWeek(query.week, 'week');
    return this.compliance.recompute(query.jurisdiction, query.week);
  }
}
