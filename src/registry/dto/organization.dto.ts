import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { OrganizationKind } from '../organization-kind';

export class CreateOrganizationDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  @MaxLength(64)
  jurisdiction!: string;

  @ApiProperty({ example: 'Министерство социальной защиты Хабаровского края' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  name!: string;

  @ApiProperty({ enum: OrganizationKind, example: OrganizationKind.ExecutiveBody })
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @ApiPropertyOptional({ example: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ example: 'https://mintrud.khabkrai.ru' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  website?: string;
}

export class ListOrganizationsQueryDto {
  @ApiPropertyOptional({ example: 'khabarovsk-krai' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction?: string;
}

export class OrganizationDto {
  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  id!: string;

  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ example: 'Министерство социальной защиты Хабаровского края' })
  name!: string;

  @ApiProperty({ enum: OrganizationKind, example: OrganizationKind.ExecutiveBody })
  kind!: OrganizationKind;

  @ApiProperty({ example: null, nullable: true, type: String })
  parentId!: string | null;

  @ApiProperty({ example: 'https://mintrud.khabkrai.ru', nullable: true, type: String })
  website!: string | null;

  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' })
  createdAt!: string;
}
