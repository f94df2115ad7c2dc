import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { PassThrough, Readable } from 'node:stream';
import { formatOptionalInstant } from '../calendar/working-time';
import { singleFlight } from '../common/single-flight';
import { searchKey } from '../registry/organization.rules';
import { isLegacyNetwork, NETWORK_TITLES, NETWORKS, type Network } from '../registry/page-url.rules';
import type { PublicRegistryQueryDto } from './dto/public-registry.dto';
import { ExportCursor, PublicRegistryRepository } from './public-registry.repository';
import {
  csvHeader,
  csvRow,
  CSV_BOM,
  fieldValues,
  isHistory,
  isWebLink,
  lastModifiedOf,
  neutralizeCell,
  PUBLIC_FIELDS,
  PUBLIC_PAGE_SIZE,
  PublicRegistryFilter,
  PublicRegistryRow,
  registryEtag,
  russianDate,
} from './public-registry.rules';
import { KIND_TITLES, TEXTS } from './public-registry.texts';
import { RegistryViews } from './registry-views';

const EXPORT_BATCH = 2000;
const BADGES: Record<Network, string> = {
  vk: 'ВК',
  ok: 'ОК',
  telegram: 'TG',
  max: 'MAX',
  facebook: 'FB',
  instagram: 'IG',
  twitter: 'X',
};

export interface Freshness {
  etag: string;
  lastModified: Date;
  changedAt: Date | null;
}

export interface RegistryPage {
  rows: PublicRegistryRow[];
  page: number;
  hasMore: boolean;
}

/** Rendered answers kept per state of the registry; the least recently used go first. */
const RENDERED_CAPACITY = 256;

@Injectable()
export class PublicRegistryService {
  private readonly views = new RegistryViews();
  /**
   * The same URL asked again while the registry has not changed (the ETag is the same) gets the
   * same bytes: the page is public and identical for everyone, so it is rendered once per change.
   * Concurrent misses share one rendering.
   */
  private readonly rendered = new Map<string, { etag: string; body: Promise<string | null> }>();

  constructor(private readonly repository: PublicRegistryRepository) {}

  /**
   * The registry's state for ETag and Last-Modified. Requests that arrive while a probe is on its
   * way share it (one database round trip for a burst of 50 requests instead of 50).
   */
  readonly freshness = singleFlight(() => this.probeFreshness());

  private async probeFreshness(): Promise<Freshness> {
    const freshness = await this.repository.findFreshness();
    return {
      etag: registryEtag(freshness, this.views.fingerprint),
      lastModified: lastModifiedOf(freshness),
      changedAt: freshness.changedAt,
    };
  }

  filterOf(query: PublicRegistryQueryDto): PublicRegistryFilter {
    const q = query.q?.trim();
    return {
      search: q ? searchKey(q) : undefined,
      jurisdiction: query.jurisdiction,
      network: query.network,
      mark: query.mark,
      includeDeleted: query.includeDeleted === true,
    };
  }

  /** One screen; one row more than shown tells whether there is a next page, without a count. */
  async list(query: PublicRegistryQueryDto): Promise<RegistryPage> {
    const page = query.page ?? 1;
    const rows = await this.repository.findRows(
      this.filterOf(query),
      (page - 1) * PUBLIC_PAGE_SIZE,
      PUBLIC_PAGE_SIZE + 1,
    );
    return { rows: rows.slice(0, PUBLIC_PAGE_SIZE), page, hasMore: rows.length > PUBLIC_PAGE_SIZE };
  }

  async renderList(query: PublicRegistryQueryDto, freshness: Freshness): Promise<string> {
    const key = `list?${withPage(linkParams(query), query.page ?? 1)}`;
    return (await this.remember(key, freshness, () => this.renderListNow(query, freshness)))!;
  }

  /** The JSON open-data answer, serialized once per state of the registry. */
  async listJson(query: PublicRegistryQueryDto, freshness: Freshness): Promise<string> {
    const key = `json?${withPage(linkParams(query), query.page ?? 1)}`;
    const body = await this.remember(key, freshness, async () => {
      const result = await this.list(query);
      return JSON.stringify({
        items: result.rows.map((row) => ({
          ...row,
          networkTitle: NETWORK_TITLES[row.network],
          legacyNetwork: isLegacyNetwork(row.network),
        })),
        page: result.page,
        pageSize: PUBLIC_PAGE_SIZE,
        hasMore: result.hasMore,
        // The registry spans jurisdictions: its last change belongs to none (UTC).
        updatedAt: formatOptionalInstant(freshness.changedAt, null),
      });
    });
    return body!;
  }

  private remember(key: string, freshness: Freshness, render: () => Promise<string | null>): Promise<string | null> {
    const hit = this.rendered.get(key);
    if (hit?.etag === freshness.etag) {
      this.rendered.delete(key);
      this.rendered.set(key, hit);
      return hit.body;
    }
    const body = render();
    this.rendered.delete(key);
    this.rendered.set(key, { etag: freshness.etag, body });
    if (this.rendered.size > RENDERED_CAPACITY) this.rendered.delete(this.rendered.keys().next().value!);
    body.then(
      (value) => value === null && this.rendered.delete(key),
      () => this.rendered.delete(key),
    );
    return body;
  }

  private async renderListNow(query: PublicRegistryQueryDto, freshness: Freshness): Promise<string> {
    const [result, jurisdictions] = await Promise.all([this.list(query), this.repository.findJurisdictions()]);
    const params = linkParams(query);
    const pageHref = (page: number) => `/registry?${withPage(params, page)}`;
    const exportQuery = params.toString();
    const suffix = exportQuery ? `?${exportQuery}` : '';
    const first = (result.page - 1) * PUBLIC_PAGE_SIZE + 1;
    return this.views.render('list', {
      ...this.layout(freshness, null),
      query: { q: query.q ?? '', includeDeleted: query.includeDeleted === true },
      jurisdictions: jurisdictions.map((j) => ({ ...j, selected: j.code === query.jurisdiction })),
      networks: NETWORKS.filter((n) => query.includeDeleted || !isLegacyNetwork(n)).map((code) => ({
        code,
        title: NETWORK_TITLES[code],
        selected: code === query.network,
      })),
      marks: [
        { value: 'yes', title: 'есть', selected: query.mark === 'yes' },
        { value: 'no', title: 'нет', selected: query.mark === 'no' },
      ],
      rows: result.rows.map(rowView),
      empty: result.rows.length === 0,
      range: result.rows.length ? `${first}–${first + result.rows.length - 1}` : '',
      page: result.page,
      previousHref: result.page > 1 ? pageHref(result.page - 1) : null,
      nextHref: result.hasMore ? pageHref(result.page + 1) : null,
      csvHref: `/registry.csv${suffix}`,
      xlsxHref: `/registry.xlsx${suffix}`,
      jsonHref: `/api/v1/registry${suffix}`,
    });
  }

  /** The organization's page, or null when there is no such organization. */
  renderOrganization(id: string, includeDeleted: boolean, freshness: Freshness): Promise<string | null> {
    const key = `organization/${id}?${includeDeleted}`;
    return this.remember(key, freshness, () => this.renderOrganizationNow(id, includeDeleted, freshness));
  }

  private async renderOrganizationNow(id: string, includeDeleted: boolean, freshness: Freshness) {
    const organization = await this.repository.findOrganization(id);
    if (!organization) return null;
    const [parents, subordinates, rows] = await Promise.all([
      this.repository.findParentChain(id),
      this.repository.findSubordinates(id),
      this.repository.findOrganizationRows(id, includeDeleted),
    ]);
    const link = (o: { id: string; name: string; closedOn: string | null }) => ({
      name: o.name,
      href: `/registry/organizations/${o.id}`,
      closedOn: russianDate(o.closedOn),
    });
    return this.views.render('organization', {
      ...this.layout(freshness, organization.name),
      organization: {
        name: organization.name,
        kind: KIND_TITLES[organization.kind],
        jurisdictionName: organization.jurisdictionName,
        jurisdictionHref: `/registry?jurisdiction=${encodeURIComponent(organization.jurisdictionCode)}`,
        website: organization.website && isWebLink(organization.website) ? organization.website : null,
        closedOn: russianDate(organization.closedOn),
      },
      parents: parents.map(link),
      subordinates: subordinates.map(link),
      rows: rows.map(rowView),
      empty: rows.length === 0,
      includeDeleted,
      toggleHref: `/registry/organizations/${id}${includeDeleted ? '' : '?includeDeleted=true'}`,
    });
  }

  renderNotFound(): string {
    return this.views.render('not-found', {
      ...this.layout(null, TEXTS.notFoundTitle),
      detail: TEXTS.notFoundDetail,
    });
  }

  /** The whole filtered registry as CSV, streamed in keyset batches. */
  csv(query: PublicRegistryQueryDto): Readable {
    const rows = this.allRows(this.filterOf(query));
    async function* lines() {
      yield CSV_BOM + csvHeader();
      for await (const row of rows) yield csvRow(row);
    }
    return Readable.from(lines());
  }

  /** The whole filtered registry as XLSX, written as a stream (no 500 000-row workbook in memory). */
  xlsx(query: PublicRegistryQueryDto): Readable {
    const output = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Реестр');
    sheet.columns = PUBLIC_FIELDS.map((field) => ({
      header: field.title,
      key: field.key,
      width: field.key === 'organizationName' ? 60 : field.key === 'url' ? 40 : 22,
    }));
    sheet.getRow(1).font = { bold: true };
    const write = async () => {
      for await (const row of this.allRows(this.filterOf(query))) {
        const values = fieldValues(row);
        const cells: Record<string, string> = {};
        for (const field of PUBLIC_FIELDS) cells[field.key] = neutralizeCell(values[field.key]);
        sheet.addRow(cells).commit();
      }
      sheet.commit();
      await workbook.commit();
    };
    write().catch((error: unknown) => output.destroy(error as Error));
    return output;
  }

  private async *allRows(filter: PublicRegistryFilter): AsyncGenerator<PublicRegistryRow> {
    let after: ExportCursor | null = null;
    for (;;) {
      const batch = await this.repository.findRowsAfter(filter, after, EXPORT_BATCH);
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
      const last = batch[batch.length - 1];
      after = {
        organizationName: last.organizationName,
        organizationId: last.organizationId,
        network: last.network,
        createdOn: last.createdOn,
        pageId: last.pageId,
      };
    }
  }

  /** The data-set passport as Russian open-data portals expect it (fields, update date, licence, formats). */
  passport(baseUrl: string, freshness: Freshness) {
    const modified = freshness.changedAt ? DateTime.fromJSDate(freshness.changedAt).setZone('Europe/Moscow') : null;
    return {
      identifier: 'official-pages-registry',
      title: TEXTS.datasetTitle,
      description: TEXTS.datasetDescription,
      publisher: { name: TEXTS.publisher, website: `${baseUrl}/registry` },
      modified: modified?.toISO({ suppressMilliseconds: true }) ?? null,
      updateFrequency: TEXTS.updateFrequency,
      language: 'ru',
      license: { name: TEXTS.licence, code: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ru' },
      keywords: ['официальные страницы', 'социальные сети', 'органы власти', 'госпаблики', 'реестр'],
      formats: [
        {
          format: 'csv',
          mediaType: 'text/csv; charset=utf-8',
          url: `${baseUrl}/registry.csv`,
          description: 'UTF-8 с BOM, разделитель «;»',
        },
        {
          format: 'xlsx',
          mediaType: XLSX_MEDIA_TYPE,
          url: `${baseUrl}/registry.xlsx`,
          description: 'Книга Excel, лист «Реестр»',
        },
        {
          format: 'json',
          mediaType: 'application/json',
          url: `${baseUrl}/api/v1/registry`,
          description: 'Постранично, по 50 записей',
        },
        { format: 'html', mediaType: 'text/html', url: `${baseUrl}/registry`, description: 'Страница реестра' },
      ],
      structure: PUBLIC_FIELDS.map((field) => ({
        name: field.key,
        title: field.title,
        description: field.description,
        type: field.key.endsWith('On') ? 'date' : 'string',
      })),
      filters: 'q, jurisdiction, network, mark=yes|no, includeDeleted=true — одинаково для HTML, CSV, XLSX и JSON',
    };
  }

  private layout(freshness: Freshness | null, title: string | null) {
    return {
      title,
      siteTitle: TEXTS.siteTitle,
      updatedAt: freshness?.changedAt ? moscowTime(freshness.changedAt) : null,
      updatedIso: freshness?.changedAt?.toISOString() ?? null,
    };
  }
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function moscowTime(at: Date): string {
  return `${DateTime.fromJSDate(at).setZone('Europe/Moscow').toFormat('dd.MM.yyyy HH:mm')} (МСК)`;
}

function rowView(row: PublicRegistryRow) {
  return {
    organizationName: row.organizationName,
    organizationHref: `/registry/organizations/${row.organizationId}`,
    jurisdictionName: row.jurisdictionName,
    network: row.network,
    networkTitle: NETWORK_TITLES[row.network],
    badge: BADGES[row.network],
    legacy: isLegacyNetwork(row.network) ? TEXTS.legacyNetwork : null,
    url: row.url,
    // Shorter without the scheme, so that the column stays narrow on a phone.
    urlText: row.url.replace(/^https?:\/\//, ''),
    isLink: isWebLink(row.url),
    createdOn: russianDate(row.createdOn),
    markOn: russianDate(row.gosuslugiMarkOn),
    widgetOn: russianDate(row.feedbackWidgetOn),
    deletedOn: russianDate(row.deletedOn),
    history: isHistory(row),
  };
}

function linkParams(query: PublicRegistryQueryDto): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.jurisdiction) params.set('jurisdiction', query.jurisdiction);
  if (query.network) params.set('network', query.network);
  if (query.mark) params.set('mark', query.mark);
  if (query.includeDeleted) params.set('includeDeleted', 'true');
  return params;
}

function withPage(params: URLSearchParams, page: number): string {
  const copy = new URLSearchParams(params);
  if (page > 1) copy.set('page', String(page));
  return copy.toString();
}
