import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { SEED_POLICIES } from '../policy.seed';
import type { JurisdictionPolicy } from '../policy.types';
import { ActorDto } from '../../common/actors/actor.dto';

const EXAMPLE = SEED_POLICIES['blagodarny-mo'];

export class PolicyDto {
  @ApiProperty({ example: 'blagodarny-mo' })
  jurisdiction!: string;

  @ApiProperty({ example: 3, description: 'Send it back in If-Match when changing the policy' })
  version!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: EXAMPLE,
    description: 'Rules with their citations (act, number, date, clause)',
  })
  policy!: JurisdictionPolicy;

  @ApiProperty({ example: 'Europe/Moscow', description: 'The jurisdiction clock every deadline runs on' })
  timeZone!: string;

  @ApiProperty({ example: '18:00', description: 'Close of business; one hour earlier on a shortened day' })
  closeOfBusiness!: string;

  @ApiProperty({ example: '2026-11-23T13:00:00.000+03:00', description: "In the jurisdiction's offset" })
  updatedAt!: string;
}

export class UpdatePolicyDto {
  @ApiProperty({ type: 'object', additionalProperties: true, example: EXAMPLE })
  @IsObject()
  policy!: JurisdictionPolicy;

  @ApiPropertyOptional({ example: 2, description: 'Version the edit is based on, if not sent as If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 'Постановление от 01.12.2026 № 1500: добавлен Telegram' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class PolicyChangeDto {
  @ApiProperty({ example: '5' })
  id!: string;

  @ApiProperty({ example: '2026-11-23T13:00:00.000+03:00', description: "In the jurisdiction's offset" })
  changedAt!: string;

  @ApiProperty({ example: '4f1c2a9e-8b7d-4c3e-9a1f-2b3c4d5e6f70', nullable: true, type: String })
  changedBy!: string | null;

  @ApiProperty({
    type: ActorDto,
    nullable: true,
    description: 'Who changed the policy; null for the seeded policy or a user since gone',
  })
  actor!: ActorDto | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: EXAMPLE })
  before!: JurisdictionPolicy;

  @ApiProperty({ type: 'object', additionalProperties: true, example: EXAMPLE })
  after!: JurisdictionPolicy;

  @ApiProperty({ example: 'Добавлен Telegram', nullable: true, type: String })
  comment!: string | null;
}
