/** nspell 2 ships no types; the part of its API the speller uses. */
declare module 'nspell' {
  interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
    /** Adds a word, inflected like `model` when given (the model's affix flags). */
    add(word: string, model?: string): NSpell;
  }
  function nspell(aff: Buffer | string, dic?: Buffer | string): NSpell;
  export = nspell;
}
