import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { BodyLimit, BODY_LIMITS } from '../common/body-limits';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { CommonError, CommonErrorCode } from '../common/errors/common.errors';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { expectedPlanVersion } from './content-plan.errors';
import { ContentPlanService } from './content-plan.service';
import { rolesFor, type PlanAction } from './plan-workflow.rules';
import {
  CopyPlanDto,
  CreateTemplateDto,
  DeclareNoNewsDto,
  ExportQueryDto,
  PlanActionDto,
  PlanDto,
  PlanQueueDto,
  PutPlanItemsDto,
  QueueQueryDto,
  RequestChangesDto,
  TemplateDto,
} from './dto/content-plan.dto';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam, ApiWeekParam } from '../common/openapi/api-params';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IF_MATCH = { name: 'If-Match', required: false, example: '"3"', description: 'Version the action is based on' };
const PLAN_ROUTE = 'organizations/:id/content-plans/:week';
/** Who may take a plan action: the roles of its side (plan-workflow.rules), in the plan's scope. */
const actionAccess = (action: PlanAction) => ({ roles: rolesFor(action), organization: { param: 'id' } });
/** Templates belong to the press office's side, as editing a plan does. */
const ORGANIZATION_SIDE = actionAccess('edit');
const QUEUE_READERS = [Role.Admin, Role.Coordinator, Role.Viewer];

/** The weekly content plan (Khabarovsk Положение 1 p.2.2, 2.6, 3.5, 5–7). */
@ApiTags(API_TAG.contentPlans)
@ApiBearerAuth()
@Controller('api/v1')
export class ContentPlanController {
  constructor(private readonly plans: ContentPlanService) {}

  @Get('content-plans')
  @Access({ roles: QUEUE_READERS, jurisdiction: { query: 'jurisdiction' } })
  @ApiOperation({
    summary: 'Очередь координатора: планы недели по территории',
    description:
      'Контент-планы организаций территории на неделю в порядке срока рассмотрения, с отметками о просрочке.',
  })
  @ApiOkResponse({ type: PlanQueueDto })
  @ApiProblems(400, 401, 403, 404, 422)
  queue(@Query() query: QueueQueryDto): Promise<PlanQueueDto> {
    return this.plans.queue(query.jurisdiction, query.week, query.status);
  }

  @Get('content-plans/export.csv')
  @Access({ roles: QUEUE_READERS, jurisdiction: { query: 'jurisdiction' } })
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Согласованные планы недели в CSV',
    description:
      'Выгрузка согласованных контент-планов территории за неделю: UTF-8 с BOM, разделитель «;» (Excel открывает файл как есть).',
  })
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string', example: 'Организация;Неделя;Дата;…' } })
  @ApiProblems(400, 401, 403, 404, 422)
  async exportCsv(@Query() query: ExportQueryDto, @Res() reply: FastifyReply) {
    const csv = await this.plans.exportCsv(query.jurisdiction, query.week);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="content-plans-${query.jurisdiction}-${query.week}.csv"`)
      .send(csv);
  }

  @Get('content-plans/export.xlsx')
  @Access({ roles: QUEUE_READERS, jurisdiction: { query: 'jurisdiction' } })
  @ApiProduces(XLSX_MIME)
  @ApiOperation({
    summary: 'Согласованные планы недели в XLSX',
    description: 'Выгрузка согласованных контент-планов территории за неделю в книге Excel.',
  })
  @ApiOkResponse({ description: 'XLSX file', schema: { type: 'string', format: 'binary', example: '(binary XLSX)' } })
  @ApiProblems(400, 401, 403, 404, 422)
  async exportXlsx(@Query() query: ExportQueryDto, @Res() reply: FastifyReply) {
    const xlsx = await this.plans.exportXlsx(query.jurisdiction, query.week);
    await reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="content-plans-${query.jurisdiction}-${query.week}.xlsx"`)
      .send(xlsx);
  }

  @Get(PLAN_ROUTE)
  @Access({ organization: { param: 'id' } })
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiOperation({
    summary: 'Контент-план организации на неделю',
    description:
      'План с пунктами, сроками (со смещением местного времени), отметками об опоздании, выполнением недельного минимума, историей и доступными действиями. Версия в заголовке ETag.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async get(
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    return withEtag(reply, await this.plans.get(principal, id, week));
  }

  @Put(PLAN_ROUTE)
  @BodyLimit(BODY_LIMITS.plan)
  @Access(actionAccess('edit'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Заменить пункты контент-плана',
    description:
      'Заменяет пункты черновика (создаёт его, если плана нет) или плана с рекомендациями (п.7). Нужна версия в заголовке If-Match для существующего плана: без неё — 428, при устаревшей — 409.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async putItems(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PutPlanItemsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    return withEtag(
      reply,
      await this.plans.putItems(principal, id, week, body, optionalVersion(ifMatch, body.version)),
    );
  }

  @Post(`${PLAN_ROUTE}/submit`)
  @HttpCode(200)
  @Access(actionAccess('submit'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Представить план координатору',
    description:
      'Черновик переходит в «представлен», план с рекомендациями — в «представлен повторно». Нужна версия в заголовке If-Match.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PlanActionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    const version = expectedPlanVersion(ifMatch, body.version);
    return withEtag(reply, await this.plans.submit(principal, id, week, version, body.comment));
  }

  @Post(`${PLAN_ROUTE}/approve`)
  @HttpCode(200)
  @Access(actionAccess('approve'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Согласовать представленный план',
    description:
      'Координатор согласует план (п.7). Повторное согласование той же версии — 409. Нужна версия в заголовке If-Match.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PlanActionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    const version = expectedPlanVersion(ifMatch, body.version);
    return withEtag(reply, await this.plans.approve(principal, id, week, version, body.comment));
  }

  @Post(`${PLAN_ROUTE}/request-changes`)
  @HttpCode(200)
  @Access(actionAccess('request_changes'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Вернуть план с рекомендациями',
    description: 'Рекомендации ко всему плану и (или) к отдельным пунктам (п.7). Нужна версия в заголовке If-Match.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async requestChanges(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: RequestChangesDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    const version = expectedPlanVersion(ifMatch, body.version);
    return withEtag(reply, await this.plans.requestChanges(principal, id, week, version, body));
  }

  @Post(`${PLAN_ROUTE}/declare-no-news`)
  @HttpCode(200)
  @Access(actionAccess('declare_no_news'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Сообщить об отсутствии информационных поводов',
    description:
      'На этой неделе нет информационных поводов; заменяет план (п.5, последний абзац). Нужна версия в заголовке If-Match для существующего плана.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async declareNoNews(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: DeclareNoNewsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    const version = optionalVersion(ifMatch, body.version);
    return withEtag(reply, await this.plans.declareNoNews(principal, id, week, body.reason, version));
  }

  @Post(`${PLAN_ROUTE}/copy-previous`)
  @HttpCode(200)
  @Access(actionAccess('edit'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Скопировать план прошлой недели',
    description: 'Черновик этой недели из плана предыдущей; даты сдвигаются на 7 дней.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async copyPrevious(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CopyPlanDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    return withEtag(reply, await this.plans.copyPrevious(principal, id, week, optionalVersion(ifMatch, body?.version)));
  }

  @Post(`${PLAN_ROUTE}/apply-templates`)
  @HttpCode(200)
  @Access(actionAccess('edit'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Добавить повторяющиеся события недели',
    description: 'Добавляет в план пункты по повторяющимся событиям организации, приходящимся на эту неделю.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async applyTemplates(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CopyPlanDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    return withEtag(
      reply,
      await this.plans.applyTemplates(principal, id, week, optionalVersion(ifMatch, body?.version)),
    );
  }

  @Get(`${PLAN_ROUTE}/import-template.xlsx`)
  @Access({ organization: { param: 'id' } })
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiProduces(XLSX_MIME)
  @ApiOperation({
    summary: 'Шаблон XLSX контент-плана недели',
    description: 'Шаблон недели с датами, который заполняет пресс-служба.',
  })
  @ApiOkResponse({ description: 'XLSX file', schema: { type: 'string', format: 'binary', example: '(binary XLSX)' } })
  @ApiProblems(400, 401, 403, 404, 422)
  async importTemplate(@Param('id', UuidPipe) id: string, @Param('week') week: string, @Res() reply: FastifyReply) {
    const xlsx = await this.plans.importTemplate(id, week);
    await reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="content-plan-${week}.xlsx"`)
      .send(xlsx);
  }

  @Post(`${PLAN_ROUTE}/import`)
  @BodyLimit(BODY_LIMITS.bulk)
  @HttpCode(200)
  @Access(actionAccess('edit'))
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiWeekParam()
  @ApiHeader(IF_MATCH)
  @ApiConsumes(XLSX_MIME)
  @ApiBody({
    description: 'The filled template',
    schema: { type: 'string', format: 'binary', example: '(binary XLSX)' },
  })
  @ApiOperation({
    summary: 'Загрузить заполненный шаблон плана',
    description:
      'Заменяет пункты плана: всё или ничего, ошибки — по номерам строк. Тело — файл XLSX. Нужна версия в заголовке If-Match для существующего плана.',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async import(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('week') week: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: Buffer,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlanDto> {
    if (!contentType?.startsWith(XLSX_MIME) || !Buffer.isBuffer(body)) {
      throw new CommonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }
    return withEtag(reply, await this.plans.importXlsx(principal, id, week, body, optionalVersion(ifMatch)));
  }

  @Get('organizations/:id/content-plan-templates')
  @Access({ organization: { param: 'id' } })
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Повторяющиеся события организации',
    description: 'Шаблоны пунктов плана: день недели, время, страницы или сети, тема, формат.',
  })
  @ApiOkResponse({ type: [TemplateDto] })
  @ApiProblems(400, 401, 403, 404, 422)
  templates(@Param('id', UuidPipe) id: string): Promise<TemplateDto[]> {
    return this.plans.templates(id);
  }

  @Post('organizations/:id/content-plan-templates')
  @Access(ORGANIZATION_SIDE)
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Добавить повторяющееся событие',
    description: 'День недели, время, страницы или сети, тема и формат пункта плана.',
  })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiProblems(400, 401, 403, 404, 422)
  createTemplate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() body: CreateTemplateDto,
  ): Promise<TemplateDto> {
    return this.plans.createTemplate(principal, id, body);
  }

  @Delete('organizations/:id/content-plan-templates/:templateId')
  @HttpCode(204)
  @Access(ORGANIZATION_SIDE)
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiUuidParam('templateId', 'Идентификатор повторяющегося события', '8e9f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b')
  @ApiOperation({
    summary: 'Вывести повторяющееся событие из употребления',
    description: 'Событие больше не предлагается; пункты планов, созданные по нему, сохраняются.',
  })
  @ApiNoContentResponse({ description: 'Retired' })
  @ApiProblems(400, 401, 403, 404, 422)
  async archiveTemplate(
    @Param('id', UuidPipe) id: string,
    @Param('templateId', UuidPipe) templateId: string,
  ): Promise<void> {
    await this.plans.archiveTemplate(id, templateId);
  }
}

function withEtag(reply: FastifyReply, plan: PlanDto): PlanDto {
  void reply.header('etag', `"${plan.version}"`);
  return plan;
}

/** A version when one is given; creating a plan needs none. */
function optionalVersion(ifMatch: string | undefined, bodyVersion?: number): number | undefined {
  return ifMatch === undefined && bodyVersion === undefined ? undefined : expectedPlanVersion(ifMatch, bodyVersion);
}
