import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Role } from '../role';
import { IsOptionalNotNull } from '../../common/dto/is-optional-not-null';

const JURISDICTION_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateUserDto {
  @ApiProperty({ example: 'press@minsoc.khv.example' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: 'a-long-passphrase-2026', minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: Role, example: Role.Editor })
  @IsEnum(Role)
  role!: Role;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', pattern: JURISDICTION_CODE.source },
    example: ['khabarovsk-krai'],
    description: 'Coordinators only',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(JURISDICTION_CODE, { each: true })
  jurisdictions?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b'],
    description: 'Editors only',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  organizations?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Иванова Мария Петровна' })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ example: 'another-long-passphrase', minLength: 12 })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: Role, example: Role.Coordinator })
  @IsOptionalNotNull()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ example: false, description: 'false blocks login and every token of the user' })
  @IsOptionalNotNull()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', pattern: JURISDICTION_CODE.source },
    example: ['khabarovsk-krai'],
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(JURISDICTION_CODE, { each: true })
  jurisdictions?: string[];

  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  organizations?: string[];
}

export class UserDto {
  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70' })
  id!: string;

  @ApiProperty({ example: 'press@minsoc.khv.example' })
  email!: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  fullName!: string;

  @ApiProperty({ enum: Role, example: Role.Editor })
  role!: Role;

  @ApiProperty({ example: true })
  isActive!: boolean;

  @ApiProperty({ type: [String], example: [] })
  jurisdictions!: string[];

  @ApiProperty({ type: [String], example: ['0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b'] })
  organizations!: string[];

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;
}
