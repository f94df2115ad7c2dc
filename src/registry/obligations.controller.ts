import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { FulfilObligationDto, ListObligationsQueryDto, ObligationDto, ObligationListDto } from './dto/obligation.dto';
import { ObligationsService } from './obligations.service';

@ApiTags('obligations')
@ApiBearerAuth()
@Controller('api/v1')
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get('obligations')
  @Access({ jurisdiction: { query: 'jurisdiction' }, organization: { query: 'organizationId' } })
  @ApiOperation({
    summary: 'Reporting obligations the caller may see, by due instant (status=overdue for the missed ones)',
  })
  @ApiOkResponse({ type: ObligationListDto })
  @ApiProblems(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListObligationsQueryDto): Promise<ObligationListDto> {
    return this.obligations.list(principal, query);
  }

  @Post('organizations/:organizationId/obligations/:obligationId/fulfilment')
  @HttpCode(200)
  @Access({ organization: { param: 'organizationId' } })
  @ApiParam({ name: 'organizationId', example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  @ApiParam({ name: 'obligationId', example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' })
  @ApiOperation({ summary: 'Mark an obligation fulfilled (who and when are recorded; late ones stay marked late)' })
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
