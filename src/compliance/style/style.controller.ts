import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { BodyLimit, BODY_LIMITS } from '../../common/body-limits';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator';
import { Role } from '../../auth/role';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { StyleCheckDto, StyleCheckResultDto } from './dto/style.dto';
import { StyleService } from './style.service';

/**
 * Checking a text reads and stores nothing, but it is a POST (the text is up to 20 000
 * characters), and the AccessGuard keeps viewers to GET: so press offices, coordinators and admins.
 */
const WRITERS = [Role.Admin, Role.Coordinator, Role.Editor];

@ApiTags('style')
@ApiBearerAuth()
@Controller('api/v1/style')
export class StyleController {
  constructor(private readonly style: StyleService) {}

  @Post('check')
  @BodyLimit(BODY_LIMITS.text)
  @HttpCode(200)
  @Access({ roles: WRITERS })
  @ApiOperation({
    summary: 'Style hits of a publication text: act citations, bureaucratese, press-release format, length, spelling',
    description:
      'Each hit has its offsets, the fragment, a Russian message and suggestion and the clause it rests on ' +
      '(Khabarovsk 77-пр Положение 1 п.8–9; Blagodarny 1249 Порядок п.6–7; Plastunovskaya 273 Прил. 1 п.7).',
  })
  @ApiOkResponse({ type: StyleCheckResultDto })
  @ApiProblems(400, 401, 403)
  check(@Body() body: StyleCheckDto): Promise<StyleCheckResultDto> {
    return this.style.check(body.text, body.network);
  }
}
