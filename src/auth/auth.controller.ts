import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { BodyLimit, BODY_LIMITS } from '../common/body-limits';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { Access, Public } from './access.decorator';
import { AuthToken } from './auth-token.entity';
import { AuthService } from './auth.service';
import {
  ApiTokenDto,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  LoginDto,
  LoginResponseDto,
  PrincipalDto,
} from './dto/auth.dto';
import { CurrentPrincipal } from './principal';
import type { Principal } from './principal';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

@ApiTags(API_TAG.auth)
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @BodyLimit(BODY_LIMITS.credentials)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Вход по адресу электронной почты и паролю',
    description:
      'Возвращает непрозрачный токен доступа ограниченного срока действия; передавайте его в заголовке Authorization: Bearer <токен>. Число попыток входа с одного адреса ограничено: при превышении — 429.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    const session = await this.auth.login(body.email, body.password);
    return {
      token: session.token,
      tokenType: 'Bearer',
      expiresAt: session.expiresAt.toISOString(),
      userId: session.userId,
    };
  }

  @Post('logout')
  @Access({ ownCredentials: true })
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Выход: отозвать токен этого запроса',
    description: 'Токен, которым подписан запрос, перестаёт действовать сразу.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.revoke(principal, principal.tokenId);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Кто я: роль и области доступа',
    description:
      'Сведения о пользователе, которому принадлежит токен: адрес, ФИО, роль, территории (координатор) и организации (редактор).',
  })
  @ApiOkResponse({ type: PrincipalDto })
  @ApiProblems(401)
  me(@CurrentPrincipal() principal: Principal): PrincipalDto {
    const { userId, email, fullName, role, jurisdictions, organizations } = principal;
    return { userId, email, fullName, role, jurisdictions, organizations };
  }

  @Post('tokens')
  @Access({ ownCredentials: true })
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Создать API-токен для интеграции',
    description:
      'Долгоживущий токен с теми же правами, что у владельца. Секрет показывается один раз в ответе; сервис хранит только его хеш.',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiProblems(400, 401)
  async createToken(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    const { token, record } = await this.auth.createApiToken(principal, body.name, body.expiresInDays);
    return { ...toTokenDto(record), token };
  }

  @Get('tokens')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Мои API-токены',
    description:
      'API-токены пользователя с датами создания, истечения, отзыва и последнего использования; секреты не возвращаются.',
  })
  @ApiOkResponse({ type: [ApiTokenDto] })
  @ApiProblems(401)
  async listTokens(@CurrentPrincipal() principal: Principal): Promise<ApiTokenDto[]> {
    return (await this.auth.listApiTokens(principal)).map(toTokenDto);
  }

  @Delete('tokens/:id')
  @Access({ ownCredentials: true })
  @ApiUuidParam('id', 'Идентификатор API-токена', '9d2e7c1b-4a3f-4e5d-8c9b-0a1b2c3d4e5f')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Отозвать свой API-токен',
    description: 'Токен перестаёт действовать сразу. Чужой или несуществующий токен — 404.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 404)
  async revokeToken(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.auth.revoke(principal, id);
  }
}

function toTokenDto(token: AuthToken): ApiTokenDto {
  return {
    id: token.id,
    name: token.name ?? '',
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
