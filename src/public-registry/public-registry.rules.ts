/**
 * The public registry (Khabarovsk Положение 1 p.2.4; Blagodarny p.3.1) as open data: which fields
 * leave the service, how a cell is made safe for spreadsheets, and when a cached copy is still
 * current. Pure: no Nest, no TypeORM, no I/O.
 */
import { isLegacyNetwork, NETWORK_TITLES, type Network } from '../registry/page-url.rules';

export const PUBLIC_PAGE_SIZE = 50;

/** One row of the public registry: only what DOMAIN.md §1 calls public, nothing about access. */
export interface PublicRegistryRow {
  pageId: string;
  organizationId: string;
  organizationName: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  network: Network;
  url: string;
  createdOn: string;
  deletedOn: string | null;
  gosuslugiMarkOn: string | null;
  feedbackWidgetOn: string | null;
}

export interface PublicRegistryFilter {
  /** Already folded with searchKey(). */
  search?: string;
  jurisdiction?: string;
  network?: Network;
  mark?: 'yes' | 'no';
  /**
   * Deleted pages, and pages in legacy networks (Facebook, Instagram, Twitter), are history: they are
   * not official pages today (Order 2523-р), so the registry shows them only when asked for.
   */
  includeDeleted: boolean;
}

/** The open-data columns, in order, with the Russian titles and descriptions the passport carries. */
export const PUBLIC_FIELDS = [
  { key: 'organizationName', title: 'Организация', description: 'Полное наименование органа или организации' },
  { key: 'jurisdictionName', title: 'Территория', description: 'Субъект, округ или поселение, чьи акты применяются' },
  { key: 'networkTitle', title: 'Социальная сеть', description: 'Название социальной сети' },
  { key: 'url', title: 'Ссылка', description: 'Адрес официальной страницы' },
  {
    key: 'gosuslugiMarkOn',
    title: 'Отметка Госуслуг',
    description: 'Дата получения специальной отметки (постановление Правительства РФ № 2560), пусто — нет отметки',
  },
  {
    key: 'feedbackWidgetOn',
    title: 'Виджет ПОС',
    description: 'Дата размещения виджета Платформы обратной связи Госуслуг, пусто — не размещён',
  },
  { key: 'createdOn', title: 'Создана', description: 'Дата создания страницы' },
  {
    key: 'deletedOn',
    title: 'Удалена',
    description: 'Дата удаления страницы; удалённые страницы выгружаются только с includeDeleted=true',
  },
  {
    key: 'network',
    title: 'Код сети',
    description: 'Код сети: vk, ok, telegram, max (facebook, instagram, twitter — история)',
  },
  { key: 'jurisdictionCode', title: 'Код территории', description: 'Код территории в реестре' },
  {
    key: 'organizationId',
    title: 'Идентификатор организации',
    description: 'Постоянный идентификатор организации (UUID)',
  },
  { key: 'pageId', title: 'Идентификатор страницы', description: 'Постоянный идентификатор страницы (UUID)' },
] as const;

export type PublicFieldKey = (typeof PUBLIC_FIELDS)[number]['key'];

export function fieldValues(row: PublicRegistryRow): Record<PublicFieldKey, string> {
  return {
    organizationName: row.organizationName,
    jurisdictionName: row.jurisdictionName,
    networkTitle: NETWORK_TITLES[row.network],
    url: row.url,
    gosuslugiMarkOn: row.gosuslugiMarkOn ?? '',
    feedbackWidgetOn: row.feedbackWidgetOn ?? '',
    createdOn: row.createdOn,
    deletedOn: row.deletedOn ?? '',
    network: row.network,
    jurisdictionCode: row.jurisdictionCode,
    organizationId: row.organizationId,
    pageId: row.pageId,
  };
}

/**
 * A spreadsheet reads a cell starting with = + - @ (or a tab / carriage return before one) as a
 * formula: `=HYPERLINK(...)` in an organization name would run on the reader's machine (CSV
 * injection). A leading apostrophe makes it text.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const safe = neutralizeCell(value);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 byte order mark: without it Excel reads the file as Windows-1251. */
export const CSV_BOM = '\uFEFF';

/** Excel with Russian regional settings splits on `;`, not on `,`. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(';')}\r\n`;
}

export const csvHeader = () => csvLine(PUBLIC_FIELDS.map((field) => field.title));
export const csvRow = (row: PublicRegistryRow) => {
  const values = fieldValues(row);
  return csvLine(PUBLIC_FIELDS.map((field) => values[field.key]));
};

/** What the freshness of the whole registry is judged by (one cheap query). */
export interface RegistryFreshness {
  /** The newest change of an organization or a page; null for an empty registry. */
  changedAt: Date | null;
}

/**
 * A weak validator for every representation of one state of the registry. `salt` changes with the
 * templates and the code version, so a new release is not answered with 304 for an old page.
 */
export function registryEtag(freshness: RegistryFreshness, salt: string): string {
  return `W/"${freshness.changedAt?.getTime() ?? 0}-${salt}"`;
}

/** HTTP dates have whole seconds. */
export function lastModifiedOf(freshness: RegistryFreshness): Date {
  const at = freshness.changedAt?.getTime() ?? 0;
  return new Date(Math.floor(at / 1000) * 1000);
}

/** RFC 9110 §13.1.2–3: If-None-Match wins; If-Modified-Since only when it is absent. */
export function isNotModified(
  headers: { ifNoneMatch?: string; ifModifiedSince?: string },
  etag: string,
  lastModified: Date,
): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '');
    return headers.ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
  }
  // Stryker disable next-line ConditionalExpression: equivalent, without the header Date.parse(undefined) is NaN: not modified is false either way
  if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    return !Number.isNaN(since) && lastModified.getTime() <= since;
  }
  return false;
}

/** 2026-06-10 → 10.06.2026, the form a Russian reader expects. */
export function russianDate(day: string | null): string {
  if (!day) return '';
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/** Only plain web links become links; anything else is shown as text. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url);
}

export function isHistory(row: Pick<PublicRegistryRow, 'deletedOn' | 'network'>): boolean {
  return row.deletedOn !== null || isLegacyNetwork(row.network);
}
