import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
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
import { PLAN_FORMATS, PLAN_STATUSES } from '../plan-workflow.rules';
import type { PlanAction, PlanFormat, PlanStatus } from '../plan-workflow.rules';
import { ActorDto } from '../../common/actors/actor.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const NETWORKS = ['vk', 'ok', 'telegram', 'max'];
const ACTIONS: PlanAction[] = ['edit', 'submit', 'approve', 'request_changes', 'declare_no_news'];

export class PlanItemInputDto {
  @ApiProperty({ example: '2026-06-16', description: 'Local date within the target week' })
  @Matches(DATE, { message: 'ожидается дата ГГГГ-ММ-ДД' })
  plannedOn!: string;

  @ApiPropertyOptional({ example: '10:00', nullable: true, type: String })
  @IsOptional()
  @Matches(TIME, { message: 'ожидается время ЧЧ:ММ' })
  plannedTime?: string | null;

  @ApiPropertyOptional({
    example: ['5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d'],
    description: 'Official pages of the organization',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  pageIds?: string[];

  @ApiPropertyOptional({ example: ['vk', 'ok'], description: 'Or whole networks', enum: NETWORKS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(NETWORKS, { each: true })
  networks?: string[];

  @ApiProperty({ example: 'Открытие нового корпуса краевой больницы' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  topic!: string;

  @ApiProperty({ enum: PLAN_FORMATS, example: 'photo' })
  @IsIn(PLAN_FORMATS)
  format!: PlanFormat;

  @ApiPropertyOptional({ example: 'Фоторепортаж с открытия, комментарий министра', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ example: 'Иванова А. П., пресс-служба', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  author?: string | null;
}

export class PutPlanItemsDto {
  @ApiProperty({ type: [PlanItemInputDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PlanItemInputDto)
  items!: PlanItemInputDto[];

  @ApiPropertyOptional({
    example: 'На неделе нет иных значимых событий (п.5 абз.3)',
    nullable: true,
    type: String,
    description: 'Why fewer items than the weekly minimum (Khabarovsk Положение 1 p.5 ¶3)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  insufficientEventsReason?: string | null;

  @ApiPropertyOptional({
    example: 2,
    description: 'Version the change is based on (or If-Match); not needed for a new plan',
  })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class PlanActionDto {
  @ApiPropertyOptional({ example: 'Согласовано', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ example: 3, description: 'Version the action is based on (or If-Match)' })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ItemCommentInputDto {
  @ApiProperty({ example: '2b4c6d8e-0f1a-4b3c-9d5e-7f8a9b0c1d2e' })
  @IsUUID()
  itemId!: string;

  @ApiProperty({ example: 'Перенесите публикацию на утро и добавьте инфографику' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment!: string;
}

export class RequestChangesDto extends PlanActionDto {
  @ApiPropertyOptional({ type: [ItemCommentInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ItemCommentInputDto)
  itemComments?: ItemCommentInputDto[];
}

export class DeclareNoNewsDto {
  @ApiProperty({ example: 'Информационных поводов на неделе нет: сотрудники в командировке' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    example: 2,
    description: 'Version the action is based on (or If-Match); not needed without a plan',
  })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class CopyPlanDto {
  @ApiPropertyOptional({ example: 1, description: 'Version of an existing empty draft (or If-Match)' })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class QueueQueryDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction!: string;

  @ApiProperty({ example: '2026-W25' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'ожидается неделя ГГГГ-Wнн' })
  week!: string;

  @ApiPropertyOptional({
    enum: [...PLAN_STATUSES, 'awaiting_review'],
    example: 'awaiting_review',
    description: 'awaiting_review = submitted or resubmitted; all states when omitted',
  })
  @IsOptional()
  @IsIn([...PLAN_STATUSES, 'awaiting_review'])
  status?: PlanStatus | 'awaiting_review';
}

export class ExportQueryDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction!: string;

  @ApiProperty({ example: '2026-W25' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'ожидается неделя ГГГГ-Wнн' })
  week!: string;
}

export class CreateTemplateDto {
  @ApiProperty({ example: 'Еженедельное оперативное совещание' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 1, description: 'ISO weekday, 1 = Monday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiPropertyOptional({ example: '11:00', nullable: true, type: String })
  @IsOptional()
  @Matches(TIME, { message: 'ожидается время ЧЧ:ММ' })
  plannedTime?: string | null;

  @ApiPropertyOptional({ example: ['5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  pageIds?: string[];

  @ApiPropertyOptional({ example: ['vk'], enum: NETWORKS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(NETWORKS, { each: true })
  networks?: string[];

  @ApiProperty({ example: 'Итоги оперативного совещания у министра' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  topic!: string;

  @ApiProperty({ enum: PLAN_FORMATS, example: 'cards' })
  @IsIn(PLAN_FORMATS)
  format!: PlanFormat;

  @ApiPropertyOptional({ example: 'Главное за неделю в карточках', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ example: 'Пресс-служба', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  author?: string | null;
}

export class TemplateDto extends CreateTemplateDto {
  @ApiProperty({ example: '8e9f0a1b-2c3d-4e5f-8a7b-9c0d1e2f3a4b' })
  id!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;
}

export class PlanItemStyleHitDto {
  @ApiProperty({ enum: ['topic', 'description'], example: 'description' })
  field!: 'topic' | 'description';

  @ApiProperty({
    enum: ['act_citations', 'bureaucratese', 'press_release', 'too_long', 'spelling'],
    example: 'bureaucratese',
  })
  kind!: 'act_citations' | 'bureaucratese' | 'press_release' | 'too_long' | 'spelling';

  @ApiProperty({ example: 12, description: 'Offset in the field’s text (UTF-16 code units)' })
  start!: number;

  @ApiProperty({ example: 20 })
  end!: number;

  @ApiProperty({ example: 'в целях' })
  fragment!: string;

  @ApiProperty({ example: 'Канцеляризм «в целях»: в публикациях для соцсетей он звучит казённо.' })
  message!: string;

  @ApiPropertyOptional({ example: 'чтобы, для' })
  suggestion?: string;
}

export class PlanItemDto extends PlanItemInputDto {
  @ApiProperty({ example: '2b4c6d8e-0f1a-4b3c-9d5e-7f8a9b0c1d2e' })
  id!: string;

  @ApiProperty({ example: 1 })
  position!: number;

  @ApiProperty({ type: [PlanItemStyleHitDto], description: 'Style check of the topic and description (DOMAIN.md §4)' })
  styleHits!: PlanItemStyleHitDto[];
}

export class ItemCommentDto {
  @ApiProperty({ example: '2b4c6d8e-0f1a-4b3c-9d5e-7f8a9b0c1d2e' })
  itemId!: string;

  @ApiProperty({ example: 2 })
  position!: number;

  @ApiProperty({ example: 'Открытие нового корпуса краевой больницы' })
  topic!: string;

  @ApiProperty({ example: 'Добавьте комментарий главного врача' })
  comment!: string;
}

export class TransitionDto {
  @ApiProperty({ enum: ACTIONS, example: 'submit' })
  action!: PlanAction;

  @ApiProperty({ example: 'draft', nullable: true, type: String })
  from!: PlanStatus | null;

  @ApiProperty({ example: 'submitted' })
  to!: PlanStatus;

  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' })
  by!: string;

  @ApiProperty({ type: ActorDto, nullable: true, description: 'Who took the action; null when the user is gone' })
  actor!: ActorDto | null;

  @ApiProperty({ example: 'editor' })
  role!: string;

  @ApiProperty({ example: '2026-06-10T16:40:00.000+10:00' })
  at!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  comment!: string | null;

  @ApiProperty({ type: [ItemCommentDto] })
  itemComments!: ItemCommentDto[];

  @ApiProperty({ example: '2026-06-10T17:00:00.000+10:00', nullable: true, type: String })
  dueAt!: string | null;

  @ApiProperty({ example: 0, nullable: true, type: Number, description: 'Minutes after the deadline (0 = on time)' })
  lateByMinutes!: number | null;
}

export class LateFlagDto {
  @ApiProperty({ enum: ['submission', 'review', 'resubmission'], example: 'submission' })
  kind!: 'submission' | 'review' | 'resubmission';

  @ApiProperty({ example: '2026-06-10T17:00:00.000+10:00' })
  dueAt!: string;

  @ApiProperty({
    example: '2026-06-10T17:01:00.000+10:00',
    nullable: true,
    type: String,
    description: 'null: still pending',
  })
  doneAt!: string | null;

  @ApiProperty({ example: 1, description: 'Minutes late (until now while pending)' })
  lateByMinutes!: number;
}

export class QuotaStandingDto {
  @ApiProperty({ example: 5 })
  minimumPerWeek!: number;

  @ApiProperty({ example: 3 })
  planned!: number;

  @ApiProperty({ example: 2 })
  shortfall!: number;

  @ApiProperty({ example: true, description: 'Shortfall justified by the lack of newsworthy events (p.5 ¶3)' })
  excused!: boolean;

  @ApiProperty({ example: 'Положение 1 п.5 абз.2–3' })
  clause!: string;
}

export class DeadlinesDto {
  @ApiProperty({ example: '2026-06-10T17:00:00.000+10:00' })
  submissionDueAt!: string;

  @ApiProperty({ example: '2026-06-11T18:00:00.000+10:00', nullable: true, type: String })
  reviewDueAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  resubmissionDueAt!: string | null;
}

export class PlanSummaryDto {
  @ApiProperty({ example: '4f5e6d7c-8b9a-4c0d-9e1f-2a3b4c5d6e7f' })
  id!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Министерство здравоохранения Хабаровского края' })
  organizationName!: string;

  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ example: '2026-W25' })
  week!: string;

  @ApiProperty({ enum: PLAN_STATUSES, example: 'submitted' })
  status!: PlanStatus;

  @ApiProperty({ example: 2 })
  version!: number;

  @ApiProperty({ type: DeadlinesDto })
  deadlines!: DeadlinesDto;

  @ApiProperty({ example: '2026-06-10T16:40:00.000+10:00', nullable: true, type: String })
  submittedAt!: string | null;

  @ApiProperty({ example: '2026-06-10T16:40:00.000+10:00', nullable: true, type: String })
  lastSubmittedAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  reviewedAt!: string | null;

  @ApiProperty({ example: 6 })
  itemCount!: number;

  @ApiProperty({ type: [LateFlagDto], description: 'Late steps and overdue pending ones; lateness never blocks' })
  late!: LateFlagDto[];
}

export class PlanDto extends PlanSummaryDto {
  @ApiProperty({ example: '2026-06-15' })
  weekStart!: string;

  @ApiProperty({ example: '2026-06-21' })
  weekEnd!: string;

  @ApiProperty({ type: [PlanItemDto] })
  items!: PlanItemDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  insufficientEventsReason!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  noNewsReason!: string | null;

  @ApiProperty({ type: QuotaStandingDto, nullable: true })
  quota!: QuotaStandingDto | null;

  @ApiProperty({ enum: ACTIONS, isArray: true, example: ['approve', 'request_changes'] })
  allowedActions!: PlanAction[];

  @ApiProperty({ type: [TransitionDto] })
  history!: TransitionDto[];
}

export class PlanQueueDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ example: '2026-W25' })
  week!: string;

  @ApiProperty({ type: [PlanSummaryDto], description: 'By review deadline, then submission deadline' })
  items!: PlanSummaryDto[];
}
