import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { BodyLimit, BODY_LIMITS } from '../common/body-limits';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
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

const WRITERS = [Role.Admin, Role.Coordinator, Role.Editor];
const READERS = [Role.Admin, Role.Coordinator, Role.Viewer];

/** Publications that went out, weekly quotas (DOMAIN.md §3) and findings with their clauses. */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('api/v1')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Post('publications')
  @BodyLimit(BODY_LIMITS.bulk)
  @HttpCode(200)
  @Access({ roles: WRITERS })
  @ApiOperation({
    summary: 'Record publications (up to 10 000): idempotent on page + external id or URL; bad rows reported by index',
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
  @ApiOperation({ summary: 'Record publications from a CSV file (source «import»); the same report as the JSON batch' })
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
  @ApiParam({ name: 'week', example: '2026-W25', description: 'ISO week, Monday–Sunday local time' })
  @ApiOperation({
    summary:
      "A jurisdiction's week: totals over every organization and page against its weekly minimum, and one screen of organizations (name order, optionally one status)",
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
  @ApiParam({ name: 'id', example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  @ApiOperation({ summary: "One organization's weekly quota by week (at most 104 weeks)" })
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
  @ApiOperation({ summary: 'Findings with their clauses, newest first; editors see their organizations only' })
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
    summary: "Recompute a jurisdiction's findings now (idempotent): opens new causes, resolves the ones that are gone",
  })
  @ApiOkResponse({ type: RecomputeReportDto })
  @ApiProblems(400, 401, 403, 404)
  recompute(@Query() query: RecomputeQueryDto): Promise<RecomputeReportDto> {
    if (query.week) parseIsoWeek(query.week, 'week');
    return this.compliance.recompute(query.jurisdiction, query.week);
  }
}
