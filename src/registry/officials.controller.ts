import { Body, Controller, Get, Headers, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { formatInstant } from '../calendar/working-time';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { CreateOfficialDto, OfficialDto, UpdateOfficialDto } from './dto/official.dto';
import { Official } from './official.entity';
import { mayReadContacts } from './official.rules';
import { OfficialsService } from './officials.service';
import { etagOf, expectedVersion } from './versioning';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

const WRITERS = [Role.Admin, Role.Coordinator, Role.Editor];

@ApiTags(API_TAG.officials)
@ApiBearerAuth()
@Controller('api/v1/organizations/:organizationId/officials')
export class OfficialsController {
  constructor(private readonly officials: OfficialsService) {}

  @Post()
  @Access({ roles: WRITERS, organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Назначить ответственное лицо',
    description:
      'Ответственный не ниже должности, установленной нормативом территории, и авторизован через ЕСИА, если норматив этого требует; изменения, о которых нужно сообщать, создают обязанности по отчётности.',
  })
  @ApiCreatedResponse({ type: OfficialDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) organizationId: string,
    @Body() body: CreateOfficialDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OfficialDto> {
    const official = await this.officials.create(principal, organizationId, body);
    void reply.header('etag', etagOf(official.version));
    return toOfficialDto(official, principal, await this.officials.timeZoneOf(organizationId));
  }

  @Get()
  @Access({ organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Ответственные лица организации',
    description: 'Рабочие контакты видят только администратор, координатор и редакторы этой организации.',
  })
  @ApiOkResponse({ type: [OfficialDto] })
  @ApiProblems(400, 401, 403, 404)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) organizationId: string,
  ): Promise<OfficialDto[]> {
    const officials = await this.officials.list(organizationId);
    const timeZone = await this.officials.timeZoneOf(organizationId);
    return officials.map((o) => toOfficialDto(o, principal, timeZone));
  }

  @Get(':officialId')
  @Access({ organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiUuidParam('officialId', 'Идентификатор ответственного лица', '5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d')
  @ApiOperation({
    summary: 'Ответственное лицо',
    description: 'Одно ответственное лицо с версией (заголовок ETag).',
  })
  @ApiOkResponse({ type: OfficialDto })
  @ApiProblems(400, 401, 403, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) organizationId: string,
    @Param('officialId', UuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OfficialDto> {
    const official = await this.officials.get(organizationId, id);
    void reply.header('etag', etagOf(official.version));
    return toOfficialDto(official, principal, await this.officials.timeZoneOf(organizationId));
  }

  @Patch(':officialId')
  @Access({ roles: WRITERS, organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiUuidParam('officialId', 'Идентификатор ответственного лица', '5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d')
  @ApiHeader({ name: 'If-Match', required: false, example: '"1"', description: 'Version the change is based on' })
  @ApiOperation({
    summary: 'Изменить ответственное лицо',
    description:
      'Нужна версия: заголовок If-Match или поле version; без неё — 428, при устаревшей — 409. Те же правила, что при назначении.',
  })
  @ApiOkResponse({ type: OfficialDto })
  @ApiProblems(400, 401, 403, 404, 409, 422, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) organizationId: string,
    @Param('officialId', UuidPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateOfficialDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OfficialDto> {
    const version = expectedVersion(ifMatch, body.version);
    const official = await this.officials.update(principal, organizationId, id, body, version);
    void reply.header('etag', etagOf(official.version));
    return toOfficialDto(official, principal, await this.officials.timeZoneOf(organizationId));
  }
}

function toOfficialDto(o: Official, principal: Principal, timeZone: string): OfficialDto {
  return {
    id: o.id,
    organizationId: o.organizationId,
    fullName: o.fullName,
    position: o.position,
    rank: o.rank,
    roles: o.roles,
    ...(mayReadContacts(principal.role) && { workEmail: o.workEmail, workPhone: o.workPhone }),
    esiaConfirmedOn: o.esiaConfirmedOn,
    activeFrom: o.activeFrom,
    activeTo: o.activeTo,
    version: o.version,
    createdAt: formatInstant(o.createdAt, timeZone),
  };
}
