import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NETWORKS, type Network } from '../../registry/page-url.rules';

/** An empty form field (`?network=`) means "any", as a browser sends it for an untouched select. */
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The filters of the page, the JSON API and the CSV/XLSX exports: one set, one meaning. */
export class PublicRegistryQueryDto {
  @ApiPropertyOptional({
    example: 'администрация',
    description: 'Part of the organization name; case and ё/е are ignored',
  })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'khabarovsk-krai', description: 'Jurisdiction code' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: NETWORKS, example: 'vk' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(NETWORKS)
  network?: Network;

  @ApiPropertyOptional({ enum: ['yes', 'no'], example: 'yes', description: 'With or without the Gosuslugi mark' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(['yes', 'no'])
  mark?: 'yes' | 'no';

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'Also deleted pages and pages in legacy networks (Facebook, Instagram, Twitter), marked as history',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' || value === '' ? false : value,
  )
  @IsBoolean()
  includeDeleted?: boolean;

  @ApiPropertyOptional({ type: Number, example: 1, minimum: 1, maximum: 10000, description: '1-based, 50 rows a page' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === '' ? undefined : typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;
}

/** The organization page takes only this one switch. */
export class PublicOrganizationQueryDto {
  @ApiPropertyOptional({ type: Boolean, example: true, description: 'Also deleted pages and legacy networks' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' || value === '' ? false : value,
  )
  @IsBoolean()
  includeDeleted?: boolean;
}

export class RegistryEntryDto {
  @ApiProperty({ example: '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d', description: 'Page id' })
  pageId!: string;

  @ApiProperty({ example: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b' })
  organizationId!: string;

  @ApiProperty({ example: 'Администрация Благодарненского муниципального округа' })
  organizationName!: string;

  @ApiProperty({ example: 'blagodarny-mo' })
  jurisdictionCode!: string;

  @ApiProperty({ example: 'Благодарненский муниципальный округ Ставропольского края' })
  jurisdictionName!: string;

  @ApiProperty({ enum: NETWORKS, example: 'vk' })
  network!: Network;

  @ApiProperty({ example: 'ВКонтакте' })
  networkTitle!: string;

  @ApiProperty({ example: 'https://vk.com/abgosk' })
  url!: string;

  @ApiProperty({ example: '2023-03-01', description: 'Created on' })
  createdOn!: string;

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Deleted on (only with includeDeleted=true)',
  })
  deletedOn!: string | null;

  @ApiProperty({
    example: '2023-05-15',
    nullable: true,
    type: String,
    description: 'Gosuslugi special mark obtained on',
  })
  gosuslugiMarkOn!: string | null;

  @ApiProperty({
    example: '2023-06-01',
    nullable: true,
    type: String,
    description: 'Gosuslugi feedback widget (ПОС) placed on',
  })
  feedbackWidgetOn!: string | null;

  @ApiProperty({ example: false, description: 'A legacy network (Order 2523-р): history, not an official page today' })
  legacyNetwork!: boolean;
}

export class RegistryListDto {
  @ApiProperty({ type: [RegistryEntryDto] })
  items!: RegistryEntryDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 50 })
  pageSize!: number;

  @ApiProperty({ example: true, description: 'Whether page + 1 has rows' })
  hasMore!: boolean;

  @ApiProperty({
    example: '2026-06-10T09:15:00.000Z',
    nullable: true,
    type: String,
    description: 'Newest change of the registry',
  })
  updatedAt!: string | null;
}
