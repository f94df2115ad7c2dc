import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { BodyLimit, BODY_LIMITS } from '../../common/body-limits';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../auth/access.decorator';
import { Role } from '../../auth/role';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { StyleCheckDto, StyleCheckResultDto } from './dto/style.dto';
import { StyleService } from './style.service';
import { API_TAG } from '../../common/openapi/api-tags';

/**
 * Checking a text reads and stores nothing, but it is a POST (the text is up to 20 000
 * characters), and the AccessGuard keeps viewers to GET: so press offices, coordinators and admins.
 */
const WRITERS = [Role.Admin, Role.Coordinator, Role.Editor];

@ApiTags(API_TAG.style)
@ApiBearerAuth()
@Controller('api/v1/style')
export class StyleController {
  constructor(private readonly style: StyleService) {}

  @Post('check')
  @BodyLimit(BODY_LIMITS.text)
  @HttpCode(200)
  @Access({ roles: WRITERS })
  @ApiOperation({
    summary: 'Проверка текста публикации',
    description:
      'Ссылки на акты, канцелярит, формат пресс-релиза, длина, орфография. Каждое замечание — со смещениями, фрагментом, сообщением и предложением на русском и пунктом акта (Хабаровский край 77-пр Положение 1 п.8–9; Благодарненский МО 1249 Порядок п.6–7; Пластуновское СП 273 Прил. 1 п.7).',
  })
  @ApiOkResponse({ type: StyleCheckResultDto })
  @ApiProblems(400, 401, 403)
  check(@Body() body: StyleCheckDto): Promise<StyleCheckResultDto> {
    return this.style.check(body.text, body.network);
  }
}
