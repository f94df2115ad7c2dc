import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Headers,
  HttpCode,
  Injectable,
  NestInterceptor,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { formatInstant } from '../calendar/working-time';
import { ActorDirectory } from '../common/actors/actor-directory';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import {
  CreatePageDto,
  ListPagesQueryDto,
  PageDeletionDto,
  PageDto,
  PageEventDto,
  PageListDto,
  PageMetricDto,
  PageObligationDto,
  PageWithObligationsDto,
  RecordPageMetricDto,
  UpdatePageDto,
} from './dto/page.dto';
import { ReportingObligation } from './obligation.entity';
import { PageMetricSnapshot } from './page.entity';
import { credentialPaths } from './page.rules';
import { PageChange, PagesService, PageView } from './pages.service';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { etagOf, expectedVersion } from './versioning';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

const IF_MATCH = { name: 'If-Match', required: false, example: '"3"', description: 'Version the change is based on' };
const WRITERS = [Role.Admin, Role.Coordinator, Role.Editor];

/**
 * The registry never takes logins, passwords or tokens of pages (DOMAIN.md §1). Runs before the
 * validation pipe, so such a request is refused for what it is, not as an unknown field, and
 * nothing of it is stored or echoed.
 */
@Injectable()
export class RefuseCredentialsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const paths = credentialPaths(context.switchToHttp().getRequest<FastifyRequest>().body);
    if (paths.length) {
      throw new RegistryError(
        RegistryErrorCode.PAGE_CREDENTIALS_REFUSED,
        {},
        paths.map((field) => ({ field, message: 'логины, пароли и токены страниц в реестр не передаются' })),
      );
    }
    return next.handle();
  }
}

@ApiTags(API_TAG.pages)
@ApiBearerAuth()
@Controller('api/v1/pages')
export class PagesController {
  constructor(
    private readonly pages: PagesService,
    private readonly calendar: CalendarService,
    private readonly actors: ActorDirectory,
  ) {}

  @Post()
  @Access({ roles: WRITERS, organization: { body: 'organizationId' } })
  @UseInterceptors(RefuseCredentialsInterceptor)
  @ApiOperation({
    summary: 'Зарегистрировать официальную страницу',
    description:
      'Записывает событие создания страницы и обязанности сообщить о ней по нормативу территории. Сеть должна быть разрешена нормативом; вторая живая страница той же сети у организации — 409.',
  })
  @ApiCreatedResponse({ type: PageWithObligationsDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreatePageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageWithObligationsDto> {
    return toChangeDto(await this.pages.create(principal, body), principal, reply);
  }

  @Get()
  @ApiOperation({
    summary: 'Официальные страницы, доступные пользователю',
    description:
      'Фильтры, сортировка и постраничный вывод по курсору. Редактор видит страницы своих организаций, координатор — своих территорий.',
  })
  @ApiOkResponse({ type: PageListDto })
  @ApiProblems(400, 401)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListPagesQueryDto): Promise<PageListDto> {
    const { items, nextCursor } = await this.pages.list(principal, query);
    const zones = await this.calendar.timeZones();
    return { items: items.map((view) => toPageDto(view, principal, zones.get(view.jurisdiction)!)), nextCursor };
  }

  @Get(':pageId')
  @Access({ page: { param: 'pageId' } })
  @ApiUuidParam('pageId', 'Идентификатор официальной страницы', '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d')
  @ApiOperation({
    summary: 'Официальная страница',
    description:
      'Одна страница с версией (заголовок ETag). Редактор — только своих организаций, координатор — своих территорий.',
  })
  @ApiOkResponse({ type: PageDto })
  @ApiProblems(400, 401, 403, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('pageId', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageDto> {
    const view = await this.pages.get(id);
    void reply.header('etag', etagOf(view.page.version));
    return toPageDto(view, principal, (await this.calendar.jurisdiction(view.jurisdiction)).timeZone);
  }

  @Patch(':pageId')
  @Access({ roles: WRITERS, page: { param: 'pageId' } })
  @UseInterceptors(RefuseCredentialsInterceptor)
  @ApiUuidParam('pageId', 'Идентификатор официальной страницы', '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Изменить официальную страницу',
    description:
      'Нужна версия: заголовок If-Match или поле version; без неё — 428, при устаревшей — 409. Каждое изменение записывается событием со значениями до и после и создаёт обязанности по отчётности.',
  })
  @ApiOkResponse({ type: PageWithObligationsDto })
  @ApiProblems(400, 401, 403, 404, 409, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('pageId', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdatePageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageWithObligationsDto> {
    const change = await this.pages.update(principal, id, expectedVersion(ifMatch, body.version), body);
    return toChangeDto(change, principal, reply);
  }

  @Post(':pageId/deletion')
  @HttpCode(200)
  @Access({ roles: WRITERS, page: { param: 'pageId' } })
  @UseInterceptors(RefuseCredentialsInterceptor)
  @ApiUuidParam('pageId', 'Идентификатор официальной страницы', '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Отметить страницу удалённой',
    description:
      'Страница помечается удалённой с указанной даты; записывается событие удаления и обязанности сообщить о нём.',
  })
  @ApiOkResponse({ type: PageWithObligationsDto })
  @ApiProblems(400, 401, 403, 404, 409, 428)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param('pageId', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: PageDeletionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PageWithObligationsDto> {
    // A version is optional here: the deletion is decided under a row lock and cannot be repeated.
    const expected =
      ifMatch !== undefined || body.version !== undefined ? expectedVersion(ifMatch, body.version) : undefined;
    return toChangeDto(await this.pages.delete(principal, id, body, expected), principal, reply);
  }

  @Get(':pageId/history')
  @Access({ page: { param: 'pageId' } })
  @ApiUuidParam('pageId', 'Идентификатор официальной страницы', '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d')
  @ApiOperation({
    summary: 'История страницы',
    description: 'События реестра по странице, старые сначала, с обязанностями, которые создало каждое событие.',
  })
  @ApiOkResponse({ type: [PageEventDto] })
  @ApiProblems(400, 401, 403, 404)
  async history(
    @CurrentPrincipal() principal: Principal,
    @Param('pageId', UuidPipe) id: string,
  ): Promise<PageEventDto[]> {
    const { events, timeZone } = await this.pages.history(id);
    const actors = await this.actors.resolve(events.map(({ event }) => event.recordedBy));
    return events.map(({ event, obligations }) => ({
      id: event.id,
      type: event.type,
      occurredOn: event.occurredOn,
      recordedAt: formatInstant(event.recordedAt, timeZone),
      recordedBy: event.recordedBy,
      actor: actors.of(event.recordedBy),
      data: mayReadServicePhone(principal) ? event.data : withoutServicePhone(event.data),
      obligations: obligations.map((o) => toObligationDto(o, timeZone)),
    }));
  }

  @Post(':pageId/metrics')
  @HttpCode(200)
  @Access({ roles: WRITERS, page: { param: 'pageId' } })
  @UseInterceptors(RefuseCredentialsInterceptor)
  @ApiUuidParam('pageId', 'Идентификатор официальной страницы', '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d')
  @ApiOperation({
    summary: 'Записать подписчиков и недельный охват',
    description:
      'Показатели страницы на дату; повторная запись за тот же день заменяет прежнюю. Дата не позже сегодняшней.',
  })
  @ApiOkResponse({ type: PageMetricDto })
  @ApiProblems(400, 401, 403, 404)
  async recordMetric(@Param('pageId', UuidPipe) id: string, @Body() body: RecordPageMetricDto): Promise<PageMetricDto> {
    return toMetricDto(await this.pages.recordMetric(id, body));
  }

  @Get(':pageId/metrics')
  @Access({ page: { param: 'pageId' } })
  @ApiUuidParam('pageId', 'Идентификатор официальной страницы', '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d')
  @ApiOperation({
    summary: 'Подписчики и недельный охват страницы',
    description: 'Показатели страницы по датам, старые сначала.',
  })
  @ApiOkResponse({ type: [PageMetricDto] })
  @ApiProblems(400, 401, 403, 404)
  async metrics(@Param('pageId', UuidPipe) id: string): Promise<PageMetricDto[]> {
    return (await this.pages.metrics(id)).map(toMetricDto);
  }
}

/** Krasnodar 413 Порядок p.2: the service phone is for the coordinating body, not the public or other orgs. */
function mayReadServicePhone(principal: Principal): boolean {
  return principal.role === Role.Admin || principal.role === Role.Coordinator;
}

function withoutServicePhone(data: Record<string, unknown>): Record<string, unknown> {
  const strip = (side: unknown) => {
    if (!side || typeof side !== 'object') return side;
    return Object.fromEntries(Object.entries(side).filter(([key]) => key !== 'servicePhone'));
  };
  return {
    ...data,
    ...('before' in data && { before: strip(data.before) }),
    ...('after' in data && { after: strip(data.after) }),
  };
}

function toPageDto(
  { page, jurisdiction, countsAsOfficial, checklistCompleteness }: PageView,
  principal: Principal,
  timeZone: string,
): PageDto {
  return {
    id: page.id,
    organizationId: page.organizationId,
    jurisdiction,
    network: page.network,
    url: page.url,
    handle: page.handle,
    status: page.deletedOn ? 'deleted' : 'live',
    countsAsOfficial,
    createdOn: page.createdOn,
    deletedOn: page.deletedOn,
    gosuslugiMarkOn: page.gosuslugiMarkOn,
    feedbackWidgetOn: page.feedbackWidgetOn,
    commentsOpen: page.commentsOpen,
    ...(mayReadServicePhone(principal) && { servicePhone: page.servicePhone }),
    checklist: page.checklist,
    checklistCompleteness,
    websiteLinkOn: page.websiteLinkOn,
    accessHandedOn: page.accessHandedOn,
    accessHandedTo: page.accessHandedTo,
    version: page.version,
    recordedAt: formatInstant(page.recordedAt, timeZone),
    updatedAt: formatInstant(page.updatedAt, timeZone),
  };
}

function toChangeDto(change: PageChange, principal: Principal, reply: FastifyReply): PageWithObligationsDto {
  void reply.header('etag', etagOf(change.view.page.version));
  return {
    ...toPageDto(change.view, principal, change.timeZone),
    obligations: change.obligations.map((o) => toObligationDto(o, change.timeZone)),
  };
}

function toObligationDto(o: ReportingObligation, timeZone: string): PageObligationDto {
  return {
    id: o.id,
    ruleCode: o.ruleCode,
    duty: o.duty,
    recipient: o.recipient,
    workingDays: o.workingDays,
    dueAt: formatInstant(o.dueAt, timeZone),
    citation: o.citation,
  };
}

function toMetricDto(m: PageMetricSnapshot): PageMetricDto {
  return { measuredOn: m.measuredOn, followers: m.followers, weeklyReach: m.weeklyReach };
}
