import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ActorDto } from '../../common/actors/actor.dto';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OrganizationKind } from '../organization-kind';
import { ORGANIZATION_SORTS, type OrganizationSort } from '../organization.rules';
import { RegistryEventType } from '../registry-event.entity';
import { CitationDto } from './obligation.dto';

const INN = /^(\d{10}|\d{12})$/;
const OGRN = /^(\d{13}|\d{15})$/;
const INN_MESSAGE = 'ИНН состоит из 10 цифр (организация) или 12 цифр';
const OGRN_MESSAGE = 'ОГРН состоит из 13 цифр (ОГРН) или 15 цифр (ОГРНИП)';
const DATE = { strict: true, strictSeparator: true } as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'ожидается дата ГГГГ-ММ-ДД';

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

  @ApiPropertyOptional({ example: '2721000000', description: '10 digits (organization) or 12' })
  @IsOptional()
  @IsString()
  @Matches(INN, { message: INN_MESSAGE })
  inn?: string;

  @ApiPropertyOptional({ example: '1022700000000', description: '13 digits (OGRN) or 15 (OGRNIP)' })
  @IsOptional()
  @IsString()
  @Matches(OGRN, { message: OGRN_MESSAGE })
  ogrn?: string;
}

/** Only the fields sent change; null clears an optional field. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ example: 'Министерство социальной защиты и труда Хабаровского края' })
  @ValidateIf((o: UpdateOrganizationDto) => o.name !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  name?: string;

  @ApiPropertyOptional({ enum: OrganizationKind, example: OrganizationKind.ExecutiveBody })
  @ValidateIf((o: UpdateOrganizationDto) => o.kind !== undefined)
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ example: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ example: 'https://mintrud.khabkrai.ru', nullable: true, type: String })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  website?: string | null;

  @ApiPropertyOptional({ example: '2721000000', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(INN, { message: INN_MESSAGE })
  inn?: string | null;

  @ApiPropertyOptional({ example: '1022700000000', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Matches(OGRN, { message: OGRN_MESSAGE })
  ogrn?: string | null;

  @ApiPropertyOptional({
    example: '2026-11-03',
    description: 'Day the change took effect in the jurisdiction (reporting deadlines run from it); today when omitted',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  effectiveOn?: string;

  @ApiPropertyOptional({ example: 3, description: 'Version the change is based on, if not sent as If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CloseOrganizationDto {
  @ApiProperty({ example: '2026-12-31', description: 'Day the organization was closed (liquidated, merged)' })
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  closedOn!: string;

  @ApiPropertyOptional({ example: 4, description: 'Checked when sent (or as If-Match)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ListOrganizationsQueryDto {
  @ApiPropertyOptional({ example: 'khabarovsk-krai' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction?: string;

  @ApiPropertyOptional({
    example: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b',
    description: 'Only this organization and everything subordinate to it, at any depth',
  })
  @IsOptional()
  @IsUUID()
  under?: string;

  @ApiPropertyOptional({ enum: OrganizationKind, example: OrganizationKind.ExecutiveBody })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @ApiPropertyOptional({ enum: ['active', 'closed'], example: 'active' })
  @IsOptional()
  @IsIn(['active', 'closed'])
  status?: 'active' | 'closed';

  @ApiPropertyOptional({ example: 'социальной защиты', description: 'Part of the name; case and ё/е do not matter' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_SORTS, example: 'name', description: 'Default name' })
  @IsOptional()
  @IsIn(ORGANIZATION_SORTS)
  sort?: OrganizationSort;

  @ApiPropertyOptional({ example: '50', description: '1–200, default 50' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({
    example: 'WyJuYW1lIiwi0JzQuNC90LjRgdGC0LXRgNGB0YLQstC-IiwiMGE2YzFmNWUiXQ',
    description: 'nextCursor of the previous answer (same filters and sort)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
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

  @ApiProperty({ example: '2721000000', nullable: true, type: String })
  inn!: string | null;

  @ApiProperty({ example: '1022700000000', nullable: true, type: String })
  ogrn!: string | null;

  @ApiProperty({ enum: ['active', 'closed'], example: 'active' })
  status!: 'active' | 'closed';

  @ApiProperty({ example: null, nullable: true, type: String })
  closedOn!: string | null;

  @ApiProperty({ example: 1, description: 'Send it back in If-Match when changing the organization' })
  version!: number;

  @ApiProperty({ example: '2026-11-23T20:00:00.000+10:00', description: "In the jurisdiction's offset" })
  createdAt!: string;
}

export class OrganizationRefDto {
  @ApiProperty({ example: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b' })
  id!: string;

  @ApiProperty({ example: 'Правительство Хабаровского края' })
  name!: string;

  @ApiProperty({ enum: OrganizationKind, example: OrganizationKind.RegionalGovernment })
  kind!: OrganizationKind;
}

export class OrganizationDetailDto extends OrganizationDto {
  @ApiProperty({ type: [OrganizationRefDto], description: 'Chain of superior organizations, nearest first' })
  parents!: OrganizationRefDto[];
}

export class OrganizationListDto {
  @ApiProperty({ type: [OrganizationDto] })
  items!: OrganizationDto[];

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class EventObligationDto {
  @ApiProperty({ example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ example: 'khabarovsk.registry_update' })
  ruleCode!: string;

  @ApiProperty({ example: 'Направить в Комитет сведения для актуализации Реестра официальных страниц' })
  duty!: string;

  @ApiProperty({ example: 'Комитет (координатор)' })
  recipient!: string;

  @ApiProperty({ example: 5 })
  workingDays!: number;

  @ApiProperty({ type: CitationDto })
  citation!: CitationDto;

  @ApiProperty({ example: '2026-11-11T18:00:00.000+10:00', description: 'Local time of the jurisdiction' })
  dueAt!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  fulfilledAt!: string | null;
}

export class OrganizationEventDto {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ enum: RegistryEventType, example: RegistryEventType.OrganizationRenamed })
  type!: RegistryEventType;

  @ApiProperty({ example: '2026-11-03', description: 'Day it happened in the jurisdiction' })
  occurredOn!: string;

  @ApiProperty({ example: '2026-11-03T12:00:00.000+10:00', description: "In the jurisdiction's offset" })
  recordedAt!: string;

  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70', nullable: true, type: String })
  recordedBy!: string | null;

  @ApiProperty({
    type: ActorDto,
    nullable: true,
    description: 'Who recorded the event; null when the service did (import, demo data) or the user is gone',
  })
  actor!: ActorDto | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  pageId!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  officialId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { before: 'Министерство труда', after: 'Министерство труда и занятости' },
    description: 'Values before and after, per event type',
  })
  data!: Record<string, unknown>;

  @ApiProperty({ type: [EventObligationDto], description: 'Reporting obligations the event created' })
  obligations!: EventObligationDto[];
}
