import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { UuidPipe } from '../common/pipes/uuid.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { Access } from './access.decorator';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { Role } from './role';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { CurrentPrincipal } from './principal';
import type { Principal } from './principal';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

@ApiTags(API_TAG.users)
@ApiBearerAuth()
@Access({ roles: [Role.Admin] })
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Создать пользователя',
    description:
      'Только администратор. Координатору назначаются территории, редактору — организации; адрес электронной почты уникален.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return toUserDto(await this.users.create(body));
  }

  @Get()
  @ApiOperation({
    summary: 'Все пользователи с областями доступа',
    description: 'Только администратор.',
  })
  @ApiOkResponse({ type: [UserDto] })
  @ApiProblems(401, 403)
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(toUserDto);
  }

  @Get(':id')
  @ApiUuidParam('id', 'Идентификатор пользователя', '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70')
  @ApiOperation({
    summary: 'Пользователь',
    description: 'Один пользователь с ролью и областями доступа. Только администратор.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404)
  async get(@Param('id', UuidPipe) id: string): Promise<UserDto> {
    return toUserDto(await this.users.get(id));
  }

  @Patch(':id')
  @ApiUuidParam('id', 'Идентификатор пользователя', '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70')
  @ApiOperation({
    summary: 'Изменить пользователя',
    description:
      'Роль, области доступа, ФИО, пароль или блокировка. Поля, которых нет в запросе, не меняются. Только администратор.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async update(
    @Param('id', UuidPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserDto> {
    return toUserDto(await this.users.update(id, body, id === principal.userId ? principal.tokenId : undefined));
  }
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    isActive: user.isActive,
    jurisdictions: (user.jurisdictionScopes ?? []).map((s) => s.jurisdictionCode).sort(),
    organizations: (user.organizationScopes ?? []).map((s) => s.organizationId).sort(),
    createdAt: user.createdAt.toISOString(),
  };
}
