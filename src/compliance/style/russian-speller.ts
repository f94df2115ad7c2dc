/**
 * The Russian Hunspell dictionary (dictionary-ru, from LibreOffice) behind nspell, loaded from
 * disk once. dictionary-ru 3 is an ES module; its `.aff` and `.dic` files are read directly, next
 * to the entry point its `exports` map resolves to (`dictionary-ru/package.json` is not exported).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nspell from 'nspell';
import type { Speller } from './style.types';

/**
 * Words of official posts that the dictionary lacks (or has without its forms, «канцеляризм»),
 * each inflected like a word it has (word, model). Stump compounds («госуслуги», «соцзащита») are accepted by the spelling rule.
 */
export const SPELLER_ADDITIONS: readonly (readonly [string, string])[] = [
  ['паблик', 'блик'],
  ['вебинар', 'семинар'],
  ['репост', 'пост'],
  ['хештег', 'тег'],
  ['эвакуатор', 'экскаватор'],
  ['каршеринг', 'маркетинг'],
  ['ливнёвка', 'морковка'],
  ['ливневка', 'морковка'],
  ['самозанятый', 'занятый'],
  ['ямочный', 'срочный'],
  ['офлайн', 'онлайн'],
  ['канцеляризм', 'афоризм'],
  ['канцелярит', 'бандит'],
];

/** How many distinct words' suggestions are remembered between checks. */
const SUGGESTION_CACHE_SIZE = 5000;

export function dictionaryDirectory(): string {
  return path.dirname(require.resolve('dictionary-ru'));
}

export function loadRussianSpeller(directory = dictionaryDirectory()): Speller {
  const spell = nspell(
    readFileSync(path.join(directory, 'index.aff')),
    readFileSync(path.join(directory, 'index.dic')),
  );
  for (const [word, model] of SPELLER_ADDITIONS) spell.add(word, model);
  const suggestions = new Map<string, string[]>();
  return {
    correct: (word) => spell.correct(word),
    suggest: (word) => {
      const known = suggestions.get(word);
      if (known) return known;
      const found = spell.suggest(word);
      if (suggestions.size >= SUGGESTION_CACHE_SIZE) {
        // Oldest first: a Map iterates in insertion order.
        suggestions.delete(suggestions.keys().next().value as string);
      }
      suggestions.set(word, found);
      return found;
    },
  };
}
