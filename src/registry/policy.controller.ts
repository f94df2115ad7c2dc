import { Body, Controller, Get, Headers, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { API_TAG } from '../common/openapi/api-tags';
import { ApiJurisdictionParam } from '../common/openapi/api-params';

@ApiTags(API_TAG.policies)
@Controller('api/v1/jurisdictions/:jurisdiction/policy')
export class PolicyController {
  constructor(
    private readonly policies: PolicyService,
    private readonly calendar: CalendarService,
    private readonly actors: ActorDirectory,
  ) {}

  @Public()
  @Get()
  @ApiJurisdictionParam('jurisdiction', 'blagodarny-mo')
  @ApiOperation({
    summary: 'Норматив территории со ссылками на акты',
    description:
      'Правила территории: допустимые сети, недельные минимумы публикаций, сроки отчётности, требования к контент-плану и страницам — каждое со ссылкой на акт, номер, дату и пункт. Версия в заголовке ETag. Доступно без входа.',
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
  @ApiJurisdictionParam('jurisdiction', 'blagodarny-mo')
  @ApiHeader({ name: 'If-Match', required: false, example: '"3"', description: 'Version the edit is based on' })
  @ApiOperation({
    summary: 'Заменить норматив территории',
    description:
      'Только администратор. Нужна версия: заголовок If-Match или поле version; без неё — 428, при устаревшей — 409. Прежний норматив сохраняется в истории.',
  })
  @ApiOkResponse({ type: PolicyDto })
  @ApiProblems(400, 401, 403, 404, 409, 428)
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
  @ApiJurisdictionParam('jurisdiction', 'blagodarny-mo')
  @ApiOperation({
    summary: 'История изменений норматива',
    description:
      'Изменения норматива территории, новые сначала: кто, когда, до и после. Администратор, координатор или наблюдатель.',
  })
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
