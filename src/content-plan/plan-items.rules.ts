import type { ProblemField } from '../common/errors/domain-error';
import { PLAN_FORMATS, PlanFormat } from './plan-workflow.rules';
import { isUnstorable, UNSTORABLE_MESSAGE } from '../common/text/unstorable-text';

/** A planned publication as the press office writes it (API body or a template row). */
export interface PlanItemInput {
  plannedOn: string;
  plannedTime?: string | null;
  pageIds?: string[];
  networks?: string[];
  topic: string;
  format: PlanFormat;
  description?: string | null;
  author?: string | null;
}

export const FORMAT_TITLES: Record<PlanFormat, string> = {
  text: 'текст',
  photo: 'фото',
  infographic: 'инфографика',
  cards: 'карточки',
  animation: 'анимация',
  video: 'видео',
  live: 'прямой эфир',
  poll: 'опрос',
  contest: 'конкурс',
  promo: 'промо',
  other: 'другое',
};

export const NETWORK_TITLES: Record<string, string> = {
  vk: 'ВКонтакте',
  ok: 'Одноклассники',
  telegram: 'Telegram',
  max: 'MAX',
};

export interface ItemContext {
  /** Monday and Sunday of the target week, local dates. */
  monday: string;
  sunday: string;
  /** Live official pages of the organization. */
  pageIds: ReadonlySet<string>;
  /** Networks of the jurisdiction's policy. */
  networks: readonly string[];
}

/**
 * What is wrong with the items against their plan: dates outside the target week, pages of
 * another organization, networks the jurisdiction does not keep official pages in.
 */
export function itemProblems(items: readonly PlanItemInput[], context: ItemContext, field = 'items'): ProblemField[] {
  const problems: ProblemField[] = [];
  items.forEach((item, i) => {
    const at = `${field}[${i}]`;
    if (item.plannedOn < context.monday || item.plannedOn > context.sunday) {
      problems.push({
        field: `${at}.plannedOn`,
        message: `дата должна быть в пределах планируемой недели (${context.monday} — ${context.sunday})`,
      });
    }
    if (!(item.pageIds?.length ?? 0) && !(item.networks?.length ?? 0)) {
      problems.push({ field: at, message: 'укажите страницы (pageIds) или сети (networks) публикации' });
    }
    (item.pageIds ?? []).forEach((id, k) => {
      if (!context.pageIds.has(id.toLowerCase())) {
        problems.push({ field: `${at}.pageIds[${k}]`, message: 'это не действующая официальная страница организации' });
      }
    });
    (item.networks ?? []).forEach((network, k) => {
      if (!context.networks.includes(network)) {
        problems.push({
          field: `${at}.networks[${k}]`,
          message: `официальные страницы ведутся только в сетях: ${context.networks.join(', ')}`,
        });
      }
    });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The XLSX template press offices fill in

export const IMPORT_HEADERS = ['Дата', 'Время', 'Сети', 'Тема', 'Формат', 'Описание', 'Автор'] as const;

const DATE_RU = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const DATE_ISO = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function parseDate(value: string): string | undefined {
  const ru = DATE_RU.exec(value);
  const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : DATE_ISO.test(value) ? value : undefined;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function parseTime(value: string): string | undefined {
  const padded = /^\d:\d{2}$/.test(value) ? `0${value}` : value;
  const m = /^(\d{2}:\d{2})(:00)?$/.exec(padded);
  return m && TIME.test(m[1]) ? m[1] : undefined;
}

const FORMAT_BY_WORD = new Map<string, PlanFormat>(
  PLAN_FORMATS.flatMap((f) => [
    [f, f],
    [FORMAT_TITLES[f], f],
  ]),
);
const NETWORK_BY_WORD = new Map<string, string>(
  Object.entries(NETWORK_TITLES).flatMap(([code, title]) => [
    [code, code],
    [title.toLowerCase(), code],
  ]),
);
NETWORK_BY_WORD.set('вк', 'vk');
NETWORK_BY_WORD.set('ок', 'ok');

export interface ImportResult {
  items: PlanItemInput[];
  errors: ProblemField[];
}

/**
 * Rows of the filled template → items, with every problem named by row and column ("строка 3,
 * «Дата»"). The caller stores nothing when `errors` is not empty (all-or-nothing).
 */
export function parseImportTable(table: readonly (readonly string[])[], context: ItemContext): ImportResult {
  const errors: ProblemField[] = [];
  const items: PlanItemInput[] = [];
  const header = (table[0] ?? []).map((h) => (h ?? '').trim().toLowerCase());
  const column = new Map(IMPORT_HEADERS.map((title) => [title, header.indexOf(title.toLowerCase())]));
  const missing = IMPORT_HEADERS.filter((title) => ['Дата', 'Сети', 'Тема', 'Формат'].includes(title))
    .filter((title) => column.get(title)! < 0)
    .map((title) => ({ field: `«${title}»`, message: 'в первой строке нет этого столбца шаблона' }));
  if (missing.length) return { items, errors: missing };

  for (let r = 1; r < table.length; r++) {
    const row = table[r] ?? [];
    const cell = (title: (typeof IMPORT_HEADERS)[number]) => {
      const index = column.get(title)!;
      return index < 0 ? '' : (row[index] ?? '').trim();
    };
    if (IMPORT_HEADERS.every((title) => cell(title) === '')) continue;
    const where = (title: string) => `строка ${r + 1}, «${title}»`;
    const rowErrors: ProblemField[] = [];
    // PostgreSQL cannot store NUL or a lone surrogate (XLSX writes NUL as _x0000_): named, never a 500.
    const unstorable = IMPORT_HEADERS.filter((title) => isUnstorable(cell(title)));
    if (unstorable.length) {
      errors.push(...unstorable.map((title) => ({ field: where(title), message: UNSTORABLE_MESSAGE })));
      continue;
    }

    const plannedOn = parseDate(cell('Дата'));
    if (!plannedOn) rowErrors.push({ field: where('Дата'), message: 'ожидается дата ДД.ММ.ГГГГ' });
    else if (plannedOn < context.monday || plannedOn > context.sunday) {
      rowErrors.push({
        field: where('Дата'),
        message: `дата вне планируемой недели (${context.monday} — ${context.sunday})`,
      });
    }
    const timeText = cell('Время');
    const plannedTime = timeText === '' ? null : parseTime(timeText);
    if (plannedTime === undefined) rowErrors.push({ field: where('Время'), message: 'ожидается время ЧЧ:ММ' });

    const networkWords = cell('Сети')
      .split(/[,;\n]/)
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean);
    const networks = [...new Set(networkWords.map((w) => NETWORK_BY_WORD.get(w)))];
    if (!networkWords.length) rowErrors.push({ field: where('Сети'), message: 'укажите хотя бы одну сеть' });
    else if (networks.some((n) => n === undefined || !context.networks.includes(n))) {
      rowErrors.push({
        field: where('Сети'),
        message: `допустимы: ${context.networks.map((n) => NETWORK_TITLES[n] ?? n).join(', ')}`,
      });
    }
    const topic = cell('Тема');
    if (!topic) rowErrors.push({ field: where('Тема'), message: 'укажите тему публикации' });
    else if (topic.length > 500) rowErrors.push({ field: where('Тема'), message: 'не длиннее 500 символов' });
    const format = FORMAT_BY_WORD.get(cell('Формат').toLowerCase());
    if (!format) {
      rowErrors.push({ field: where('Формат'), message: `допустимы: ${Object.values(FORMAT_TITLES).join(', ')}` });
    }
    const description = cell('Описание');
    if (description.length > 2000) rowErrors.push({ field: where('Описание'), message: 'не длиннее 2000 символов' });
    const author = cell('Автор');
    if (author.length > 300) rowErrors.push({ field: where('Автор'), message: 'не длиннее 300 символов' });

    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    items.push({
      plannedOn: plannedOn!,
      plannedTime: plannedTime ?? null,
      networks: networks as string[],
      pageIds: [],
      topic,
      format: format!,
      description: description || null,
      author: author || null,
    });
  }
  if (!items.length && !errors.length) {
    errors.push({ field: 'строка 2', message: 'в файле нет ни одной публикации' });
  }
  return { items, errors };
}

// ---------------------------------------------------------------------------------------------
// Export of approved plans

/**
 * A spreadsheet reads a cell starting with = + - @ (or a tab / carriage return before one) as a
 * formula (CSV injection); a leading apostrophe makes it text.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** UTF-8 byte order mark: without it Excel reads the file as Windows-1251. */
export const CSV_BOM = '\uFEFF';

/** Excel with Russian regional settings splits on `;`. */
export function csvLine(values: readonly string[]): string {
  return `${values
    .map((value) => {
      const safe = neutralizeCell(value);
      return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(';')}\r\n`;
}

export const EXPORT_HEADERS = [
  'Организация',
  'Неделя',
  'Дата',
  'Время',
  'Страницы и сети',
  'Тема',
  'Формат',
  'Описание',
  'Автор',
  'Утверждён',
] as const;

export interface ExportRow {
  organizationName: string;
  week: string;
  plannedOn: string;
  plannedTime: string | null;
  targets: string[];
  topic: string;
  format: PlanFormat;
  description: string | null;
  author: string | null;
  /** Local date-time of the approval. */
  approvedAt: string;
}

/** One export row as text cells in EXPORT_HEADERS order, neutralized against formulas. */
export function exportCells(row: ExportRow): string[] {
  const [y, m, d] = row.plannedOn.split('-');
  return [
    row.organizationName,
    row.week,
    `${d}.${m}.${y}`,
    row.plannedTime ?? '',
    row.targets.join(', '),
    row.topic,
    FORMAT_TITLES[row.format],
    row.description ?? '',
    row.author ?? '',
    row.approvedAt,
  ].map(neutralizeCell);
}
