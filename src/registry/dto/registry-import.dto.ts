import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ProblemFieldDto } from '../../common/problem/api-problems.decorator';

export class ImportQueryDto {
  @ApiProperty({ example: 'blagodarny-mo' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  jurisdiction!: string;

  @ApiPropertyOptional({
    example: 'true',
    enum: ['true', 'false'],
    description: 'true (default): only check and report',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

class ImportCountsDto {
  @ApiProperty({ example: 3 })
  created!: number;

  @ApiProperty({ example: 1 })
  unchanged!: number;
}

export class ImportReportDto {
  @ApiProperty({ example: true })
  dryRun!: boolean;

  @ApiProperty({ example: 12, description: 'Data lines read (empty lines skipped)' })
  rows!: number;

  @ApiProperty({ type: ImportCountsDto })
  organizations!: ImportCountsDto;

  @ApiProperty({ type: ImportCountsDto })
  pages!: ImportCountsDto;

  @ApiProperty({
    type: [ProblemFieldDto],
    example: [{ field: 'строка 5: Ссылка', message: 'эта страница уже числится в реестре за другой организацией' }],
  })
  errors!: ProblemFieldDto[];
}
