import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiNotFoundResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorator';
import { ApiProblems, problemResponse } from '../common/problem/api-problems.decorator';
import { PublicUrl } from '../common/public-url';
import { prefersHtml } from '../common/problem/prefers-html';
import { RegistryError, RegistryErrorCode } from '../registry/registry.errors';
import { PublicOrganizationQueryDto, PublicRegistryQueryDto, RegistryListDto } from './dto/public-registry.dto';
import { isNotModified } from './public-registry.rules';
import { Freshness, PublicRegistryService, XLSX_MEDIA_TYPE } from './public-registry.service';
import { API_TAG } from '../common/openapi/api-tags';
import { ApiUuidParam } from '../common/openapi/api-params';

const HTML = 'text/html; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HTML_EXAMPLE = { type: 'string', example: '<!doctype html><html lang="ru">…</html>' };
const NOT_MODIFIED = 'The registry has not changed since the ETag / Last-Modified the client sent';

/**
 * The published registry (Khabarovsk Положение 1 p.2.4; Blagodarny p.3.1): an HTML page that works
 * without JavaScript and the same data as open data. No token; only public fields.
 */
@ApiTags(API_TAG.publicRegistry)
@Public()
@Controller()
export class PublicRegistryController {
  constructor(
    private readonly registry: PublicRegistryService,
    private readonly publicUrl: PublicUrl,
  ) {}

  /** The start page of a public instance is the registry. */
  @Get()
  @ApiExcludeEndpoint()
  root(@Res() reply: FastifyReply) {
    return reply.redirect('/registry', 302);
  }

  @Get('registry')
  @ApiOperation({
    summary: 'Открытый реестр: страница HTML',
    description: 'Поиск, фильтры, 50 страниц на экране. Доступно без входа; поддерживает условные запросы (ETag, 304).',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML page', schema: HTML_EXAMPLE })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @ApiProblems(400)
  async page(@Query() query: PublicRegistryQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const freshness = await this.conditional(request, reply);
    if (!freshness) return;
    return reply.type(HTML).send(await this.registry.renderList(query, freshness));
  }

  @Get('registry/organizations/:id')
  @ApiOperation({
    summary: 'Организация в открытом реестре (HTML)',
    description: 'Страницы организации, вышестоящие и подчинённые организации. Доступно без входа.',
  })
  @ApiUuidParam('id', 'Идентификатор организации')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'Страница HTML', schema: HTML_EXAMPLE })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @ApiNotFoundResponse({
    description: 'Организация не найдена: браузеру (Accept: text/html) — страница HTML, иначе problem+json',
    content: { ...problemResponse(404).content, 'text/html': { schema: HTML_EXAMPLE } },
  })
  async organization(
    @Param('id') id: string,
    @Query() query: PublicOrganizationQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (!UUID.test(id)) return this.notFound(request, reply);
    const freshness = await this.conditional(request, reply);
    if (!freshness) return;
    const html = await this.registry.renderOrganization(id.toLowerCase(), query.includeDeleted === true, freshness);
    if (html === null) return this.notFound(request, reply);
    return reply.type(HTML).send(html);
  }

  private notFound(request: FastifyRequest, reply: FastifyReply) {
    if (!prefersHtml(request)) throw new RegistryError(RegistryErrorCode.ORGANIZATION_NOT_FOUND);
    return reply.status(404).type(HTML).send(this.registry.renderNotFound());
  }

  @Get('api/v1/registry')
  @ApiOperation({
    summary: 'Открытый реестр в JSON (открытые данные)',
    description:
      'Те же фильтры, что у страницы реестра, 50 строк на странице. Доступно без входа; поддерживает условные запросы (ETag, 304).',
  })
  @ApiOkResponse({ type: RegistryListDto })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @ApiProblems(400)
  async json(@Query() query: PublicRegistryQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const freshness = await this.conditional(request, reply);
    if (!freshness) return;
    const body = await this.registry.listJson(query, freshness);
    return reply.type('application/json; charset=utf-8').send(body);
  }

  @Get('registry.csv')
  @ApiOperation({
    summary: 'Открытый реестр в CSV',
    description: 'UTF-8 с BOM, разделитель «;» (Excel открывает файл как есть). Доступно без входа.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV file; cells starting with = + - @ are prefixed with an apostrophe',
    schema: { type: 'string', example: '\uFEFFОрганизация;Территория;Социальная сеть;Ссылка;…' },
  })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @ApiProblems(400)
  async csv(@Query() query: PublicRegistryQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const freshness = await this.conditional(request, reply);
    if (!freshness) return;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="registry.csv"')
      .send(this.registry.csv(query));
  }

  @Get('registry.xlsx')
  @ApiOperation({
    summary: 'Открытый реестр в XLSX',
    description: 'Книга Excel с листом «Реестр». Доступно без входа.',
  })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'XLSX file', schema: { type: 'string', format: 'binary', example: '(binary XLSX)' } })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  @ApiProblems(400)
  async xlsx(@Query() query: PublicRegistryQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const freshness = await this.conditional(request, reply);
    if (!freshness) return;
    return reply
      .type(XLSX_MEDIA_TYPE)
      .header('content-disposition', 'attachment; filename="registry.xlsx"')
      .send(this.registry.xlsx(query));
  }

  @Get('registry/passport.json')
  @ApiOperation({
    summary: 'Паспорт набора открытых данных',
    description: 'Состав полей, дата обновления, лицензия, публикатор и форматы набора. Доступно без входа.',
  })
  @ApiOkResponse({
    description: 'Паспорт набора данных (описания полей на русском)',
    schema: {
      type: 'object',
      additionalProperties: true,
      example: {
        identifier: 'official-pages-registry',
        title: 'Реестр официальных страниц органов власти и подведомственных организаций в социальных сетях',
        modified: '2026-06-10T12:15:00+03:00',
        license: { name: 'CC BY 4.0', code: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ru' },
        formats: [{ format: 'csv', url: 'https://example.ru/registry.csv' }],
        structure: [{ name: 'organizationName', title: 'Организация', description: '…', type: 'string' }],
      },
    },
  })
  @ApiNotModifiedResponse({ description: NOT_MODIFIED })
  async passport(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const freshness = await this.conditional(request, reply);
    if (!freshness) return;
    return reply.send(this.registry.passport(this.publicUrl.base, freshness));
  }

  /** Sets the validators; answers 304 and returns null when the client's copy is current. */
  private async conditional(request: FastifyRequest, reply: FastifyReply): Promise<Freshness | null> {
    const freshness = await this.registry.freshness();
    void reply
      .header('etag', freshness.etag)
      .header('last-modified', freshness.lastModified.toUTCString())
      .header('cache-control', 'public, max-age=60');
    const headers = {
      ifNoneMatch: request.headers['if-none-match'],
      ifModifiedSince: request.headers['if-modified-since'],
    };
    if (!isNotModified(headers, freshness.etag, freshness.lastModified)) return freshness;
    await reply.status(304).send();
    return null;
  }
}
