/**
 * A light Russian inflection matcher for the bureaucratese check (DOMAIN.md §4). Pure, no I/O.
 *
 * Snowball-style suffix stripping (the ending lists are those of the Snowball Russian stemmer),
 * but per paradigm: the list's words say what they are (noun, adjective, verb, participle), and a
 * text word is stripped with that paradigm's endings before the stems are compared. Plain Snowball
 * guesses the class from the ending and so gives one lexeme several stems («обмен» → «обм»,
 * «обмена» → «обмен»; «мероприятие» read as an adjective). Each view is applied the same way to
 * the list's phrases and to the text, so "the same word in another form" is a string comparison:
 *
 * - `nominalStem()`: nouns and adjectives — «данный» meets «данного», «данной» but not «дано»;
 *   «осуществление» meets «осуществлении» but not «осуществлено».
 * - `verbRoot()`: a verb's root without its ending, thematic vowel, imperfective suffix («-ыва-»,
 *   «-ова-») and with the usual stem-final alternations folded (д/ж/з/жд, т/ч/щ, с/ш, labial + л),
 *   so that «осуществлять», «осуществляется», «осуществлялись», «осуществить» share one root and
 *   «довожу» meets «доводить».
 * - `participleRoot()`: the root of a passive participle («проведено», «проведена», «проведённые»)
 *   — the list's passive patterns must not fire on the active verb the list itself recommends
 *   («Участники отметили…» instead of «отмечено»).
 *
 * Input is expected lower-case with «ё» already folded to «е» (see `normalizeWord`).
 */

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

const byLengthDesc = (list: string[]) => [...list].sort((a, b) => b.length - a.length);

export type NominalParadigm = 'noun' | 'i_noun' | 'adjective';

/** Snowball's adjective endings; with «-ся» for participles used as adjectives («обучающиеся»). */
const ADJECTIVE_ENDINGS = byLengthDesc(
  'ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею'.split(' '),
);
/** Snowball's noun endings. */
const NOUN_ENDINGS = byLengthDesc(
  'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я'.split(
    ' ',
  ),
);
/** Nouns in «-ие», «-ия» («мероприятие», «реализация»): every form keeps the «и» (or «ь»). */
const I_NOUN_ENDINGS = byLengthDesc('ие ия ию ием ии ий иям иями иях ье ья ью ьем ьи ей ьям ьями ьях'.split(' '));

const PARADIGM_ENDINGS: Record<NominalParadigm, string[]> = {
  noun: NOUN_ENDINGS,
  i_noun: I_NOUN_ENDINGS,
  adjective: ADJECTIVE_ENDINGS,
};

export interface NominalStem {
  stem: string;
  /** An ending of the paradigm was found (a noun may also have none: «мониторинг»). */
  inflected: boolean;
  reflexive: boolean;
}

/** The word without an ending of the given paradigm (at least two letters stay). */
export function nominalStem(input: string, paradigm: NominalParadigm): NominalStem {
  let word = normalizeWord(input);
  let reflexive = false;
  if (paradigm === 'adjective' && word.length > 5 && (word.endsWith('ся') || word.endsWith('сь'))) {
    word = word.slice(0, -2);
    reflexive = true;
  }
  const stripped = strip(word, PARADIGM_ENDINGS[paradigm], 2);
  return { stem: stripped ?? word, inflected: stripped !== undefined, reflexive };
}

// Verb forms: infinitive, past, present/future, imperative, gerunds, short and full participles.
const VERB_FORM_ENDINGS = byLengthDesc([
  'ть',
  'ти',
  'чь',
  'л',
  'ла',
  'ло',
  'ли',
  'у',
  'ю',
  'ешь',
  'ет',
  'ем',
  'ете',
  'ут',
  'ют',
  'ишь',
  'ит',
  'им',
  'ите',
  'ат',
  'ят',
  'й',
  'йте',
  'и',
  'ьте',
  'ь',
  'я',
  'а',
  'в',
  'вши',
  'ен',
  'ена',
  'ено',
  'ены',
  'н',
  'на',
  'но',
  'ны',
  'т',
  'та',
  'то',
  'ты',
]);
const PARTICIPLE_SUFFIXES = byLengthDesc(['ющ', 'ущ', 'ащ', 'ящ', 'вш', 'ем', 'ом', 'им', 'енн', 'нн', 'т']);
const THEMATIC = new Set('аяеиоуы');
const LABIALS = new Set('бвпмф');

export interface VerbAnalysis {
  root: string;
  reflexive: boolean;
  /** A verbal ending was found: the word can be a verb form at all. */
  verbal: boolean;
}

function stripReflexive(word: string): { base: string; reflexive: boolean } {
  if (word.length > 4 && (word.endsWith('ся') || word.endsWith('сь'))) {
    return { base: word.slice(0, -2), reflexive: true };
  }
  return { base: word, reflexive: false };
}

/** Strips an ending only when at least `min` letters stay. */
function strip(word: string, endings: string[], min: number): string | undefined {
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= min) return word.slice(0, -ending.length);
  }
  return undefined;
}

export function verbRoot(input: string): VerbAnalysis {
  const { base, reflexive } = stripReflexive(normalizeWord(input));
  let root: string | undefined;
  // Full participles first («осуществляемый», «проведённые»): adjective ending after a participle suffix.
  const withoutAdjective = strip(base, ADJECTIVE_ENDINGS, 3);
  if (withoutAdjective !== undefined) root = strip(withoutAdjective, PARTICIPLE_SUFFIXES, 2);
  root ??= strip(base, VERB_FORM_ENDINGS, 2);
  if (root === undefined) return { root: base, reflexive, verbal: false };
  return { root: foldVerbRoot(root), reflexive, verbal: true };
}

function foldVerbRoot(start: string): string {
  let root = start;
  // Each step only when enough of the word stays, so short roots («вед», «нес») keep their letters.
  if (THEMATIC.has(root[root.length - 1]) && root.length - 1 >= 3) root = root.slice(0, -1);
  if (root.endsWith('ыв') && root.length - 2 >= 4) root = root.slice(0, -2);
  else if (root.endsWith('ив') && root.length - 2 >= 5) root = root.slice(0, -2);
  if ((root.endsWith('ов') || root.endsWith('ев')) && root.length - 2 >= 4) root = root.slice(0, -2);
  // -нимать / -нять (принимать / принять)
  if (root.endsWith('ним') && root.length - 2 >= 3) root = root.slice(0, -2);
  return foldAlternation(root);
}

/** Stem-final consonant alternations of conjugation and aspect pairs (вожу/водить, отмечать/отметить). */
function foldAlternation(root: string): string {
  if (root.endsWith('жд')) return root.slice(0, -2) + 'д';
  const last = root[root.length - 1];
  const before = root[root.length - 2];
  if (last === 'ж' || last === 'з') return root.slice(0, -1) + 'д';
  if (last === 'ч' || last === 'щ') return root.slice(0, -1) + 'т';
  if (last === 'ш') return root.slice(0, -1) + 'с';
  if (last === 'л' && before !== undefined && LABIALS.has(before) && root.length - 1 >= 3) return root.slice(0, -1);
  return root;
}

const SHORT_PARTICIPLE = /(?:нн|[аяеиоуы]н|[яиыу]т)[аоы]?$/;
const FULL_PARTICIPLE =
  /(?:нн|[яиыу]т)(?:ее|ие|ые|ое|ими|ыми|ей|ий|ый|ой|ем|им|ым|ом|его|ого|ему|ому|их|ых|ую|юю|ая|яя|ою|ею)$/;

/**
 * Root of a passive participle, or undefined when the word does not look like one:
 * «проведено», «проведена», «проведён», «проведённые» → «провед»; «принято», «принятые» → «приня».
 */
export function participleRoot(input: string): string | undefined {
  const word = normalizeWord(input);
  let base: string | undefined;
  if (FULL_PARTICIPLE.test(word)) base = strip(word, ADJECTIVE_ENDINGS, 3);
  else if (SHORT_PARTICIPLE.test(word)) base = /[аоы]$/.test(word) ? word.slice(0, -1) : word;
  if (base === undefined) return undefined;
  base = base.replace(/(?:нн|н|т)$/, '');
  // «-ен-» participles (провед-ен-о) lose the linking «е»; «-ан-/-ян-» keep the stem's «а/я».
  if (base.endsWith('е') && base.length > 3) base = base.slice(0, -1);
  return base.length >= 3 ? base : undefined;
}
