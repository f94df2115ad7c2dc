import type { ProblemField } from '../common/errors/domain-error';
import { PUBLICATION_FORMATS, PUBLICATION_SOURCES, PublicationFormat, PublicationSource } from './publication.entity';

export const MAX_PUBLICATIONS_PER_REQUEST = 10_000;
export const MAX_TEXT_LENGTH = 20_000;
const MAX_EXTERNAL_ID = 200;
const MAX_URL = 2048;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = new Set(['pageId', 'pageUrl', 'publishedAt', 'url', 'externalId', 'format', 'text', 'source']);

/** A row as sent, checked for shape; the page and the instant are resolved against the registry. */
export interface PublicationRow {
  index: number;
  page: { id: string } | { url: string };
  /** As sent: ISO-8601, local time of the page's jurisdiction when it has no offset. */
  publishedAt: string;
  url: string | null;
  externalId: string | null;
  format: PublicationFormat | null;
  text: string | null;
  source: PublicationSource;
}

export interface RowProblem extends ProblemField {
  index: number;
}

/** NUL and lone surrogates: PostgreSQL text cannot hold them. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what it looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Checks one row of a batch. Problems name the row's index and field (`publications[3].url`), so a
 * press office can fix exactly that line; the rest of the batch goes on.
 */
export function parsePublicationRow(
  raw: unknown,
  index: number,
  defaultSource: PublicationSource,
): { row: PublicationRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ index, field: `publications[${index}]${field ? `.${field}` : ''}`, message });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    bad('', 'ожидается объект публикации');
    return { problems };
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!FIELDS.has(key)) bad(key, 'неизвестное поле');

  const pageId = text(r.pageId);
  const pageUrl = text(r.pageUrl);
  if (pageId !== undefined && !UUID.test(pageId)) bad('pageId', 'ожидается идентификатор страницы (UUID)');
  if (pageId === undefined && pageUrl === undefined) bad('pageId', 'укажите страницу: pageId или pageUrl');
  if (pageId !== undefined && pageUrl !== undefined) bad('pageUrl', 'укажите только одно: pageId или pageUrl');

  const publishedAt = text(r.publishedAt);
  if (publishedAt === undefined) bad('publishedAt', 'укажите дату и время публикации (ISO 8601)');

  const url = text(r.url) ?? null;
  if (url !== null && (url.length > MAX_URL || !/^https?:\/\/\S+$/i.test(url))) {
    bad('url', 'ожидается адрес публикации, начинающийся с https://');
  }
  const externalId = text(r.externalId) ?? null;
  if (r.externalId !== undefined && r.externalId !== null && typeof r.externalId !== 'string') {
    bad('externalId', 'ожидается строка');
  } else if (externalId !== null && externalId.length > MAX_EXTERNAL_ID) {
    bad('externalId', `не длиннее ${MAX_EXTERNAL_ID} символов`);
  }
  if (url === null && externalId === null)
    bad('url', 'укажите адрес публикации (url) или её идентификатор в сети (externalId)');

  const format = r.format === undefined || r.format === null || r.format === '' ? null : r.format;
  if (format !== null && !(PUBLICATION_FORMATS as readonly unknown[]).includes(format)) {
    bad('format', `ожидается одно из: ${PUBLICATION_FORMATS.join(', ')}`);
  }
  const body = r.text === undefined || r.text === null || r.text === '' ? null : r.text;
  if (body !== null && (typeof body !== 'string' || body.length > MAX_TEXT_LENGTH)) {
    bad('text', `ожидается текст не длиннее ${MAX_TEXT_LENGTH} символов`);
  }
  const source = r.source === undefined || r.source === null || r.source === '' ? defaultSource : r.source;
  if (!(PUBLICATION_SOURCES as readonly unknown[]).includes(source)) {
    bad('source', `ожидается одно из: ${PUBLICATION_SOURCES.join(', ')}`);
  }
  for (const field of ['pageUrl', 'publishedAt', 'url', 'externalId', 'text'] as const) {
    const value = r[field];
    if (typeof value === 'string' && UNSTORABLE.test(value))
      bad(field, 'недопустимый символ (NUL или одиночный суррогат)');
  }
  if (problems.length) return { problems };
  return {
    row: {
      index,
      page: pageId !== undefined ? { id: pageId.toLowerCase() } : { url: pageUrl! },
      publishedAt: publishedAt!,
      url,
      externalId,
      format: format as PublicationFormat | null,
      text: body as string | null,
      source: source as PublicationSource,
    },
  };
}

/** What makes a re-sent row the same publication of a page: its id in the network, else its URL. */
export function sourceKey(row: Pick<PublicationRow, 'externalId' | 'url'>): string {
  return row.externalId !== null ? `id:${row.externalId}` : `url:${normalizePostUrl(row.url!)}`;
}

/** Scheme and host in lower case, no trailing slash or fragment: one post, one key. */
export function normalizePostUrl(url: string): string {
  const hashless = url.split('#')[0]!;
  // Stryker disable next-line Regex: equivalent without $ too, a checked post URL has no line break (\S+)
  const match = /^(https?):\/\/([^/?]+)(.*)$/i.exec(hashless);
  if (!match) return hashless;
  const rest = match[3]!.replace(/\/+$/, '');
  return `https://${match[2]!.toLowerCase().replace(/^www\./, '')}${rest}`;
}

/** CSV columns (Russian or English headers) → row fields; unknown headers are reported. */
type CsvField = 'pageId' | 'pageUrl' | 'publishedAt' | 'url' | 'externalId' | 'format' | 'text' | 'source';
const CSV_HEADERS: Record<string, CsvField> = {
  pageid: 'pageId',
  'страница (id)': 'pageId',
  pageurl: 'pageUrl',
  страница: 'pageUrl',
  'адрес страницы': 'pageUrl',
  publishedat: 'publishedAt',
  'дата и время': 'publishedAt',
  'дата публикации': 'publishedAt',
  url: 'url',
  'адрес публикации': 'url',
  externalid: 'externalId',
  'идентификатор публикации': 'externalId',
  format: 'format',
  формат: 'format',
  text: 'text',
  текст: 'text',
  source: 'source',
  источник: 'source',
};
export function mapCsvHeaders(headers: string[]): { fields: (string | undefined)[]; problems: ProblemField[] } {
  const problems: ProblemField[] = [];
  const fields = headers.map((header, i) => {
    // Stryker disable Regex,StringLiteral: equivalent, trim() already removes a byte order mark (U+FEFF)
    const field =
      CSV_HEADERS[
        header
          .trim()
          .toLowerCase()
          .replace(/^\ufeff/, '')
      ];
    // Stryker restore Regex,StringLiteral
    if (!field && header.trim() !== '')
      problems.push({ field: `columns[${i}]`, message: `неизвестный столбец «${header}»` });
    return field;
  });
  if (!fields.includes('publishedAt'))
    problems.push({ field: 'columns', message: 'нет столбца publishedAt («Дата и время»)' });
  if (!fields.includes('pageId') && !fields.includes('pageUrl')) {
    problems.push({ field: 'columns', message: 'нет столбца pageUrl («Страница») или pageId' });
  }
  return { fields, problems };
}
