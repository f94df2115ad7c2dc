import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { FINDING_KINDS } from '../finding.rules';
import type { FindingKind } from '../finding.rules';
import { PUBLICATION_FORMATS, PUBLICATION_SOURCES } from '../publication.entity';
import { MAX_PUBLICATIONS_PER_REQUEST } from '../publication.rules';
import { QUOTA_STATUSES, type QuotaStatus, WEEK_SCREEN_DEFAULT, WEEK_SCREEN_MAX } from '../quota.rules';

const JURISDICTION = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const WEEK = /^\d{4}-W\d{2}$/;
const WEEK_MESSAGE = 'ожидается неделя ГГГГ-Wнн';

export class PublicationInputDto {
  @ApiPropertyOptional({
    example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b',
    description: 'Official page id (or pageUrl)',
  })
  pageId?: string;

  @ApiPropertyOptional({ example: 'https://vk.com/abgosk', description: 'Official page address (or pageId)' })
  pageUrl?: string;

  @ApiProperty({
    example: '2026-06-07T23:59:00+10:00',
    description: 'ISO 8601; without an offset it is local time of the page’s jurisdiction',
  })
  publishedAt!: string;

  @ApiPropertyOptional({ example: 'https://vk.com/wall-123_456', description: 'Post address (or externalId)' })
  url?: string;

  @ApiPropertyOptional({
    example: 'wall-123_456',
    description: 'Post id in the network; with url, the id decides identity',
  })
  externalId?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_FORMATS, example: 'photo' })
  format?: string;

  @ApiPropertyOptional({ example: 'Сегодня в Благодарном открыли новую детскую площадку — приходите!' })
  text?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_SOURCES, example: 'connector', default: 'manual' })
  source?: string;
}

/** Rows are checked one by one in the service, so that one bad row does not sink the batch. */
export class PublicationBatchDto {
  @ApiProperty({ type: [PublicationInputDto], maxItems: MAX_PUBLICATIONS_PER_REQUEST })
  @ArrayMinSize(1, { message: 'нужна хотя бы одна публикация' })
  @ArrayMaxSize(MAX_PUBLICATIONS_PER_REQUEST, {
    message: `не более ${MAX_PUBLICATIONS_PER_REQUEST} публикаций за запрос`,
  })
  // Nearest the property: checked first, so a missing or wrong list says so (stopAtFirstError).
  @IsArray({ message: 'ожидается список публикаций' })
  publications!: unknown[];
}

export class RowProblemDto {
  @ApiProperty({ example: 3 })
  index!: number;

  @ApiProperty({ example: 'publications[3].publishedAt' })
  field!: string;

  @ApiProperty({ example: 'публикация не может быть в будущем' })
  message!: string;
}

export class AcceptedPublicationDto {
  @ApiProperty({ example: 0 })
  index!: number;

  @ApiProperty({ example: '1842' })
  id!: string;

  @ApiProperty({ enum: ['created', 'duplicate'], example: 'created' })
  status!: 'created' | 'duplicate';
}

export class IngestReportDto {
  @ApiProperty({ example: 3 })
  received!: number;

  @ApiProperty({ example: 1 })
  created!: number;

  @ApiProperty({ example: 1, description: 'Rows already stored (same page and external id or URL)' })
  duplicates!: number;

  @ApiProperty({ example: 1 })
  rejected!: number;

  @ApiProperty({ type: [AcceptedPublicationDto] })
  accepted!: AcceptedPublicationDto[];

  @ApiProperty({ type: [RowProblemDto] })
  errors!: RowProblemDto[];
}

export class JurisdictionQueryDto {
  @ApiProperty({ example: 'blagodarny-mo' })
  @Matches(JURISDICTION, { message: 'ожидается код юрисдикции, например blagodarny-mo' })
  jurisdiction!: string;
}

export class WeekQueryDto extends JurisdictionQueryDto {
  @ApiPropertyOptional({
    enum: QUOTA_STATUSES,
    example: 'short',
    description: 'Only organizations with this status on the screen (totals always cover all)',
  })
  @IsOptional()
  @IsIn(QUOTA_STATUSES, { message: `ожидается один из статусов: ${QUOTA_STATUSES.join(', ')}` })
  status?: QuotaStatus;

  @ApiPropertyOptional({ example: 0, default: 0, description: 'Organizations to skip (in name order)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'ожидается целое число' })
  @Min(0, { message: 'не может быть меньше 0' })
  // Past PostgreSQL's bigint a value is a 500 from OFFSET; no jurisdiction has a million organizations.
  @Max(1_000_000, { message: 'не больше 1000000' })
  offset?: number;

  @ApiPropertyOptional({ example: 100, default: WEEK_SCREEN_DEFAULT, maximum: WEEK_SCREEN_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'ожидается целое число' })
  @Min(1, { message: 'не может быть меньше 1' })
  @Max(WEEK_SCREEN_MAX, { message: `не больше ${WEEK_SCREEN_MAX} организаций на экран` })
  limit?: number;
}

export class TrendQueryDto {
  @ApiProperty({ example: '2026-W20' })
  @Matches(WEEK, { message: WEEK_MESSAGE })
  from!: string;

  @ApiProperty({ example: '2026-W25' })
  @Matches(WEEK, { message: WEEK_MESSAGE })
  to!: string;
}

export class RecomputeQueryDto extends JurisdictionQueryDto {
  @ApiPropertyOptional({
    example: '2026-W25',
    description: 'Week of the quota findings; the last full local week when omitted',
  })
  @IsOptional()
  @Matches(WEEK, { message: WEEK_MESSAGE })
  week?: string;
}

export class FindingsQueryDto {
  @ApiPropertyOptional({ example: 'blagodarny-mo' })
  @IsOptional()
  @Matches(JURISDICTION, { message: 'ожидается код юрисдикции, например blagodarny-mo' })
  jurisdiction?: string;

  @ApiPropertyOptional({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  @IsOptional()
  @IsUUID('all', { message: 'ожидается идентификатор организации (UUID)' })
  organization?: string;

  @ApiPropertyOptional({ enum: FINDING_KINDS, example: 'quota_short' })
  @IsOptional()
  @IsIn(FINDING_KINDS, { message: `ожидается один из видов: ${FINDING_KINDS.join(', ')}` })
  kind?: FindingKind;

  @ApiPropertyOptional({ enum: ['open', 'resolved'], example: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved'], { message: 'ожидается open или resolved' })
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ example: '1842', description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'ожидается курсор из предыдущего ответа' })
  cursor?: string;

  @ApiPropertyOptional({ example: 100, default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'ожидается целое число' })
  @Min(1, { message: 'не меньше 1' })
  @Max(1000, { message: 'не больше 1000' })
  limit?: number;
}

export class CitationDto {
  @ApiProperty({ example: 'Постановление администрации Благодарненского муниципального округа Ставропольского края' })
  act!: string;

  @ApiProperty({ example: '1249' })
  number!: string;

  @ApiProperty({ example: '2023-11-09' })
  date!: string;

  @ApiProperty({ example: 'Порядок п.4' })
  clause!: string;
}

export class QuotaRequirementDto {
  @ApiProperty({ example: 'required' })
  nature!: string;

  @ApiProperty({ type: CitationDto })
  citation!: CitationDto;
}

export class WeekPlanOutcomeDto {
  @ApiProperty({ example: 5 })
  plannedItems!: number;

  @ApiProperty({ example: 4 })
  publishedAsPlanned!: number;
}

export class FindingDto {
  @ApiProperty({ example: '1842' })
  id!: string;

  @ApiProperty({ enum: FINDING_KINDS, example: 'quota_short' })
  kind!: FindingKind;

  @ApiProperty({ example: 'За неделю опубликовано меньше установленного минимума' })
  title!: string;

  @ApiProperty({ enum: ['violation', 'recommendation'], example: 'violation' })
  severity!: string;

  @ApiProperty({ example: 'blagodarny-mo' })
  jurisdiction!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Администрация Благодарненского муниципального округа' })
  organizationName!: string;

  @ApiProperty({ example: '5b6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6c', nullable: true, type: String })
  pageId!: string | null;

  @ApiProperty({ example: 'vk', nullable: true, type: String })
  network!: string | null;

  @ApiProperty({ example: 'https://vk.com/abgosk', nullable: true, type: String })
  pageUrl!: string | null;

  @ApiProperty({ example: '2026-W25', nullable: true, type: String })
  week!: string | null;

  @ApiProperty({
    example: '2026-06-11T01:00:00.000+10:00',
    nullable: true,
    type: String,
    description: "In the jurisdiction's offset",
  })
  dueAt!: string | null;

  @ApiProperty({ type: CitationDto })
  citation!: CitationDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { network: 'vk', published: 1, required: 3, shortBy: 2 },
    description: 'Facts of the finding; members depend on its kind',
  })
  details!: Record<string, unknown>;

  @ApiProperty({ example: '2026-06-15T16:00:00.000+10:00', description: "In the jurisdiction's offset" })
  firstSeenAt!: string;

  @ApiProperty({ example: '2026-06-15T16:00:00.000+10:00', description: "In the jurisdiction's offset" })
  lastSeenAt!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  resolvedAt!: string | null;
}

export class FindingListDto {
  @ApiProperty({ type: [FindingDto] })
  items!: FindingDto[];

  @ApiProperty({ example: '1790', nullable: true, type: String })
  nextCursor!: string | null;
}

export class RecomputeReportDto {
  @ApiProperty({ example: 'blagodarny-mo' })
  jurisdiction!: string;

  @ApiProperty({ example: '2026-06-15T16:00:00.000+10:00', description: "In the jurisdiction's offset" })
  at!: string;

  @ApiProperty({ example: '2026-W24' })
  quotaWeek!: string;

  @ApiProperty({ example: ['2026-W24', '2026-W25', '2026-W26'] })
  planWeeks!: string[];

  @ApiProperty({ example: 12, description: 'Causes found by this run' })
  found!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { quota_short: 4, no_gosuslugi_mark: 8 },
    description: 'Causes found, by finding kind',
  })
  byKind!: Record<string, number>;

  @ApiProperty({ example: 3, description: 'Findings this run opened' })
  opened!: number;

  @ApiProperty({ example: 1, description: 'Open findings whose cause is gone' })
  resolved!: number;

  @ApiProperty({ example: 12, description: 'Open findings of the jurisdiction after the run' })
  open!: number;
}

export class PageQuotaDto {
  @ApiProperty({ example: '5b6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6c' })
  pageId!: string;

  @ApiProperty({ example: 'vk' })
  network!: string;

  @ApiProperty({ example: 'https://vk.com/abgosk' })
  url!: string;

  @ApiProperty({ enum: ['met', 'short', 'excused', 'exempt', 'not_applicable'], example: 'short' })
  status!: string;

  @ApiProperty({ example: 3, nullable: true, type: 'integer' })
  required!: number | null;

  @ApiProperty({ example: 1 })
  published!: number;

  @ApiProperty({ example: 2 })
  shortBy!: number;

  @ApiPropertyOptional({
    enum: ['not_official', 'partial_week', 'no_quota', 'no_news', 'insufficient_events'],
    example: 'partial_week',
  })
  reason?: string;
}

export class OrganizationWeekDto {
  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Администрация Благодарненского муниципального округа' })
  organizationName!: string;

  @ApiProperty({ example: 'administration' })
  kind!: string;

  @ApiProperty({ enum: ['met', 'short', 'excused', 'exempt', 'not_applicable'], example: 'short' })
  status!: string;

  @ApiProperty({ example: 'меньше минимума' })
  statusTitle!: string;

  @ApiProperty({ example: 3, nullable: true, type: 'integer' })
  required!: number | null;

  @ApiProperty({ type: QuotaRequirementDto, nullable: true })
  requirement!: QuotaRequirementDto | null;

  @ApiProperty({ example: 4, description: 'Publications of all its pages that week' })
  published!: number;

  @ApiProperty({ type: [PageQuotaDto] })
  pages!: PageQuotaDto[];

  @ApiProperty({
    type: WeekPlanOutcomeDto,
    nullable: true,
    description: 'Approved content plan items of the week and how many went out on their planned day',
  })
  plan!: WeekPlanOutcomeDto | null;
}

export class QuotaTotalsDto {
  @ApiProperty({ example: 40 })
  organizations!: number;

  @ApiProperty({ example: 38 })
  evaluatedOrganizations!: number;

  @ApiProperty({ example: 30 })
  compliantOrganizations!: number;

  @ApiProperty({ example: 0.7895, nullable: true, description: 'compliant / evaluated', type: Number })
  compliantShare!: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { met: 50, short: 10, excused: 2, exempt: 1, not_applicable: 4 },
    description: 'Pages by quota status',
  })
  pages!: Record<string, number>;
}

export class WeekReportDto {
  @ApiProperty({ example: 'blagodarny-mo' })
  jurisdiction!: string;

  @ApiProperty({ example: '2026-W25' })
  week!: string;

  @ApiProperty({ example: '2026-06-15T00:00:00.000+03:00' })
  from!: string;

  @ApiProperty({ example: '2026-06-22T00:00:00.000+03:00' })
  to!: string;

  @ApiProperty({ example: '2026-06-22T16:00:00.000+10:00', description: "In the jurisdiction's offset" })
  evaluatedAt!: string;

  @ApiProperty({ type: QuotaTotalsDto })
  totals!: QuotaTotalsDto;

  @ApiPropertyOptional({ enum: QUOTA_STATUSES, example: null, nullable: true, description: 'The status filter asked' })
  status!: string | null;

  @ApiProperty({ example: 12, description: 'Organizations matching the filter (all evaluated ones without it)' })
  matchingOrganizations!: number;

  @ApiProperty({ example: 0 })
  offset!: number;

  @ApiProperty({ example: 100 })
  limit!: number;

  @ApiProperty({ type: [OrganizationWeekDto], description: 'One screen, in name order' })
  organizations!: OrganizationWeekDto[];
}

export class TrendWeekDto {
  @ApiProperty({ example: '2026-W25' })
  week!: string;

  @ApiProperty({ enum: ['met', 'short', 'excused', 'exempt', 'not_applicable'], example: 'met' })
  status!: string;

  @ApiProperty({ example: 'минимум выполнен' })
  statusTitle!: string;

  @ApiProperty({ example: 3, nullable: true, type: 'integer' })
  required!: number | null;

  @ApiProperty({ example: 7 })
  published!: number;

  @ApiProperty({ type: [PageQuotaDto] })
  pages!: PageQuotaDto[];
}

export class TrendReportDto {
  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Администрация Благодарненского муниципального округа' })
  organizationName!: string;

  @ApiProperty({ example: 'blagodarny-mo' })
  jurisdiction!: string;

  @ApiProperty({ type: [TrendWeekDto] })
  weeks!: TrendWeekDto[];
}
