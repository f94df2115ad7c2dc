import { Body, Controller, Get, Headers, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Public } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { PolicyChangeDto, PolicyDto, UpdatePolicyDto } from './dto/policy.dto';
import { JurisdictionPolicyRecord } from './jurisdiction-policy.entity';
import { PolicyService } from './policy.service';
import { CalendarService } from '../calendar/calendar.service';
import { formatClockTime, formatInstant } from '../calendar/working-time';
import { ActorDirectory } from '../common/actors/actor-directory';
import { etagOf, expectedVersion } from './versioning';

const JURISDICTION = { name: 'jurisdiction', example: 'blagodarny-mo' };

@ApiTags('policies')
@Controller('api/v1/jurisdictions/:jurisdiction/policy')
export class PolicyController {
  constructor(
    private readonly policies: PolicyService,
    private readonly calendar: CalendarService,
    private readonly actors: ActorDirectory,
  ) {}

  @Public()
  @Get()
  @ApiParam(JURISDICTION)
  @ApiOperation({
    summary: "A jurisdiction's rules (networks, quotas, reporting deadlines, content plan…) with citations",
  })
  @ApiOkResponse({ type: PolicyDto })
  @ApiProblems(404)
  async get(
    @Param('jurisdiction') jurisdiction: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyDto> {
    const record = await this.policies.get(jurisdiction);
    void reply.header('etag', etagOf(record.version));
    return this.toPolicyDto(record);
  }

  @Put()
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin] })
  @ApiParam(JURISDICTION)
  @ApiHeader({ name: 'If-Match', required: false, example: '"3"', description: 'Version the edit is based on' })
  @ApiOperation({ summary: 'Replace the policy (admin); the previous one is kept in the history' })
  @ApiOkResponse({ type: PolicyDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('jurisdiction') jurisdiction: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdatePolicyDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PolicyDto> {
    const record = await this.policies.update(
      jurisdiction,
      body.policy,
      expectedVersion(ifMatch, body.version),
      principal.userId,
      body.comment,
    );
    void reply.header('etag', etagOf(record.version));
    return this.toPolicyDto(record);
  }

  @Get('history')
  @ApiBearerAuth()
  @Access({ roles: [Role.Admin, Role.Coordinator, Role.Viewer] })
  @ApiParam(JURISDICTION)
  @ApiOperation({ summary: 'Edits of the policy, newest first' })
  @ApiOkResponse({ type: [PolicyChangeDto] })
  @ApiProblems(401, 403)
  async history(@Param('jurisdiction') jurisdiction: string): Promise<PolicyChangeDto[]> {
    const changes = await this.policies.history(jurisdiction);
    // (no changes of a jurisdiction that does not exist: the zone is then never asked for)
    const timeZone = (await this.calendar.timeZones()).get(jurisdiction) ?? null;
    const actors = await this.actors.resolve(changes.map((c) => c.changedBy));
    return changes.map((c) => ({
      id: c.id,
      changedAt: formatInstant(c.changedAt, timeZone),
      changedBy: c.changedBy,
      actor: actors.of(c.changedBy),
      before: c.before,
      after: c.after,
      comment: c.comment,
    }));
  }

  private async toPolicyDto(record: JurisdictionPolicyRecord): Promise<PolicyDto> {
    const clock = await this.calendar.jurisdiction(record.jurisdictionCode);
    return {
      jurisdiction: record.jurisdictionCode,
      version: record.version,
      policy: record.policy,
      timeZone: clock.timeZone,
      closeOfBusiness: formatClockTime(clock.closeOfBusiness),
      updatedAt: formatInstant(record.updatedAt, clock.timeZone),
    };
  }
}
