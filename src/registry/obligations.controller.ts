import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { FulfilObligationDto, ListObligationsQueryDto, ObligationDto, ObligationListDto } from './dto/obligation.dto';
import { ObligationsService } from './obligations.service';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

@ApiTags(API_TAG.obligations)
@ApiBearerAuth()
@Controller('api/v1')
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get('obligations')
  @Access({ jurisdiction: { query: 'jurisdiction' }, organization: { query: 'organizationId' } })
  @ApiOperation({
    summary: 'Обязанности по отчётности',
    description:
      'Обязанности, доступные пользователю, по сроку исполнения; status=overdue — просроченные. Фильтры по территории, организации и статусу.',
  })
  @ApiOkResponse({ type: ObligationListDto })
  @ApiProblems(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListObligationsQueryDto): Promise<ObligationListDto> {
    return this.obligations.list(principal, query);
  }

  @Post('organizations/:organizationId/obligations/:obligationId/fulfilment')
  @HttpCode(200)
  @Access({ organization: { param: 'organizationId' } })
  @ApiUuidParam('organizationId', 'Идентификатор организации')
  @ApiUuidParam('obligationId', 'Идентификатор обязанности', '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f')
  @ApiOperation({
    summary: 'Отметить обязанность исполненной',
    description:
      'Записывается, кто и когда исполнил; исполненная после срока остаётся отмеченной как просроченная. Повторная отметка — 409.',
  })
  @ApiOkResponse({ type: ObligationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  fulfil(
    @CurrentPrincipal() principal: Principal,
    @Param('organizationId', UuidPipe) organizationId: string,
    @Param('obligationId', UuidPipe) obligationId: string,
    @Body() body: FulfilObligationDto,
  ): Promise<ObligationDto> {
    return this.obligations.fulfil(principal, organizationId, obligationId, body.fulfilledAt, body.note);
  }
}
