import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { CalendarService } from '../calendar/calendar.service';
import { formatInstant, formatOptionalInstant } from '../calendar/working-time';
import { ActorDirectory } from '../common/actors/actor-directory';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import {
  CloseOrganizationDto,
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  OrganizationDetailDto,
  OrganizationDto,
  OrganizationEventDto,
  OrganizationListDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';
import { etagOf, expectedVersion } from './versioning';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

const IF_MATCH = { name: 'If-Match', required: false, example: '"3"', description: 'Version the change is based on' };

@ApiTags(API_TAG.organizations)
@ApiBearerAuth()
@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly calendar: CalendarService,
    private readonly actors: ActorDirectory,
  ) {}

  /** An organization as answered: its instants in its jurisdiction's offset. */
  private async present(organization: Organization): Promise<OrganizationDto> {
    return toOrganizationDto(organization, (await this.calendar.timeZones()).get(organization.jurisdictionCode)!);
  }

  @Post()
  @Access({ roles: [Role.Admin, Role.Coordinator], jurisdiction: { body: 'jurisdiction' } })
  @ApiOperation({
    summary: 'Добавить организацию',
    description:
      'Администратор или координатор территории организации. Вышестоящая организация должна быть той же территории; событие создания записывается в историю.',
  })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 422)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateOrganizationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationDto> {
    const organization = await this.organizations.create(principal, body);
    void reply.header('etag', etagOf(organization.version));
    return this.present(organization);
  }

  @Get()
  @ApiOperation({
    summary: 'Организации, доступные пользователю',
    description:
      'Фильтры по территории, виду, статусу и вышестоящей организации (с подчинёнными), поиск по названию; постраничный вывод по курсору. Редактор видит только свои организации.',
  })
  @ApiOkResponse({ type: OrganizationListDto })
  @ApiProblems(400, 401)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListOrganizationsQueryDto,
  ): Promise<OrganizationListDto> {
    const { items, nextCursor } = await this.organizations.list(principal, query);
    const zones = await this.calendar.timeZones();
    return { items: items.map((o) => toOrganizationDto(o, zones.get(o.jurisdictionCode)!)), nextCursor };
  }

  @Get(':organizationId')
  @Access({ organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Организация с цепочкой вышестоящих',
    description:
      'Организация, её вышестоящие организации и версия (заголовок ETag). Редактор — только свои организации, координатор — своих территорий.',
  })
  @ApiOkResponse({ type: OrganizationDetailDto })
  @ApiProblems(400, 401, 403, 404)
  async get(
    @Param('organizationId', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationDetailDto> {
    const { organization, parents } = await this.organizations.get(id);
    void reply.header('etag', etagOf(organization.version));
    return {
      ...(await this.present(organization)),
      parents: parents.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    };
  }

  @Patch(':organizationId')
  @Access({ roles: [Role.Admin, Role.Coordinator, Role.Editor], organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Изменить организацию',
    description:
      'Нужна версия: заголовок If-Match или поле version; без неё — 428, при устаревшей — 409. Редактор меняет только сайт, ИНН и ОГРН своих организаций. Переименование записывается в историю и создаёт обязанности по отчётности.',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateOrganizationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationDto> {
    const version = expectedVersion(ifMatch, body.version);
    const organization = await this.organizations.update(principal, id, body, version);
    void reply.header('etag', etagOf(organization.version));
    return this.present(organization);
  }

  @Post(':organizationId/closure')
  @HttpCode(200)
  @Access({ roles: [Role.Admin, Role.Coordinator], organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Закрыть организацию (ликвидация, слияние)',
    description:
      'Организация помечается закрытой с даты; запись сохраняется для истории. Администратор или координатор её территории.',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async close(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: CloseOrganizationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationDto> {
    const version = ifMatch || body.version !== undefined ? expectedVersion(ifMatch, body.version) : undefined;
    const organization = await this.organizations.close(principal, id, body, version);
    void reply.header('etag', etagOf(organization.version));
    return this.present(organization);
  }

  @Get(':organizationId/history')
  @Access({ organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'История организации',
    description:
      'События реестра по организации, старые сначала, с обязанностями по отчётности, которые создало каждое событие.',
  })
  @ApiOkResponse({ type: [OrganizationEventDto] })
  @ApiProblems(400, 401, 403, 404)
  async history(@Param('organizationId', UuidPipe) id: string): Promise<OrganizationEventDto[]> {
    const { timeZone, entries } = await this.organizations.history(id);
    const actors = await this.actors.resolve(entries.map(({ event }) => event.recordedBy));
    return entries.map(({ event, obligations }) => ({
      id: event.id,
      type: event.type,
      occurredOn: event.occurredOn,
      recordedAt: formatInstant(event.recordedAt, timeZone),
      recordedBy: event.recordedBy,
      actor: actors.of(event.recordedBy),
      pageId: event.pageId,
      officialId: event.officialId,
      data: event.data,
      obligations: obligations.map((o) => ({
        id: o.id,
        ruleCode: o.ruleCode,
        duty: o.duty,
        recipient: o.recipient,
        workingDays: o.workingDays,
        citation: o.citation,
        dueAt: formatInstant(o.dueAt, timeZone),
        fulfilledAt: formatOptionalInstant(o.fulfilledAt, timeZone),
      })),
    }));
  }
}

export function toOrganizationDto(o: Organization, timeZone: string): OrganizationDto {
  return {
    id: o.id,
    jurisdiction: o.jurisdictionCode,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    website: o.website,
    inn: o.inn,
    ogrn: o.ogrn,
    status: o.closedOn ? 'closed' : 'active',
    closedOn: o.closedOn,
    version: o.version,
    createdAt: formatInstant(o.createdAt, timeZone),
  };
}
