import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, OUTBOX_STATUSES } from '../notifications.rules';
import type { NotificationKind, OutboxStatus } from '../notifications.rules';
import { IsOptionalNotNull } from '../../common/dto/is-optional-not-null';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES, example: 'pending' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS, example: 'coordinator_digest' })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;

  @ApiPropertyOptional({ example: 'coordinator@khabkrai.ru', description: 'Recipient address' })
  @IsOptional()
  @IsEmail({ require_tld: false })
  recipient?: string;

  @ApiPropertyOptional({ example: 100, default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class OutboxMessageDto {
  @ApiProperty({ example: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'coordinator_digest' })
  kind!: string;

  @ApiProperty({ example: 'digest:khabarovsk-krai:2026-W24:coordinator@khabkrai.ru' })
  idempotencyKey!: string;

  @ApiProperty({ example: '<6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f@notifications.reestr.example.ru>' })
  messageId!: string;

  @ApiProperty({ example: 'coordinator@khabkrai.ru' })
  recipientEmail!: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  recipientName!: string;

  @ApiProperty({ example: 'Сводка за неделю 2026-W24: Хабаровский край' })
  subject!: string;

  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b', nullable: true, type: String })
  organizationId!: string | null;

  @ApiProperty({ enum: OUTBOX_STATUSES, example: 'pending' })
  status!: string;

  @ApiProperty({ example: 0 })
  attempts!: number;

  @ApiProperty({ example: '2026-06-15T09:00:00.000+10:00', description: "In the message's jurisdiction's offset" })
  nextAttemptAt!: string;

  @ApiProperty({ example: 'Connection refused', nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  sentAt!: string | null;

  @ApiProperty({ example: '2026-06-15T09:00:00.000+10:00', description: "In the message's jurisdiction's offset" })
  createdAt!: string;
}

export class OutboxListDto {
  @ApiProperty({ type: [OutboxMessageDto] })
  items!: OutboxMessageDto[];
}

export class DeliveryAttemptDto {
  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ example: '2026-06-15T09:01:00.000+10:00', description: "In the message's jurisdiction's offset" })
  startedAt!: string;

  @ApiProperty({ example: '2026-06-15T09:01:01.000+10:00', nullable: true, type: String })
  finishedAt!: string | null;

  @ApiPropertyOptional({
    enum: ['sent', 'retry', 'failed', 'interrupted'],
    example: 'retry',
    nullable: true,
    description: 'null while in flight',
  })
  outcome!: string | null;

  @ApiProperty({ example: '451 4.3.0 Try again later', nullable: true, type: String })
  response!: string | null;
}

export class OutboxMessageDetailDto extends OutboxMessageDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { week: '2026-W24', jurisdictionName: 'Хабаровский край' },
  })
  data!: Record<string, unknown>;

  @ApiProperty({ type: [DeliveryAttemptDto] })
  history!: DeliveryAttemptDto[];
}

export class DeliveryReportDto {
  @ApiProperty({ example: 3 })
  claimed!: number;

  @ApiProperty({ example: 2 })
  sent!: number;

  @ApiProperty({ example: 1 })
  retried!: number;

  @ApiProperty({ example: 0 })
  failed!: number;

  @ApiProperty({ example: 0, description: 'Recipient switched the topic off after the message was queued' })
  suppressed!: number;
}

export class TickSlotDto {
  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ enum: ['weekly_digest', 'plan_due', 'obligation_due', 'quota_at_risk'], example: 'weekly_digest' })
  kind!: string;

  @ApiPropertyOptional({ example: '2026-W24' })
  week?: string;

  @ApiPropertyOptional({ enum: ['day_before', 'due_day'], example: 'day_before' })
  stage?: string;
}

export class TickReportDto {
  @ApiProperty({ example: '2026-06-14T23:00:00.000Z' })
  at!: string;

  @ApiProperty({ type: [TickSlotDto] })
  slots!: TickSlotDto[];

  @ApiProperty({ example: 12, description: 'Messages added to the outbox (already served causes are not counted)' })
  created!: number;
}

export class PreferencesDto {
  @ApiProperty({ example: true, description: 'Off: no e-mail at all' })
  emailEnabled!: boolean;

  @ApiProperty({ example: true, description: 'Weekly digest of a coordinator (Monday 09:00 local)' })
  coordinatorDigest!: boolean;

  @ApiProperty({ example: true, description: 'Weekly digest of an organization (editors, responsible official)' })
  organizationDigest!: boolean;

  @ApiProperty({ example: true, description: 'Content plan due: the day before and the due day at 12:00' })
  planReminders!: boolean;

  @ApiProperty({ example: true, description: 'Reporting obligation due tomorrow' })
  obligationReminders!: boolean;

  @ApiProperty({ example: false, description: 'Thursday 12:00: fewer than half the weekly minimum published' })
  quotaReminders!: boolean;

  @ApiProperty({ example: true, description: 'Plan submitted, changes requested, approved' })
  workflowNotices!: boolean;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ example: true })
  @IsOptionalNotNull()
  @IsBoolean()
  emailEnabled?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptionalNotNull()
  @IsBoolean()
  coordinatorDigest?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptionalNotNull()
  @IsBoolean()
  organizationDigest?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptionalNotNull()
  @IsBoolean()
  planReminders?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptionalNotNull()
  @IsBoolean()
  obligationReminders?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOptionalNotNull()
  @IsBoolean()
  quotaReminders?: boolean;

  @ApiPropertyOptional({ example: true })
  @IsOptionalNotNull()
  @IsBoolean()
  workflowNotices?: boolean;
}

export class UnsubscribeQueryDto {
  @ApiProperty({ example: 'eyJlIjoiYUB4LnJ1IiwidCI6ImNvb3JkaW5hdG9yRGlnZXN0In0.c2lnbmF0dXJl' })
  @IsString()
  token!: string;
}
