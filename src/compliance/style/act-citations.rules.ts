/**
 * Citations of normative legal acts in a text — Plastunovskaya Прил. 1 p.7 and Прил. 2 p.20:
 * «избыточное цитирование нормативных правовых актов (не более двух на одну публикацию)». Pure.
 *
 * What counts as a citation: a named act with something that identifies it — its number, date or
 * title («Федеральный закон от 09.02.2009 № 8-ФЗ», «постановление Правительства РФ № 2560»,
 * «распоряжение № 2523-р», «указ Президента от 07.05.2018 № 204», «Закон Хабаровского края
 * «О…»»); a bare number with an act-type suffix («№ 59-ФЗ», «№ 77-пр»); a code («ст. 12 ТК РФ»,
 * «статья 191 Гражданского кодекса») or the Constitution. A mention without anything identifying
 * («по постановлению правительства») is not counted: it cites nothing a reader could look up.
 *
 * How matches are merged:
 * 1. Overlapping matches are one mention («Федеральный закон … № 8-ФЗ» is found both as a named act
 *    and as a bare «№ 8-ФЗ»); article, part and item references before an act belong to it
 *    («часть 1.2 статьи 13 Федерального закона № 8-ФЗ» is one mention).
 * 2. Mentions are grouped by the act they identify: the number (with its suffix, or with the kind of
 *    act when it has none), else the code, else kind and date, else the title. A title seen once
 *    with a number identifies that number later («статья 13 Федерального закона «Об обеспечении
 *    доступа…»» after «№ 8-ФЗ «Об обеспечении доступа…»»). So one act counts once however many of
 *    its articles are quoted.
 * 3. Each distinct act is reported once, at its first mention.
 * A list «постановлениями от … № 1 и от … № 2» is two acts.
 */
import type { Span } from './style-text';

export interface ActCitation extends Span {
  /** How the act is identified, as a person reads it: «8-ФЗ», «ТК РФ», «постановление № 2560». */
  act: string;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const DATE = `(?:\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\d{1,2}\\s+(?:${MONTHS.join('|')})\\s+\\d{4})(?:\\s*(?:г\\.|года|г${E}))?`;
const NUMBER = `(?:№|${B}n)\\s*\\d+\\p{L}{0,3}(?:[-‐‑–/][\\p{L}\\d]+)*`;
const NOUN_ENDINGS = '(?:е|я|ю|ем|и|й|ям|ями|ях)';
const MASC_ENDINGS = '(?:а|у|ом|е|ы|ов|ам|ами|ах)?';
const KINDS: { kind: string; source: string }[] = [
  { kind: 'закон', source: `(?:федеральн\\p{L}*\\s+(?:конституционн\\p{L}*\\s+)?)?закон${MASC_ENDINGS}` },
  { kind: 'постановление', source: `постановлени${NOUN_ENDINGS}` },
  { kind: 'распоряжение', source: `распоряжени${NOUN_ENDINGS}` },
  { kind: 'приказ', source: `приказ${MASC_ENDINGS}` },
  { kind: 'указ', source: `указ${MASC_ENDINGS}` },
  // Only councils' decisions are normative acts; «решение суда» is not.
  { kind: 'решение', source: `решени${NOUN_ENDINGS}\\s+(?:совета|думы|собрания|схода)` },
];
const ARTICLE_WORD =
  '(?:ст\\.|стать(?:я|и|е|ю|ей|ям|ях)|ч\\.|част(?:ь|и|ью|ей|ям|ях)|п\\.|пп\\.|пункт(?:а|у|ом|е|ы|ов|ам|ах)?|подпункт\\p{L}*|абз\\.|абзац\\p{L}*)';
const ARTICLE_NUMBER = '\\d+(?:\\.\\d+)*(?:\\s*(?:,|и|–|-)\\s*\\d+(?:\\.\\d+)*)*';
const ARTICLES = `(?:${ARTICLE_WORD}\\s*${ARTICLE_NUMBER}\\s+)*`;
/**
 * Words between the kind and the details: the issuer («Правительства Российской Федерации»,
 * «главы администрации (губернатора) Краснодарского края», «Минтруда России», «МЧС»). Only words
 * that can name an issuer: bodies and territories, adjectives in the genitive, short abbreviations.
 * So «по постановлению правительства школа № 5» or «постановления на официальном сайте …
 * «Интернет»» name no act.
 */
const ISSUER_WORD =
  '(?:(?:правительств|администраци|губернатор|глав|президент|министерств|мин|рос|департамент|комитет|управлени|' +
  'совет|дум|собрани|мэр|федераци|росси|кра|област|район|округ|поселени|город|станиц|республик)\\p{L}*|' +
  '[\\p{L}-]+(?:ого|его|ой|ей|ых|их)|\\p{L}{2,4}|\\(\\p{L}+\\))';
const ISSUER = `(?:\\s+${ISSUER_WORD}(?![\\p{L}\\p{N}])){0,14}?`;
const DETAILS = `(?:\\s*,?\\s+от\\s+(${DATE})(?:\\s*(${NUMBER}))?|\\s*(${NUMBER})(?:\\s+от\\s+(${DATE}))?|\\s*(?=[«"„“]))`;

const NAMED_ACTS = KINDS.map(({ kind, source }) => ({
  kind,
  pattern: new RegExp(`${B}${ARTICLES}(?:${source})${E}${ISSUER}${DETAILS}`, 'gu'),
}));
const MORE_OF_THE_SAME_KIND = new RegExp(`\\s*(?:,|и)\\s*от\\s+(${DATE})\\s*(${NUMBER})`, 'uy');
const SUFFIXED_NUMBER = new RegExp(`(?:№|${B}n)\\s*\\d+[-‐‑–](?:фкз|фз|кз|оз|з|рп|пр|р|п|па|пг|уг)${E}`, 'gu');

interface Code {
  label: string;
  pattern: RegExp;
}
const RF = '(?:рф|российской\\s+федерации)';
const code = (label: string, abbreviation: string, fullName: string): Code[] => [
  // «ТК РФ», or «ст. 81 ТК» (the article makes the abbreviation unambiguous: «ТК» is also a mall).
  {
    label,
    pattern: new RegExp(
      `${B}(?:${ARTICLES}${abbreviation}\\s+${RF}|(?:${ARTICLE_WORD}\\s*${ARTICLE_NUMBER}\\s+)+${abbreviation})${E}`,
      'gu',
    ),
  },
  { label, pattern: new RegExp(`${B}${ARTICLES}${fullName}(?:\\s+${RF})?${E}`, 'gu') },
];
const CODES: Code[] = [
  ...code('ГПК РФ', 'гпк', 'гражданск\\p{L}*\\s+процессуальн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('АПК РФ', 'апк', 'арбитражн\\p{L}*\\s+процессуальн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('УПК РФ', 'упк', 'уголовно-процессуальн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('УИК РФ', 'уик', 'уголовно-исполнительн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('КоАП РФ', 'коап', `кодекс\\p{L}*(?:\\s+${RF})?\\s+об\\s+административных\\s+правонарушениях`),
  ...code('КАС РФ', 'кас', 'кодекс\\p{L}*\\s+административного\\s+судопроизводства'),
  ...code('ТК РФ', 'тк', 'трудов\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('ГК РФ', 'гк', 'гражданск\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('НК РФ', 'нк', 'налогов\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('ЖК РФ', 'жк', 'жилищн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('УК РФ', 'ук', 'уголовн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('БК РФ', 'бк', 'бюджетн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('ЗК РФ', 'зк', 'земельн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('ГрК РФ', 'грк', 'градостроительн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('СК РФ', 'ск', 'семейн\\p{L}*\\s+кодекс\\p{L}*'),
  ...code('ЛК РФ', 'лк', 'лесн\\p{L}*\\s+кодекс\\p{L}*'),
  // «ВК» alone is VKontakte: the water code only with «РФ» or an article.
  ...code('ВК РФ', 'вк', 'водн\\p{L}*\\s+кодекс\\p{L}*'),
  { label: 'Конституция РФ', pattern: new RegExp(`${B}${ARTICLES}конституци(?:я|и|ю|ей)\\s+${RF}${E}`, 'gu') },
];

interface Mention extends Span {
  /** Identity keys found in the mention (several when two matches overlap). */
  keys: string[];
  labels: Map<string, string>;
  title?: string;
}

/** The distinct acts cited in the text, each at its first mention, in text order. */
export function findActCitations(text: string, normalized: string): ActCitation[] {
  const mentions: Mention[] = [];
  const add = (start: number, end: number, key: string, label: string, title?: string) =>
    mentions.push({ start, end, keys: [key], labels: new Map([[key, label]]), title });

  for (const { kind, pattern } of NAMED_ACTS) {
    for (const match of normalized.matchAll(pattern)) {
      const [whole, dateA, numberA, numberB, dateB] = match;
      const number = numberA ?? numberB;
      const date = dateA ?? dateB;
      let end = match.index + whole.length;
      const title = quotedTitle(text, end);
      if (title) end = title.end;
      if (number !== undefined) {
        const id = numberKey(number, kind);
        add(match.index, end, id.key, id.label, title?.key);
      } else if (date !== undefined) {
        add(match.index, end, `${kind}:${isoDate(date)}`, `${kind} от ${date}`, title?.key);
      } else if (title) {
        add(match.index, end, `title:${title.key}`, `${kind} ${text.slice(title.start, title.end)}`, title.key);
      } else {
        continue;
      }
      // «… от 01.02.2020 № 1 и от 03.04.2021 № 2»: further acts of the same kind.
      let cursor = end;
      MORE_OF_THE_SAME_KIND.lastIndex = cursor;
      let more = MORE_OF_THE_SAME_KIND.exec(normalized);
      while (more) {
        const id = numberKey(more[2], kind);
        // The fragment starts at «от», after the comma or «и» that joins it to the list.
        const start = cursor + more[0].indexOf('от');
        cursor += more[0].length;
        add(start, cursor, id.key, id.label);
        MORE_OF_THE_SAME_KIND.lastIndex = cursor;
        more = MORE_OF_THE_SAME_KIND.exec(normalized);
      }
    }
  }
  for (const match of normalized.matchAll(SUFFIXED_NUMBER)) {
    const id = numberKey(match[0], '');
    add(match.index, match.index + match[0].length, id.key, id.label);
  }
  for (const { label, pattern } of CODES) {
    for (const match of normalized.matchAll(pattern)) {
      add(match.index, match.index + match[0].length, `code:${label}`, label);
    }
  }
  return distinctActs(mergeOverlapping(mentions));
}

function mergeOverlapping(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Mention[] = [];
  for (const mention of sorted) {
    const last = merged[merged.length - 1];
    if (last && mention.start < last.end) {
      last.end = Math.max(last.end, mention.end);
      for (const key of mention.keys) {
        if (!last.keys.includes(key)) {
          last.keys.push(key);
          last.labels.set(key, mention.labels.get(key) ?? key);
        }
      }
      last.title ??= mention.title;
    } else {
      merged.push({ ...mention, keys: [...mention.keys], labels: new Map(mention.labels) });
    }
  }
  return merged;
}

function distinctActs(mentions: Mention[]): ActCitation[] {
  // A title that came with a number names that number wherever it appears alone.
  const numberOfTitle = new Map<string, string>();
  for (const mention of mentions) {
    const numbered = mention.keys.find((key) => key.startsWith('number:'));
    if (mention.title && numbered) numberOfTitle.set(mention.title, numbered);
  }
  const seen = new Set<string>();
  const acts: ActCitation[] = [];
  for (const mention of mentions) {
    // Keys of one mention are one act unless they are different numbers (overlap of two acts is
    // not possible: a bare number inside a named act is that act's number).
    const resolved = mention.keys.map((key) =>
      key.startsWith('title:') ? (numberOfTitle.get(key.slice('title:'.length)) ?? key) : key,
    );
    const numbers = [...new Set(resolved.filter((key) => key.startsWith('number:')))];
    const identities = numbers.length > 0 ? numbers : [resolved[0]];
    for (const key of identities) {
      if (seen.has(key)) continue;
      seen.add(key);
      const original = mention.keys[resolved.indexOf(key)] ?? key;
      acts.push({ start: mention.start, end: mention.end, act: mention.labels.get(original) ?? key });
    }
  }
  return acts;
}

/** A suffixed number is the act («8-ФЗ»); a plain one needs the kind («постановление № 2560»). */
function numberKey(raw: string, kind: string): { key: string; label: string } {
  const number = raw
    .replace(/^(?:№|n)\s*/u, '')
    .replace(/[‐‑–]/gu, '-')
    .replace(/\s+/gu, '');
  const suffixed = /\d-\p{L}+$/u.test(number);
  const label = suffixed ? number.replace(/-(\p{L}+)$/u, (_, suffix: string) => `-${displaySuffix(suffix)}`) : number;
  return suffixed
    ? { key: `number:${number}`, label }
    : { key: `number:${kind}:${number}`, label: `${kind} № ${label}` };
}

function displaySuffix(suffix: string): string {
  return /^(?:фкз|фз|кз|оз|з)$/.test(suffix) ? suffix.toUpperCase() : suffix;
}

function isoDate(date: string): string {
  const numeric = /(\d{1,2})\.(\d{1,2})\.(\d{2,4})/.exec(date);
  if (numeric) {
    const year = numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3];
    return `${year}-${numeric[2].padStart(2, '0')}-${numeric[1].padStart(2, '0')}`;
  }
  const worded = /(\d{1,2})\s+(\p{L}+)\s+(\d{4})/u.exec(date);
  if (!worded) return date;
  const month = MONTHS.indexOf(worded[2]) + 1;
  return `${worded[3]}-${String(month).padStart(2, '0')}-${worded[1].padStart(2, '0')}`;
}

/** A title in quotes right after `from`, nested «…«…»…» included; its key is its normalized text. */
function quotedTitle(text: string, from: number): (Span & { key: string }) | undefined {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const open = text[i];
  let close: number | undefined;
  if (open === '«') {
    let depth = 0;
    for (let j = i; j < text.length && j < i + 600 && text[j] !== '\n'; j++) {
      if (text[j] === '«') depth++;
      else if (text[j] === '»' && --depth === 0) {
        close = j;
        break;
      }
    }
  } else if (open === '"' || open === '„' || open === '“') {
    // Straight and English quotes cannot be told open from close: the next one ends the title.
    const next = text.slice(i + 1, i + 600).search(/["“”\n]/u);
    if (next >= 0 && text[i + 1 + next] !== '\n') close = i + 1 + next;
  }
  if (close === undefined) return undefined;
  const key = text
    .slice(i + 1, close)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return { start: i, end: close + 1, key };
}
