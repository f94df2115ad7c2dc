import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Role } from '../role';

export class LoginDto {
  @ApiProperty({ example: 'press@minsoc.khv.example' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({ example: 'ops_Xq3v9b0yZ5uJ2m8rT1kL4wE7pA6sD0fG3hJ9kL2zX5c' })
  token!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: '2026-11-24T07:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70' })
  userId!: string;
}

export class PrincipalDto {
  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70' })
  userId!: string;

  @ApiProperty({ example: 'press@minsoc.khv.example' })
  email!: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  fullName!: string;

  @ApiProperty({ enum: Role, example: Role.Editor })
  role!: Role;

  @ApiProperty({ type: [String], example: [] })
  jurisdictions!: string[];

  @ApiProperty({ type: [String], example: ['0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b'] })
  organizations!: string[];
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Выгрузка публикаций из системы мониторинга', description: 'What the token is for' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 365, description: 'Days until the token expires; never when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}

export class ApiTokenDto {
  @ApiProperty({ example: '9d2e7c1b-4a3f-4e5d-8c9b-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ example: 'Выгрузка публикаций из системы мониторинга' })
  name!: string;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2027-11-23T10:00:00.000Z', nullable: true, type: String })
  expiresAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  revokedAt!: string | null;

  @ApiProperty({ example: '2026-11-23T12:30:00.000Z', nullable: true, type: String })
  lastUsedAt!: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({
    example: 'opa_5Jk2Lm9Np3Qr7St1Uv4Wx8Yz0Ab6Cd2Ef5Gh9Ij3Kl',
    description: 'Shown once; only its digest is stored',
  })
  token!: string;
}
