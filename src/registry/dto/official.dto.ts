import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OFFICIAL_RANKS, OFFICIAL_ROLES, type OfficialRole } from '../official.entity';
import type { OfficialRank } from '../policy.types';

const DATE = { strict: true, strictSeparator: true } as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'ожидается дата ГГГГ-ММ-ДД';
const PHONE = /^\+?[0-9][0-9 ()-]{4,30}$/;
const PHONE_MESSAGE = 'ожидается номер телефона: цифры, пробелы, скобки, дефисы, + в начале';

export class CreateOfficialDto {
  @ApiProperty({ example: 'Петрова Анна Сергеевна' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  fullName!: string;

  @ApiProperty({ example: 'Заместитель министра' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  position!: string;

  @ApiProperty({ enum: OFFICIAL_RANKS, example: 'deputy_head' })
  @IsIn(OFFICIAL_RANKS)
  rank!: OfficialRank;

  @ApiPropertyOptional({ example: 'petrova@mintrud.khabkrai.ru' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  workEmail?: string;

  @ApiPropertyOptional({ example: '+7 4212 40-00-00' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  workPhone?: string;

  @ApiProperty({
    enum: OFFICIAL_ROLES,
    isArray: true,
    example: ['responsible'],
    description: 'At least one: responsible, authorized (ESIA), executor (messages)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(OFFICIAL_ROLES, { each: true })
  roles!: OfficialRole[];

  @ApiPropertyOptional({ example: '2026-01-15', description: 'ESIA identification confirmed on' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  esiaConfirmedOn?: string;

  @ApiPropertyOptional({ example: '2026-01-12', description: 'Today in the jurisdiction when omitted' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  activeFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  activeTo?: string;
}

/** Only the fields sent change; null clears an optional field. */
export class UpdateOfficialDto {
  @ApiPropertyOptional({ example: 'Петрова Анна Сергеевна' })
  @ValidateIf((o: UpdateOfficialDto) => o.fullName !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  fullName?: string;

  @ApiPropertyOptional({ example: 'Первый заместитель министра' })
  @ValidateIf((o: UpdateOfficialDto) => o.position !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  position?: string;

  @ApiPropertyOptional({ enum: OFFICIAL_RANKS, example: 'first_deputy_head' })
  @ValidateIf((o: UpdateOfficialDto) => o.rank !== undefined)
  @IsIn(OFFICIAL_RANKS)
  rank?: OfficialRank;

  @ApiPropertyOptional({ example: 'petrova@mintrud.khabkrai.ru', nullable: true, type: String })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  workEmail?: string | null;

  @ApiPropertyOptional({ example: '+7 4212 40-00-01', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  workPhone?: string | null;

  @ApiPropertyOptional({ enum: OFFICIAL_ROLES, isArray: true, example: ['responsible', 'executor'] })
  @ValidateIf((o: UpdateOfficialDto) => o.roles !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(OFFICIAL_ROLES, { each: true })
  roles?: OfficialRole[];

  @ApiPropertyOptional({ example: '2026-01-15', nullable: true, type: String })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  esiaConfirmedOn?: string | null;

  @ApiPropertyOptional({ example: '2026-01-12' })
  @ValidateIf((o: UpdateOfficialDto) => o.activeFrom !== undefined)
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  activeFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true, type: String })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  activeTo?: string | null;

  @ApiPropertyOptional({ example: 1, description: 'Version the change is based on, if not sent as If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class OfficialDto {
  @ApiProperty({ example: '5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d' })
  id!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Петрова Анна Сергеевна' })
  fullName!: string;

  @ApiProperty({ example: 'Заместитель министра' })
  position!: string;

  @ApiProperty({ enum: OFFICIAL_RANKS, example: 'deputy_head' })
  rank!: OfficialRank;

  @ApiProperty({ enum: OFFICIAL_ROLES, isArray: true, example: ['responsible'] })
  roles!: OfficialRole[];

  @ApiPropertyOptional({
    example: 'petrova@mintrud.khabkrai.ru',
    nullable: true,
    type: String,
    description: 'Only for admins, coordinators of the jurisdiction and editors of the organization',
  })
  workEmail?: string | null;

  @ApiPropertyOptional({
    example: '+7 4212 40-00-00',
    nullable: true,
    type: String,
    description: 'Only for admins, coordinators of the jurisdiction and editors of the organization',
  })
  workPhone?: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  esiaConfirmedOn!: string | null;

  @ApiProperty({ example: '2026-01-12' })
  activeFrom!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  activeTo!: string | null;

  @ApiProperty({ example: 1, description: 'Send it back in If-Match when changing the official' })
  version!: number;

  @ApiProperty({ example: '2026-11-23T20:00:00.000+10:00', description: "In the jurisdiction's offset" })
  createdAt!: string;
}
