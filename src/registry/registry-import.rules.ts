import type { ProblemField } from '../common/errors/domain-error';
import { OrganizationKind } from './organization-kind';
import { detectNetwork, Network, NETWORKS, normalizePageUrl, pageUrlProblemMessage } from './page-url.rules';
import { isUnstorable, UNSTORABLE_MESSAGE } from '../common/text/unstorable-text';

/**
 * Rows of a registry as regions keep it today (one line per page, or per organization without
 * pages), read from CSV or XLSX. Pure: no database; the service checks the rows against it.
 */
export interface ImportRow {
  /** Line in the file (the header is line 1). */
  line: number;
  jurisdiction: string;
  organization: string;
  kind: OrganizationKind;
  parent?: string;
  website?: string;
  inn?: string;
  page?: { network: Network; url: string; handle: string; createdOn?: string; gosuslugiMarkOn?: string };
}

type Column =
  | 'jurisdiction'
  | 'organization'
  | 'kind'
  | 'parent'
  | 'website'
  | 'inn'
  | 'network'
  | 'url'
  | 'createdOn'
  | 'gosuslugiMarkOn';

/** Header titles (lower-case, ё→е) → column. Russian first, as the regions' tables have them. */
const HEADERS: Record<string, Column> = {
  территория: 'jurisdiction',
  jurisdiction: 'jurisdiction',
  организация: 'organization',
  'наименование организации': 'organization',
  organization: 'organization',
  'вид организации': 'kind',
  kind: 'kind',
  'вышестоящая организация': 'parent',
  parent: 'parent',
  сайт: 'website',
  'официальный сайт': 'website',
  website: 'website',
  инн: 'inn',
  inn: 'inn',
  сеть: 'network',
  'социальная сеть': 'network',
  network: 'network',
  ссылка: 'url',
  'адрес страницы': 'url',
  'ссылка на страницу': 'url',
  url: 'url',
  'дата создания': 'createdOn',
  createdon: 'createdOn',
  'отметка госуслуг': 'gosuslugiMarkOn',
  'специальная отметка': 'gosuslugiMarkOn',
  gosuslugimarkon: 'gosuslugiMarkOn',
};

export const IMPORT_TEMPLATE_HEADERS = [
  'Организация',
  'Вид организации',
  'Вышестоящая организация',
  'Сайт',
  'ИНН',
  'Сеть',
  'Ссылка',
  'Дата создания',
  'Отметка Госуслуг',
];

const KIND_LABELS: Record<string, OrganizationKind> = {
  'правительство края': OrganizationKind.RegionalGovernment,
  правительство: OrganizationKind.RegionalGovernment,
  администрация: OrganizationKind.Administration,
  'администрация округа': OrganizationKind.Administration,
  'орган исполнительной власти': OrganizationKind.ExecutiveBody,
  'исполнительный орган': OrganizationKind.ExecutiveBody,
  'орган администрации': OrganizationKind.AdministrationOrgan,
  'орган администрации с правами юридического лица': OrganizationKind.AdministrationOrgan,
  'подведомственная организация': OrganizationKind.SubordinateOrganization,
  'подведомственное учреждение': OrganizationKind.SubordinateOrganization,
  'администрация поселения': OrganizationKind.SettlementAdministration,
};

const NETWORK_LABELS: Record<string, Network> = {
  вконтакте: 'vk',
  вк: 'vk',
  одноклассники: 'ok',
  ок: 'ok',
  телеграм: 'telegram',
  телеграмм: 'telegram',
  макс: 'max',
  фейсбук: 'facebook',
  инстаграм: 'instagram',
  твиттер: 'twitter',
};

export const normalizeTitle = (value: string) => value.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** Maps header cells to columns; unknown headers are reported, required ones must be there. */
export function mapHeaders(headers: string[]): { columns: (Column | undefined)[]; problems: ProblemField[] } {
  const columns = headers.map((h) => HEADERS[normalizeTitle(h ?? '')]);
  const problems: ProblemField[] = [];
  headers.forEach((h, i) => {
    if (h?.trim() && !columns[i])
      problems.push({ field: `строка 1, столбец ${i + 1}`, message: `неизвестный столбец «${h.trim()}»` });
  });
  for (const [column, title] of [
    ['organization', 'Организация'],
    ['kind', 'Вид организации'],
  ] as const) {
    if (!columns.includes(column))
      problems.push({ field: 'строка 1', message: `нет обязательного столбца «${title}»` });
  }
  return { columns, problems };
}

/** dd.mm.yyyy or yyyy-mm-dd → yyyy-mm-dd (a real date), else undefined. */
export function parseImportDate(value: string): string | undefined {
  const v = value.trim();
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = v.includes('.') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Stryker disable next-line ConditionalExpression: equivalent, a day past the month's end always moves the month too
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) ? `${y}-${mo}-${d}` : undefined;
}

function parseKind(value: string): OrganizationKind | undefined {
  const v = normalizeTitle(value);
  return (
    KIND_LABELS[v] ??
    ((Object.values(OrganizationKind) as string[]).find((k) => k === v) as OrganizationKind | undefined)
  );
}

function parseNetwork(value: string): Network | undefined {
  const v = normalizeTitle(value);
  return NETWORK_LABELS[v] ?? ((NETWORKS as readonly string[]).find((n) => n === v) as Network | undefined);
}

/**
 * One data line → a row or the problems of that line (`строка N: Столбец`). Empty lines give
 * neither. `defaultJurisdiction` is used when the file has no «Территория» column.
 */
export function parseImportLine(
  line: number,
  cells: string[],
  columns: (Column | undefined)[],
  defaultJurisdiction: string,
): { row?: ImportRow; problems: ProblemField[] } {
  const value = (column: Column) => {
    const i = columns.indexOf(column);
    return i >= 0 ? String(cells[i] ?? '').trim() : '';
  };
  if (cells.every((c) => !String(c ?? '').trim())) return { problems: [] };
  const problems: ProblemField[] = [];
  const bad = (title: string, message: string) => problems.push({ field: `строка ${line}: ${title}`, message });

  // PostgreSQL cannot store such a cell: a dry run must say so, exactly as the real import would.
  cells.forEach((cell, i) => {
    if (isUnstorable(String(cell ?? ''))) bad(`столбец ${i + 1}`, UNSTORABLE_MESSAGE);
  });
  if (problems.length) return { problems };

  const organization = value('organization');
  if (!organization) bad('Организация', 'не заполнено');
  else if (organization.length > 500) bad('Организация', 'слишком длинное наименование');
  const kind = parseKind(value('kind'));
  if (!kind) bad('Вид организации', `неизвестный вид «${value('kind')}»`);
  const inn = value('inn');
  if (inn && !/^(\d{10}|\d{12})$/.test(inn)) bad('ИНН', 'ожидается 10 или 12 цифр');
  const website = value('website');
  if (website && !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(website)) bad('Сайт', 'ожидается адрес вида https://…');

  let page: ImportRow['page'];
  const url = value('url');
  if (url) {
    const networkCell = value('network');
    const network = networkCell ? parseNetwork(networkCell) : detectNetwork(url);
    if (!network) {
      bad(
        'Сеть',
        networkCell ? `неизвестная сеть «${networkCell}»` : 'не удалось определить сеть по ссылке; укажите её',
      );
    } else {
      const normalized = normalizePageUrl(network, url);
      if (!normalized.ok) bad('Ссылка', pageUrlProblemMessage(network, normalized.problem));
      else {
        page = { network, url: normalized.url, handle: normalized.handle };
        const createdCell = value('createdOn');
        if (createdCell) {
          const createdOn = parseImportDate(createdCell);
          if (createdOn) page.createdOn = createdOn;
          else bad('Дата создания', 'ожидается дата ДД.ММ.ГГГГ');
        }
        const markCell = value('gosuslugiMarkOn');
        if (markCell && !/^(нет|-)$/i.test(markCell)) {
          const markOn = parseImportDate(markCell);
          if (markOn) page.gosuslugiMarkOn = markOn;
          else bad('Отметка Госуслуг', 'ожидается дата получения ДД.ММ.ГГГГ или «нет»');
        }
      }
    }
  } else if (value('network')) {
    bad('Ссылка', 'указана сеть, но нет ссылки на страницу');
  }
  if (problems.length) return { problems };
  return {
    row: {
      line,
      jurisdiction: value('jurisdiction') || defaultJurisdiction,
      organization: organization.replace(/\s+/g, ' '),
      kind: kind!,
      ...(value('parent') && { parent: value('parent').replace(/\s+/g, ' ') }),
      ...(website && { website }),
      ...(inn && { inn }),
      ...(page && { page }),
    },
    problems,
  };
}
