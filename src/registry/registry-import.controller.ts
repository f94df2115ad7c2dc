import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { BodyLimit, BODY_LIMITS } from '../common/body-limits';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal';
import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { CommonError, CommonErrorCode } from '../common/errors/common.errors';
import { ApiProblems } from '../common/problem/api-problems.decorator';
import { ImportQueryDto, ImportReportDto } from './dto/registry-import.dto';
import { RegistryImportService } from './registry-import.service';
import { IMPORT_TEMPLATE_HEADERS } from './registry-import.rules';
import { RegistryError, RegistryErrorCode } from './registry.errors';
import { API_TAG } from '../common/openapi/api-tags';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags(API_TAG.registryImport)
@ApiBearerAuth()
@Controller('api/v1/registry/import')
export class RegistryImportController {
  constructor(private readonly importer: RegistryImportService) {}

  @Post()
  @BodyLimit(BODY_LIMITS.bulk)
  @HttpCode(200)
  @Access({ roles: [Role.Admin, Role.Coordinator], jurisdiction: { query: 'jurisdiction' } })
  @ApiConsumes('text/csv', XLSX_MIME)
  @ApiBody({
    description: 'The registry as a CSV (UTF-8, «;» or «,») or XLSX file with the template columns',
    schema: {
      type: 'string',
      format: 'binary',
      example: 'Организация;Вид организации;Сеть;Ссылка\nАдминистрация;Администрация;ВКонтакте;https://vk.com/abgosk',
    },
  })
  @ApiOperation({
    summary: 'Импорт существующего реестра из CSV или XLSX',
    description:
      'Режим dryRun проверяет файл и сообщает обо всех ошибочных строках, ничего не записывая; применение — всё или ничего и идемпотентно. Тело — файл text/csv или XLSX. Администратор или координатор территории.',
  })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiProblems(400, 401, 403, 422)
  async import(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ImportQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: Buffer,
  ): Promise<ImportReportDto> {
    const format = contentType?.startsWith(XLSX_MIME)
      ? 'xlsx'
      : contentType?.startsWith('text/csv')
        ? 'csv'
        : undefined;
    if (!format || !Buffer.isBuffer(body)) throw new CommonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE);
    const dryRun = query.dryRun !== 'false';
    const report = await this.importer.import(query.jurisdiction, format, body, dryRun, principal.userId);
    if (!dryRun && report.errors.length) {
      throw new RegistryError(RegistryErrorCode.IMPORT_INVALID, { rows: report.rows }, report.errors);
    }
    return report;
  }

  @Get('template.xlsx')
  @Access({ roles: [Role.Admin, Role.Coordinator, Role.Editor] })
  @ApiProduces(XLSX_MIME)
  @ApiOperation({
    summary: 'Шаблон XLSX для импорта реестра',
    description: 'Пустой шаблон реестра, который заполняют пресс-службы.',
  })
  @ApiOkResponse({ description: 'XLSX file', schema: { type: 'string', format: 'binary', example: '(binary XLSX)' } })
  @ApiProblems(401, 403)
  async template(@Res() reply: FastifyReply) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Реестр');
    sheet.addRow(IMPORT_TEMPLATE_HEADERS).font = { bold: true };
    sheet.addRow([
      'Администрация Благодарненского муниципального округа',
      'Администрация',
      '',
      'https://abgosk.ru',
      '',
      'ВКонтакте',
      'https://vk.com/abgosk',
      '01.03.2023',
      '15.05.2023',
    ]);
    sheet.columns.forEach((column) => (column.width = 28));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', 'attachment; filename="registry-template.xlsx"')
      .send(buffer);
  }
}
