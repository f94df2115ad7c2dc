import { Body, Controller, Get, Headers, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
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

const ORGANIZATION_PARAM = { name: 'organizationId', example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' };
const OFFICIAL_PARAM = { name: 'officialId', example: '5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d' };
const WRITERS = [Role.Admin, Role.Coordinator, Role.Editor];

@ApiTags('officials')
@ApiBearerAuth()
@Controller('api/v1/organizations/:organizationId/officials')
export class OfficialsController {
  constructor(private readonly officials: OfficialsService) {}

  @Post()
  @Access({ roles: WRITERS, organization: { param: 'organizationId' } })
  @ApiParam(ORGANIZATION_PARAM)
  @ApiOperation({
    summary:
      'Assign an official (responsible not below the policy rank, authorized with ESIA); reportable changes create obligations',
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
  @ApiParam(ORGANIZATION_PARAM)
  @ApiOperation({
    summary: "The organization's officials; work contacts only for admins, coordinators and its editors",
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
  @ApiParam(ORGANIZATION_PARAM)
  @ApiParam(OFFICIAL_PARAM)
  @ApiOperation({ summary: 'One official with its version (ETag)' })
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
  @ApiParam(ORGANIZATION_PARAM)
  @ApiParam(OFFICIAL_PARAM)
  @ApiHeader({ name: 'If-Match', required: false, example: '"1"', description: 'Version the change is based on' })
  @ApiOperation({ summary: 'Change an official (If-Match or version required); same rules as assigning' })
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
