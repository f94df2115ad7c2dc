import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { CreateOrganizationDto, ListOrganizationsQueryDto, OrganizationDto } from './dto/organization.dto';
import { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Access({ roles: [Role.Admin, Role.Coordinator], jurisdiction: { body: 'jurisdiction' } })
  @ApiOperation({ summary: 'Add an organization (admin, or coordinator of its jurisdiction)' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 422)
  async create(@Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'Organizations the caller may see, optionally in one jurisdiction' })
  @ApiOkResponse({ type: [OrganizationDto] })
  @ApiProblems(400, 401)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListOrganizationsQueryDto,
  ): Promise<OrganizationDto[]> {
    return (await this.organizations.list(principal, query.jurisdiction)).map(toOrganizationDto);
  }

  @Get(':organizationId')
  @Access({ organization: { param: 'organizationId' } })
  @ApiOperation({ summary: 'One organization (editors only their own; coordinators in their jurisdictions)' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Param('organizationId', UuidPipe) id: string): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.get(id));
  }
}

function toOrganizationDto(o: Organization): OrganizationDto {
  return {
    id: o.id,
    jurisdiction: o.jurisdictionCode,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    website: o.website,
    createdAt: o.createdAt.toISOString(),
  };
}
