/**
 * Misspelt words — Blagodarny Порядок p.6 (Russian «в соответствии с правилами орфографии»),
 * Plastunovskaya Прил. 2 p.14 item 5. The dictionary comes in as a `Speller` value. Pure apart
 * from reading the clock for the suggestion budget.
 *
 * Not checked: addresses, e-mails, hashtags, mentions (see `protectedSpans`), words glued to digits,
 * words with Latin letters, abbreviations and words with capitals inside («МФЦ», «КоАП»), and
 * capitalised words inside a sentence — names the dictionary cannot know («Пластуновская»). A
 * capitalised word opening a sentence is checked unless the text also has it capitalised inside
 * a sentence (then it is a name too).
 *
 * Accepted beyond the dictionary: hyphenated words whose parts are words («пресс-служба»), and
 * stump compounds of a known word behind a productive prefix («госуслуги», «соцзащита»,
 * «нацпроект»): the dictionary predates many of them.
 */
import type { Token } from './style-text';
import type { Speller } from './style.types';

export interface SpellingError {
  token: Token;
  replacements: string[];
}

const CYRILLIC_WORD = /^[а-яё]+(?:[-‐‑][а-яё]+)*$/i;
const COMPOUND_PREFIXES = [
  'гос',
  'соц',
  'нац',
  'мед',
  'мин',
  'спец',
  'пром',
  'агро',
  'энерго',
  'электро',
  'кибер',
  'видео',
  'фото',
  'аудио',
  'авто',
  'эко',
  'само',
  'мат',
  'теле',
  'радио',
  'интернет',
  'онлайн',
  'медиа',
  'мини',
  'микро',
  'спорт',
  'инфо',
  'вело',
];
const MAX_REPLACEMENTS = 3;

export function findSpellingErrors(tokens: Token[], speller: Speller, budgetMs = 1500): SpellingError[] {
  const namesInside = new Set(
    tokens.filter((token) => !token.sentenceStart && isCapitalised(token.text)).map((token) => token.norm),
  );
  const verdicts = new Map<string, boolean>();
  const suggestions = new Map<string, string[]>();
  const deadline = performance.now() + budgetMs;
  const errors: SpellingError[] = [];
  for (const token of tokens) {
    if (!isChecked(token, namesInside)) continue;
    const word = token.text;
    let correct = verdicts.get(word);
    if (correct === undefined) {
      correct = isCorrect(word, token.sentenceStart, speller);
      verdicts.set(word, correct);
    }
    if (correct) continue;
    let replacements = suggestions.get(word);
    if (replacements === undefined && performance.now() < deadline) {
      replacements = speller.suggest(word).slice(0, MAX_REPLACEMENTS);
      suggestions.set(word, replacements);
    }
    errors.push({ token, replacements: replacements ?? [] });
  }
  return errors;
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

function isChecked(token: Token, namesInside: Set<string>): boolean {
  const word = token.text;
  if (token.protected || token.nearDigit || word.length < 2 || !CYRILLIC_WORD.test(word)) return false;
  // Capitals after the first letter: an abbreviation («МФЦ», «КоАП») or a brand.
  if (word.slice(1) !== word.slice(1).toLowerCase()) return false;
  if (isCapitalised(word)) return token.sentenceStart && !namesInside.has(token.norm);
  return true;
}

function isCorrect(word: string, sentenceStart: boolean, speller: Speller): boolean {
  const variants = new Set([word.replace(/[‐‑]/g, '-')]);
  if (sentenceStart) variants.add(word.toLowerCase());
  for (const variant of [...variants]) if (variant.includes('ё')) variants.add(variant.replace(/ё/g, 'е'));
  for (const variant of variants) {
    if (speller.correct(variant)) return true;
    const parts = variant.split('-');
    if (parts.length > 1 && parts.every((part) => part.length > 0 && speller.correct(part.toLowerCase()))) {
      return true;
    }
    const lower = variant.toLowerCase();
    const compound = COMPOUND_PREFIXES.some(
      (prefix) =>
        lower.startsWith(prefix) && lower.length - prefix.length >= 4 && speller.correct(lower.slice(prefix.length)),
    );
    if (compound) return true;
  }
  return false;
}
