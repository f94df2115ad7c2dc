/**
 * Words, sentences and the spans no word check should look into (addresses, e-mails, hashtags,
 * mentions), shared by the style rules. Pure. Offsets are JavaScript string indices (UTF-16 code
 * units), so `text.slice(start, end)` is the fragment.
 */

import { normalizeWord } from './russian-stemmer';

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** Lower case, «ё» folded to «е». */
  norm: string;
  /** First word of a sentence (of the text, after . ! ? … or a line break). */
  sentenceStart: boolean;
  /** Characters between the previous word and this one. */
  gapBefore: string;
  /** Part of a URL, e-mail, hashtag or mention. */
  protected: boolean;
  /** Glued to a digit («5-й», «COVID-19», «2х»). */
  nearDigit: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:[-‐‑][\p{L}\p{M}]+)*/gu;

const PROTECTED = [
  // Addresses with a scheme or www, then bare domains in the zones Russian posts use.
  /(?:https?:\/\/|www\.)[^\s<>«»"]+/giu,
  /(?<![\p{L}\p{N}@.])(?:[\p{L}\p{N}-]+\.)+(?:ru|рф|su|com|org|net|info|me|io|gov|online|site)(?![\p{L}\p{N}])(?:\/[^\s<>«»"]*)?/giu,
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  /#[\p{L}\p{N}_]+/gu,
  /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+/gu,
  // VK mention markup: [club123|Администрация района]
  /\[(?:id|club|public)\d+\|[^\]\n]*\]/giu,
];

/** Abbreviations whose dot does not end a sentence («г. Хабаровск», «ул. Ленина»). */
const ABBREVIATIONS = new Set([
  'г',
  'гг',
  'ул',
  'пр',
  'просп',
  'пер',
  'пл',
  'д',
  'корп',
  'стр',
  'кв',
  'им',
  'ст',
  'с',
  'п',
  'пос',
  'пгт',
  'р-н',
  'обл',
  'тел',
  'т',
  'е',
  'др',
  'см',
  'руб',
  'тыс',
  'млн',
  'млрд',
  'ч',
  'мин',
  'каб',
  'эт',
  '№',
]);

export function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of PROTECTED) {
    for (const match of text.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function overlapsAny(span: Span, spans: Span[]): boolean {
  return spans.some((other) => other.start < span.end && span.start < other.end);
}

export function tokenize(text: string, protectedRanges: Span[] = protectedSpans(text)): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous: Token | undefined;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const gapBefore = text.slice(previousEnd, start);
    const token: Token = {
      text: match[0],
      norm: normalizeWord(match[0]),
      start,
      end,
      gapBefore,
      sentenceStart: previous === undefined || endsSentence(gapBefore, previous),
      protected: overlapsAny({ start, end }, protectedRanges),
      nearDigit:
        /\d[-‐‑]?$/.test(text.slice(Math.max(0, start - 2), start)) || /^[-‐‑]?\d/.test(text.slice(end, end + 2)),
    };
    tokens.push(token);
    previous = token;
    previousEnd = end;
  }
  return tokens;
}

function endsSentence(gap: string, previous: Token): boolean {
  if (/[!?…\n]/.test(gap)) return true;
  if (!gap.includes('.')) return false;
  // «А. С. Пушкин», «г. Хабаровск»: the dot of an initial or an abbreviation.
  const initial = previous.text.length === 1 && previous.text === previous.text.toUpperCase();
  return !initial && !ABBREVIATIONS.has(previous.norm);
}

/** Text lower-cased and «ё» folded, one code unit for one, so offsets stay valid. */
export function normalizeText(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const folded = lower === 'ё' ? 'е' : lower;
    out += folded.length === char.length ? folded : char;
  }
  return out;
}
