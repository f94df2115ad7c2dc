import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NETWORKS, type Network } from '../page-url.rules';
import { PAGE_SORTS, type PageSort } from '../page.rules';
import { ActorDto } from '../../common/actors/actor.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'ожидается дата ГГГГ-ММ-ДД';
const PHONE = /^\+?[0-9][0-9 ()-]{4,30}$/;

/** A calendar day YYYY-MM-DD that exists (2026-02-30 does not). */
function IsDay(): PropertyDecorator {
  return (target, key) => {
    Matches(DATE, { message: DATE_MESSAGE })(target, key);
    IsISO8601({ strict: true }, { message: DATE_MESSAGE })(target, key);
  };
}

/** Blagodarny Порядок p.5: what a page must carry. */
export class PageChecklistDto {
  @ApiPropertyOptional({ example: true, description: 'Individual cover with the emblem' })
  @IsOptional()
  @IsBoolean()
  coverWithEmblem?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Unified style' })
  @IsOptional()
  @IsBoolean()
  unifiedStyle?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Current information per 8-FZ art. 13 part 1.2' })
  @IsOptional()
  @IsBoolean()
  currentInformation?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Geotag of the organization' })
  @IsOptional()
  @IsBoolean()
  geotag?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Materials matching the field of activity' })
  @IsOptional()
  @IsBoolean()
  fieldMaterials?: boolean;
}

/** Attributes a page request may set; dates are days in the jurisdiction, null clears on PATCH. */
class PageAttributesDto {
  @ApiPropertyOptional({
    example: '2026-06-10',
    nullable: true,
    type: String,
    description: 'Gosuslugi special mark obtained on',
  })
  @IsOptional()
  @IsDay()
  gosuslugiMarkOn?: string | null;

  @ApiPropertyOptional({
    example: '2026-06-10',
    nullable: true,
    type: String,
    description: 'Gosuslugi feedback widget (ПОС) placed on',
  })
  @IsOptional()
  @IsDay()
  feedbackWidgetOn?: string | null;

  @ApiPropertyOptional({ example: true, nullable: true, type: Boolean, description: 'Comments open to everyone' })
  @IsOptional()
  @IsBoolean()
  commentsOpen?: boolean | null;

  @ApiPropertyOptional({
    example: '+7 (86549) 5-13-48',
    nullable: true,
    type: String,
    description: 'Service phone the page is registered to (Krasnodar 413 Порядок p.2); shown to coordinators only',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(PHONE, { message: 'ожидается номер телефона, например +7 (86549) 5-13-48' })
  servicePhone?: string | null;

  @ApiPropertyOptional({ type: PageChecklistDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PageChecklistDto)
  checklist?: PageChecklistDto | null;

  @ApiPropertyOptional({
    example: '2026-06-11',
    nullable: true,
    type: String,
    description: "Link to the page published on the organization's website on (Khabarovsk Положение 1 p.3.3)",
  })
  @IsOptional()
  @IsDay()
  websiteLinkOn?: string | null;

  @ApiPropertyOptional({
    example: '2026-06-11',
    nullable: true,
    type: String,
    description: 'Access handed over to the coordinator on (never the logins themselves)',
  })
  @IsOptional()
  @IsDay()
  accessHandedOn?: string | null;

  @ApiPropertyOptional({
    example: 'Главный специалист отдела по правовым, организационным и общим вопросам',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  accessHandedTo?: string | null;
}

export class CreatePageDto extends PageAttributesDto {
  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  @IsUUID()
  organizationId!: string;

  @ApiProperty({ enum: NETWORKS, example: 'vk' })
  @IsIn(NETWORKS)
  network!: Network;

  @ApiProperty({ example: 'http://m.vk.com/ABGOSK/', description: 'Normalized, e.g. to https://vk.com/abgosk' })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ example: '2026-06-05', description: 'Created on; today in the jurisdiction when omitted' })
  @IsOptional()
  @IsDay()
  createdOn?: string;
}

export class UpdatePageDto extends PageAttributesDto {
  @ApiPropertyOptional({ example: 'https://vk.com/abgosk_official', description: 'A new address in the same network' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({
    example: '2026-06-12',
    description: 'Day of the change (reporting deadlines run from it); today in the jurisdiction when omitted',
  })
  @IsOptional()
  @IsDay()
  changedOn?: string;

  @ApiPropertyOptional({ example: 2, description: 'Version the edit is based on, if not sent as If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class PageDeletionDto {
  @ApiPropertyOptional({ example: '2026-06-15', description: 'Deleted on; today in the jurisdiction when omitted' })
  @IsOptional()
  @IsDay()
  deletedOn?: string;

  @ApiPropertyOptional({ example: 3, description: 'Version the deletion is based on (optional; If-Match works too)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListPagesQueryDto {
  @ApiPropertyOptional({ example: 'blagodarny-mo' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction?: string;

  @ApiPropertyOptional({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    example: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b',
    description: 'Pages of this organization and of all organizations below it',
  })
  @IsOptional()
  @IsUUID()
  under?: string;

  @ApiPropertyOptional({ enum: NETWORKS, example: 'vk' })
  @IsOptional()
  @IsIn(NETWORKS)
  network?: Network;

  @ApiPropertyOptional({
    example: true,
    type: Boolean,
    description: 'With (true) or without (false) the Gosuslugi mark',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mark?: boolean;

  @ApiPropertyOptional({ enum: ['live', 'deleted'], example: 'live' })
  @IsOptional()
  @IsIn(['live', 'deleted'])
  status?: 'live' | 'deleted';

  @ApiPropertyOptional({ enum: PAGE_SORTS, example: '-createdOn', description: 'createdOn when omitted' })
  @IsOptional()
  @IsIn(PAGE_SORTS)
  sort?: PageSort;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, description: '50 when omitted' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({
    example: 'eyJzIjoiY3JlYXRlZE9uIiwidiI6IjIwMjYtMDYtMDUiLCJpIjoiMGE2YzFmNWUtM2QyYi00ZjhhLTljN2UtMWIyZDNlNGY1YTZiIn0',
    description: 'nextCursor of the previous answer, with the same filters and sort',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  cursor?: string;
}

export class PageCitationDto {
  @ApiProperty({ example: 'Постановление администрации Благодарненского муниципального округа Ставропольского края' })
  act!: string;

  @ApiProperty({ example: '1249' })
  number!: string;

  @ApiProperty({ example: '2023-11-09' })
  date!: string;

  @ApiProperty({ example: 'п.3.3.2' })
  clause!: string;
}

export class PageObligationDto {
  @ApiProperty({ example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ example: 'blagodarny.chief_specialist' })
  ruleCode!: string;

  @ApiProperty({ example: 'Представить главному специалисту сведения о созданной или удалённой официальной странице' })
  duty!: string;

  @ApiProperty({ example: 'Главный специалист отдела по правовым, организационным и общим вопросам' })
  recipient!: string;

  @ApiProperty({ example: 2 })
  workingDays!: number;

  @ApiProperty({
    example: '2026-06-09T18:00:00.000+03:00',
    description: 'Close of business, in the jurisdiction offset',
  })
  dueAt!: string;

  @ApiProperty({ type: PageCitationDto })
  citation!: PageCitationDto;
}

export class PageDto {
  @ApiProperty({ example: '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d' })
  id!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'blagodarny-mo' })
  jurisdiction!: string;

  @ApiProperty({ enum: NETWORKS, example: 'vk' })
  network!: Network;

  @ApiProperty({ example: 'https://vk.com/abgosk' })
  url!: string;

  @ApiProperty({ example: 'abgosk' })
  handle!: string;

  @ApiProperty({ enum: ['live', 'deleted'], example: 'live' })
  status!: 'live' | 'deleted';

  @ApiProperty({
    example: true,
    description:
      "False for legacy networks (Facebook, Instagram, Twitter: recorded for history only, Order 2523-р) and networks the jurisdiction's policy does not allow",
  })
  countsAsOfficial!: boolean;

  @ApiProperty({ example: '2026-06-05' })
  createdOn!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  deletedOn!: string | null;

  @ApiProperty({ example: '2026-06-10', nullable: true, type: String })
  gosuslugiMarkOn!: string | null;

  @ApiProperty({ example: '2026-06-10', nullable: true, type: String })
  feedbackWidgetOn!: string | null;

  @ApiProperty({ example: true, nullable: true, type: Boolean })
  commentsOpen!: boolean | null;

  @ApiPropertyOptional({
    example: '+7 (86549) 5-13-48',
    nullable: true,
    type: String,
    description: 'Present only for admins and coordinators',
  })
  servicePhone?: string | null;

  @ApiProperty({ type: PageChecklistDto, nullable: true })
  checklist!: PageChecklistDto | null;

  @ApiProperty({
    example: 80,
    nullable: true,
    type: Number,
    description: "Share of the policy's content checklist met, % (Blagodarny Порядок p.5); null without a checklist",
  })
  checklistCompleteness!: number | null;

  @ApiProperty({ example: '2026-06-11', nullable: true, type: String })
  websiteLinkOn!: string | null;

  @ApiProperty({ example: '2026-06-11', nullable: true, type: String })
  accessHandedOn!: string | null;

  @ApiProperty({ example: 'Главный специалист', nullable: true, type: String })
  accessHandedTo!: string | null;

  @ApiProperty({ example: 1, description: 'Send it back in If-Match when changing the page' })
  version!: number;

  @ApiProperty({ example: '2026-06-05T19:12:00.000+10:00', description: "In the jurisdiction's offset" })
  recordedAt!: string;

  @ApiProperty({ example: '2026-06-05T19:12:00.000+10:00', description: "In the jurisdiction's offset" })
  updatedAt!: string;
}

export class PageWithObligationsDto extends PageDto {
  @ApiProperty({ type: [PageObligationDto], description: 'Reporting obligations the change created' })
  obligations!: PageObligationDto[];
}

export class PageListDto {
  @ApiProperty({ type: [PageDto] })
  items!: PageDto[];

  @ApiProperty({
    example: 'eyJzIjoiY3JlYXRlZE9uIiwidiI6IjIwMjYtMDYtMDUiLCJpIjoiMGE2YzFmNWUtM2QyYi00ZjhhLTljN2UtMWIyZDNlNGY1YTZiIn0',
    nullable: true,
    type: String,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class PageEventDto {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ example: 'page_url_changed' })
  type!: string;

  @ApiProperty({ example: '2026-06-12' })
  occurredOn!: string;

  @ApiProperty({ example: '2026-06-12T17:30:00.000+10:00', description: "In the jurisdiction's offset" })
  recordedAt!: string;

  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70', nullable: true, type: String })
  recordedBy!: string | null;

  @ApiProperty({
    type: ActorDto,
    nullable: true,
    description: 'Who recorded the event; null when the service did (import, demo data) or the user is gone',
  })
  actor!: ActorDto | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { before: { url: 'https://vk.com/abgosk' }, after: { url: 'https://vk.com/abgosk_official' } },
  })
  data!: Record<string, unknown>;

  @ApiProperty({ type: [PageObligationDto] })
  obligations!: PageObligationDto[];
}

export class RecordPageMetricDto {
  @ApiProperty({ example: '2026-06-15' })
  @IsDay()
  measuredOn!: string;

  @ApiProperty({ example: 1520 })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  followers!: number;

  @ApiPropertyOptional({ example: 8300, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  weeklyReach?: number | null;
}

export class PageMetricDto {
  @ApiProperty({ example: '2026-06-15' })
  measuredOn!: string;

  @ApiProperty({ example: 1520 })
  followers!: number;

  @ApiProperty({ example: 8300, nullable: true, type: Number })
  weeklyReach!: number | null;
}
