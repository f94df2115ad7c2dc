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

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @BodyLimit(BODY_LIMITS.credentials)
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with e-mail and password; returns a bearer token' })
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
  @ApiOperation({ summary: 'Revoke the token used for this request' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.revoke(principal, principal.tokenId);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I: role and scopes of the caller' })
  @ApiOkResponse({ type: PrincipalDto })
  @ApiProblems(401)
  me(@CurrentPrincipal() principal: Principal): PrincipalDto {
    const { userId, email, fullName, role, jurisdictions, organizations } = principal;
    return { userId, email, fullName, role, jurisdictions, organizations };
  }

  @Post('tokens')
  @Access({ ownCredentials: true })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a long-lived API token for an integration (same rights as its owner)' })
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
  @ApiOperation({ summary: "The caller's API tokens (never the secrets)" })
  @ApiOkResponse({ type: [ApiTokenDto] })
  @ApiProblems(401)
  async listTokens(@CurrentPrincipal() principal: Principal): Promise<ApiTokenDto[]> {
    return (await this.auth.listApiTokens(principal)).map(toTokenDto);
  }

  @Delete('tokens/:id')
  @Access({ ownCredentials: true })
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke one of the caller’s API tokens' })
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
