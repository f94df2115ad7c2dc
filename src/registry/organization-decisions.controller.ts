import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { formatInstant } from '../calendar/working-time';
import { ActorDirectory, type Actors } from '../common/actors/actor-directory';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import {
  CreateExemptionDto,
  CreateFrequencyDecisionDto,
  ExemptionDto,
  FrequencyDecisionDto,
} from './dto/organization-decision.dto';
import type { EventObligationDto } from './dto/organization.dto';
import { ReportingObligation } from './obligation.entity';
import { OrganizationExemption, PostingFrequencyDecision } from './organization-decision.entity';
import { OrganizationDecisionsService } from './organization-decisions.service';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

const DECIDERS = [Role.Admin, Role.Coordinator];

@ApiTags(API_TAG.organizationDecisions)
@ApiBearerAuth()
@Controller('api/v1/organizations/:organizationId')
export class OrganizationDecisionsController {
  constructor(
    private readonly decisions: OrganizationDecisionsService,
    private readonly actors: ActorDirectory,
  ) {}

  @Post('exemptions')
  @Access({ roles: DECIDERS, organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Записать решение об освобождении от ведения страниц',
    description:
      'Решение, по которому организация может не вести официальные страницы (Благодарненский МО, Порядок п.4). Администратор или координатор.',
  })
  @ApiCreatedResponse({ type: ExemptionDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async addExemption(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) organizationId: string,
    @Body() body: CreateExemptionDto,
  ): Promise<ExemptionDto> {
    const { decision, obligations, timeZone } = await this.decisions.addExemption(principal, organizationId, body);
    const actors = await this.actors.resolve([decision.recordedBy]);
    return {
      ...toExemptionDto(decision, timeZone, actors),
      obligations: obligations.map((o) => toObligation(o, timeZone)),
    };
  }

  @Get('exemptions')
  @Access({ organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Решения об освобождении',
    description: 'Решения об освобождении организации от ведения страниц, старые сначала.',
  })
  @ApiOkResponse({ type: [ExemptionDto] })
  @ApiProblems(400, 401, 403, 404)
  async exemptions(@Param('organizationId', UuidPipe) organizationId: string): Promise<ExemptionDto[]> {
    const { decisions, timeZone } = await this.decisions.exemptions(organizationId);
    const actors = await this.actors.resolve(decisions.map((d) => d.recordedBy));
    return decisions.map((d) => toExemptionDto(d, timeZone, actors));
  }

  @Post('posting-frequency-decisions')
  @Access({ roles: DECIDERS, organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Записать решение об иной частоте публикаций',
    description:
      'Иной недельный минимум публикаций для организации (Благодарненский МО, Порядок п.4); создаёт обязанность довести решение до организации. Администратор или координатор.',
  })
  @ApiCreatedResponse({ type: FrequencyDecisionDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async addFrequencyDecision(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) organizationId: string,
    @Body() body: CreateFrequencyDecisionDto,
  ): Promise<FrequencyDecisionDto> {
    const { decision, obligations, timeZone } = await this.decisions.addFrequencyDecision(
      principal,
      organizationId,
      body,
    );
    const actors = await this.actors.resolve([decision.recordedBy]);
    return {
      ...toFrequencyDecisionDto(decision, timeZone, actors),
      obligations: obligations.map((o) => toObligation(o, timeZone)),
    };
  }

  @Get('posting-frequency-decisions')
  @Access({ organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiOperation({
    summary: 'Решения об иной частоте публикаций',
    description: 'Решения об иной частоте публикаций организации, старые сначала.',
  })
  @ApiOkResponse({ type: [FrequencyDecisionDto] })
  @ApiProblems(400, 401, 403, 404)
  async frequencyDecisions(@Param('organizationId', UuidPipe) organizationId: string): Promise<FrequencyDecisionDto[]> {
    const { decisions, timeZone } = await this.decisions.frequencyDecisions(organizationId);
    const actors = await this.actors.resolve(decisions.map((d) => d.recordedBy));
    return decisions.map((d) => toFrequencyDecisionDto(d, timeZone, actors));
  }
}

function common(d: OrganizationExemption | PostingFrequencyDecision, timeZone: string, actors: Actors) {
  return {
    id: d.id,
    organizationId: d.organizationId,
    decisionNumber: d.decisionNumber,
    decisionDate: d.decisionDate,
    clause: d.clause,
    validFrom: d.validFrom,
    validTo: d.validTo,
    recordedBy: d.recordedBy,
    actor: actors.of(d.recordedBy),
    recordedAt: formatInstant(d.recordedAt, timeZone),
  };
}

function toExemptionDto(d: OrganizationExemption, timeZone: string, actors: Actors): ExemptionDto {
  return { ...common(d, timeZone, actors), agreedBy: d.agreedBy };
}

function toFrequencyDecisionDto(d: PostingFrequencyDecision, timeZone: string, actors: Actors): FrequencyDecisionDto {
  return { ...common(d, timeZone, actors), minimumPerWeek: d.minimumPerWeek, decidedBy: d.decidedBy };
}

function toObligation(o: ReportingObligation, timeZone: string): EventObligationDto {
  return {
    id: o.id,
    ruleCode: o.ruleCode,
    duty: o.duty,
    recipient: o.recipient,
    workingDays: o.workingDays,
    citation: o.citation,
    dueAt: formatInstant(o.dueAt, timeZone),
    fulfilledAt: null,
  };
}
