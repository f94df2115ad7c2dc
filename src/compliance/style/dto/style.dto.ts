import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CitationDto } from '../../../registry/dto/obligation.dto';
import { BUREAUCRATESE_CATEGORIES, STYLE_HIT_KINDS, STYLE_NETWORKS } from '../style.types';
import type { BureaucrateseCategory, StyleHitKind, StyleNetwork } from '../style.types';

/** Longer than any post: the longest network (MAX, Telegram) takes about 4 000 characters. */
export const MAX_STYLE_TEXT_LENGTH = 20_000;

const EXAMPLE_TEXT =
  'В рамках реализации национального проекта состоялось заседание комиссии. В ходе мероприятия приняли участие представители управляющих компаний.';

export class StyleCheckDto {
  @ApiProperty({ example: EXAMPLE_TEXT, minLength: 1, maxLength: MAX_STYLE_TEXT_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_STYLE_TEXT_LENGTH)
  text!: string;

  @ApiPropertyOptional({
    enum: STYLE_NETWORKS,
    example: 'vk',
    description: 'Network the text is for: sets the length figure (default: 2000 characters)',
  })
  @IsOptional()
  @IsIn(STYLE_NETWORKS)
  network?: StyleNetwork;
}

export class StyleSourceDto {
  @ApiProperty({ example: 'gal' })
  id!: string;

  @ApiProperty({ example: 'Нора Галь. «Слово живое и мёртвое» (гл. «Берегись канцелярита») — по изложениям и цитатам' })
  title!: string;

  @ApiPropertyOptional({
    example: 'https://dzen.ru/a/WuLwQNe_IVcVJ80d',
    description: 'Absent for entries derived from a general rule',
  })
  url?: string;
}

export class StyleHitDto {
  @ApiProperty({ enum: STYLE_HIT_KINDS, example: 'press_release' })
  kind!: StyleHitKind;

  @ApiProperty({ example: 0, description: 'Offset of the fragment (UTF-16 code units, JavaScript string index)' })
  start!: number;

  @ApiProperty({ example: 19, description: 'End of the fragment, exclusive: text.slice(start, end) === fragment' })
  end!: number;

  @ApiProperty({ example: 'В рамках реализации' })
  fragment!: string;

  @ApiProperty({ example: '«В рамках реализации» — формула пресс-релиза: сразу скажите, что изменилось для читателя.' })
  message!: string;

  @ApiPropertyOptional({ example: '«По нацпроекту отремонтировали три дороги»' })
  suggestion?: string;

  @ApiProperty({ type: CitationDto })
  citation!: CitationDto;

  @ApiProperty({
    type: [CitationDto],
    description: 'The same rule in the other seeded acts; a caller that knows the jurisdiction can cite its own',
  })
  relatedCitations!: CitationDto[];

  @ApiPropertyOptional({ example: 'в рамках реализации', description: 'bureaucratese, press_release: list pattern' })
  pattern?: string;

  @ApiPropertyOptional({ enum: BUREAUCRATESE_CATEGORIES, example: 'press_release_marker' })
  category?: BureaucrateseCategory;

  @ApiPropertyOptional({
    type: [StyleSourceDto],
    description: 'bureaucratese, press_release: sources of the list entry',
  })
  sources?: StyleSourceDto[];

  @ApiPropertyOptional({ example: 3, description: 'act_citations: distinct acts cited in the text' })
  count?: number;

  @ApiPropertyOptional({ example: '8-ФЗ', description: 'act_citations: the act as identified' })
  act?: string;

  @ApiPropertyOptional({ example: ['заседание'], description: 'spelling: at most three dictionary suggestions' })
  replacements?: string[];

  @ApiPropertyOptional({ example: 2412, description: 'too_long: length of the text' })
  length?: number;

  @ApiPropertyOptional({ example: 2000, description: 'too_long: the figure exceeded' })
  limit?: number;
}

export class StyleSummaryDto {
  @ApiProperty({ example: 1, description: 'Distinct normative legal acts cited; a hit only from three on' })
  actCitations!: number;

  @ApiProperty({ example: 0 })
  bureaucratese!: number;

  @ApiProperty({ example: 4 })
  pressRelease!: number;

  @ApiProperty({ example: 0 })
  spelling!: number;

  @ApiProperty({ example: false })
  tooLong!: boolean;
}

export class StyleCheckResultDto {
  @ApiProperty({ type: [StyleHitDto] })
  hits!: StyleHitDto[];

  @ApiProperty({ type: StyleSummaryDto })
  summary!: StyleSummaryDto;
}
