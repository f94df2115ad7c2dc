import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ActorDto } from '../../common/actors/actor.dto';

export const OBLIGATION_STATUSES = ['open', 'overdue', 'fulfilled', 'all'] as const;
export type ObligationStatusFilter = (typeof OBLIGATION_STATUSES)[number];

export class ListObligationsQueryDto {
  @ApiPropertyOptional({ example: 'khabarovsk-krai' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction?: string;

  @ApiPropertyOptional({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: OBLIGATION_STATUSES,
    example: 'overdue',
    description: 'open = not fulfilled (overdue included)',
  })
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES)
  status?: ObligationStatusFilter;

  @ApiPropertyOptional({ example: '50', description: '1–500, default 100' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    example: 'eyJkIjoiMjAyNi0xMS0yM1QwOTowMDowMC4wMDBaIiwiaSI6IjEifQ',
    description: 'nextCursor of the previous answer',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class FulfilObligationDto {
  @ApiPropertyOptional({ example: '2026-11-24T10:15:00+10:00', description: 'When it was done; now when omitted' })
  @IsOptional()
  @IsISO8601({ strict: true })
  fulfilledAt?: string;

  @ApiPropertyOptional({ example: 'Письмо в Комитет от 24.11.2026 № 01-15/345' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class CitationDto {
  @ApiProperty({ example: 'Постановление Правительства Хабаровского края' })
  act!: string;

  @ApiProperty({ example: '77-пр' })
  number!: string;

  @ApiProperty({ example: '2020-03-17' })
  date!: string;

  @ApiProperty({ example: 'Положение 1 п.3.2' })
  clause!: string;
}

export class ObligationDto {
  @ApiProperty({ example: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' })
  id!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'khabarovsk-krai' })
  jurisdiction!: string;

  @ApiProperty({ example: '42' })
  eventId!: string;

  @ApiProperty({ example: 'page_created' })
  eventType!: string;

  @ApiProperty({ example: '2026-11-20' })
  occurredOn!: string;

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

  @ApiProperty({ example: '2026-11-27T18:00:00.000+10:00' })
  dueAt!: string;

  @ApiProperty({ enum: ['open', 'overdue', 'fulfilled'], example: 'overdue' })
  status!: 'open' | 'overdue' | 'fulfilled';

  @ApiProperty({ example: null, nullable: true, type: String })
  fulfilledAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  fulfilledBy!: string | null;

  @ApiProperty({
    type: ActorDto,
    nullable: true,
    description: 'Who marked the obligation fulfilled; null while open or when the user is gone',
  })
  fulfilledByActor!: ActorDto | null;

  @ApiProperty({ example: false, description: 'Fulfilled after the due instant' })
  late!: boolean;

  @ApiProperty({ example: null, nullable: true, type: String })
  note!: string | null;
}

export class ObligationListDto {
  @ApiProperty({ type: [ObligationDto] })
  items!: ObligationDto[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor!: string | null;
}
