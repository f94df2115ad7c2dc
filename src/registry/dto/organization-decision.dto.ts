import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { EventObligationDto } from './organization.dto';
import { ActorDto } from '../../common/actors/actor.dto';

const DATE = { strict: true, strictSeparator: true } as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'ожидается дата ГГГГ-ММ-ДД';

class DecisionInputDto {
  @ApiProperty({ example: '125-р' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  decisionNumber!: string;

  @ApiProperty({ example: '2026-02-02' })
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  decisionDate!: string;

  @ApiProperty({ example: 'Порядок п.4' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  clause!: string;

  @ApiProperty({ example: '2026-02-09' })
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  validFrom!: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Open-ended when omitted' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601(DATE, { message: DATE_MESSAGE })
  validTo?: string;
}

export class CreateExemptionDto extends DecisionInputDto {
  @ApiProperty({ example: 'Первый заместитель главы администрации Благодарненского муниципального округа' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  agreedBy!: string;
}

export class CreateFrequencyDecisionDto extends DecisionInputDto {
  @ApiProperty({ example: 1, description: 'Another weekly minimum of publications, 0–100' })
  @IsInt()
  @Min(0)
  @Max(100)
  minimumPerWeek!: number;

  @ApiProperty({ example: 'Первый заместитель главы администрации (по данным ЦУР)' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  decidedBy!: string;
}

class DecisionDto {
  @ApiProperty({ example: '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b' })
  id!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: '125-р' })
  decisionNumber!: string;

  @ApiProperty({ example: '2026-02-02' })
  decisionDate!: string;

  @ApiProperty({ example: 'Порядок п.4' })
  clause!: string;

  @ApiProperty({ example: '2026-02-09' })
  validFrom!: string;

  @ApiProperty({ example: null, nullable: true, type: String })
  validTo!: string | null;

  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70', nullable: true, type: String })
  recordedBy!: string | null;

  @ApiProperty({
    type: ActorDto,
    nullable: true,
    description: 'Who recorded the decision; null when the user is gone',
  })
  actor!: ActorDto | null;

  @ApiProperty({ example: '2026-02-02T12:00:00.000+03:00', description: "In the jurisdiction's offset" })
  recordedAt!: string;

  @ApiPropertyOptional({
    type: [EventObligationDto],
    description: 'Reporting obligations the decision created (in the answer to POST only)',
  })
  obligations?: EventObligationDto[];
}

export class ExemptionDto extends DecisionDto {
  @ApiProperty({ example: 'Первый заместитель главы администрации Благодарненского муниципального округа' })
  agreedBy!: string;
}

export class FrequencyDecisionDto extends DecisionDto {
  @ApiProperty({ example: 1 })
  minimumPerWeek!: number;

  @ApiProperty({ example: 'Первый заместитель главы администрации (по данным ЦУР)' })
  decidedBy!: string;
}
