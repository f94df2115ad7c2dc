import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { API_TAG } from '../common/openapi/api-tags';

class HealthDto {
  @ApiProperty({ example: 'ok' })
  status!: 'ok';
}

class ReadinessDto {
  @ApiProperty({ example: 'ready', enum: ['ready', 'not_ready'] })
  status!: 'ready' | 'not_ready';

  @ApiProperty({ example: true })
  database!: boolean;

  @ApiProperty({ example: true, description: 'All migrations shipped with this version are applied' })
  migrations!: boolean;

  @ApiProperty({
    example: '2027-12-31',
    nullable: true,
    type: String,
    description: 'Last date the production calendar covers',
  })
  calendarCoveredUntil!: string | null;

  @ApiProperty({ example: [2027], type: [Number], description: 'Years whose calendar data is not yet confirmed' })
  calendarWeakYears!: number[];
}

@ApiTags(API_TAG.health)
@Public()
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  @Get('health')
  @ApiOperation({
    summary: 'Процесс работает',
    description:
      'Проверка живости для оркестратора: отвечает, пока процесс принимает запросы, не обращаясь к базе данных.',
  })
  @ApiOkResponse({ type: HealthDto })
  health(): HealthDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Готовность: база доступна, миграции применены',
    description:
      '200, если база данных отвечает и все миграции этой версии применены, иначе 503 с тем же телом. Также сообщает, до какой даты покрыт производственный календарь.',
  })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessDto> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const migrations = database && !(await this.dataSource.showMigrations().catch(() => true));
    const ready = database && migrations;
    const coverage = ready ? await this.calendar.coverage().catch(() => undefined) : undefined;
    reply.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : 'not_ready',
      database,
      migrations,
      calendarCoveredUntil: coverage?.to ?? null,
      calendarWeakYears: coverage?.weakYears ?? [],
    };
  }
}
