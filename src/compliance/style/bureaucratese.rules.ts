/**
 * Bureaucratese (канцеляризмы, штампы, клише) and press-release formulas from the list
 * `data/kantselyarizmy.json` (249 entries with plainer wording and sources; DOMAIN.md §4), found
 * in any inflection. Pure.
 *
 * Each pattern word gets a matcher by what it is:
 * - function words, invariable words and fixed prepositional groups («в целях», «в рамках
 *   реализации», «по итогам совещания») match only as written (case and «ё» aside): their case is
 *   part of the idiom;
 * - verbs (infinitives and the finite forms the list quotes: «проводится», «приняли») match every
 *   form of the verb and its aspect pair, on `verbRoot`: «осуществлять» finds «осуществляется»,
 *   «осуществлялись», «осуществить»; a reflexive pattern needs a reflexive form;
 * - passive participles («проведено», «отмечено») match passive participles only;
 * - forms of «быть» match each other («было проведено» → «будет проведена»);
 * - nouns and adjectives match on the stem left by their paradigm's endings.
 * Between the words of a phrase one adjective or possessive may stand («довожу до вашего
 * сведения», «оказывает всестороннее содействие»), except inside fixed groups. Phrases never
 * cross a sentence end.
 */
import list from './data/kantselyarizmy.json';
import { nominalStem, normalizeWord, participleRoot, verbRoot } from './russian-stemmer';
import type { NominalParadigm, NominalStem, VerbAnalysis } from './russian-stemmer';
import type { Token } from './style-text';
import { BUREAUCRATESE_CATEGORIES } from './style.types';
import type { BureaucrateseCategory, StyleSource } from './style.types';

export interface BureaucrateseEntry {
  pattern: string;
  category: BureaucrateseCategory;
  example: string;
  plain: string;
  sources: StyleSource[];
}

export interface BureaucrateseMatch {
  entry: BureaucrateseEntry;
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** Higher is a closer fit (a non-reflexive verb pattern on a reflexive form scores lower). */
  score: number;
}

interface RawList {
  sources: { id: string; title: string; url_or_repo_path: string }[];
  entries: { pattern: string; kind: string; example: string; plain: string; sources: string[] }[];
}

function loadEntries(raw: RawList): BureaucrateseEntry[] {
  const sources = new Map(
    raw.sources.map((source): [string, StyleSource] => {
      const url = source.url_or_repo_path.split(' ; ')[0];
      return [source.id, { id: source.id, title: source.title, ...(url.startsWith('http') && { url }) }];
    }),
  );
  return raw.entries.map((entry) => {
    if (!(BUREAUCRATESE_CATEGORIES as readonly string[]).includes(entry.kind)) {
      throw new Error(`kantselyarizmy.json: unknown kind ${entry.kind} of «${entry.pattern}»`);
    }
    return {
      pattern: entry.pattern,
      category: entry.kind as BureaucrateseCategory,
      example: entry.example,
      plain: entry.plain,
      sources: entry.sources.map((id) => {
        const source = sources.get(id);
        if (!source) throw new Error(`kantselyarizmy.json: unknown source ${id} of «${entry.pattern}»`);
        return source;
      }),
    };
  });
}

export const BUREAUCRATESE_ENTRIES: readonly BureaucrateseEntry[] = loadEntries(list as RawList);

const PREPOSITIONS = new Set([
  'в',
  'во',
  'с',
  'со',
  'по',
  'на',
  'до',
  'к',
  'ко',
  'за',
  'из',
  'при',
  'под',
  'для',
  'о',
  'об',
  'от',
  'у',
  'после',
]);
const FUNCTION_WORDS = new Set([...PREPOSITIONS, 'и', 'а', 'но', 'не', 'как', 'тем', 'что', 'того', 'себя', 'собой']);

/** Words the list quotes in a form that does not inflect in the idiom (adverbs, particles…). */
const INVARIABLE = new Set(
  [
    'согласно',
    'ввиду',
    'посредством',
    'вследствие',
    'относительно',
    'путем',
    'незамедлительно',
    'заблаговременно',
    'целесообразно',
    'оперативно',
    'конечно',
    'очень',
    'абсолютно',
    'действительно',
    'гарантированно',
    'безусловно',
    'наиболее',
    'максимально',
    'необходимо',
    'надлежит',
    'настоящим',
    'во-первых',
    'более',
    'менее',
    'таким',
    'образом',
    'надлежащим',
    'должным',
    'ускоренными',
    'темпами',
    'доброго',
    'времени',
    'суток',
    'известно',
    'следует',
    'социально',
    'исходя',
    'принимая',
  ].map(normalizeWord),
);

/** Forms of «быть» used as an auxiliary of the passive. */
const BE_FORMS = new Set([
  'быть',
  'был',
  'была',
  'было',
  'были',
  'будет',
  'будут',
  'буду',
  'будем',
  'будете',
  'будешь',
]);

/** Finite verb forms the list quotes (a suffix rule cannot tell «стало» from «место»). */
const FINITE_VERBS = new Set(
  [
    'имеет',
    'проводится',
    'выносится',
    'ведётся',
    'подлежит',
    'запрещается',
    'рекомендуется',
    'принимаются',
    'уведомляем',
    'просим',
    'состоялось',
    'состоялась',
    'приняли',
    'обсудили',
    'обменялись',
    'отметили',
    'стало',
    'сообщил',
    'представил',
    'выступил',
    'провели',
  ].map(normalizeWord),
);

/** Passive participles the list quotes. */
const PARTICIPLES = new Set(
  [
    'проведено',
    'проведена',
    'принято',
    'предусмотрено',
    'согласовано',
    'перечислены',
    'сорваны',
    'рассмотрен',
    'высказаны',
    'отмечено',
    'организовано',
    'выделены',
    'выдана',
    'включены',
    'продолжена',
  ].map(normalizeWord),
);

/** «был дан старт»: a root of two letters is too short to compare; the four forms are listed. */
const FIXED_FORMS: Record<string, string[]> = { дан: ['дан', 'дана', 'дано', 'даны'] };

const forms = (...words: string[]) => words.map(normalizeWord);
const PROVESTI = forms(
  'провести',
  'проведу',
  'проведёшь',
  'проведёт',
  'проведём',
  'проведёте',
  'проведут',
  'проведи',
  'проведите',
  'проведя',
  'провёл',
  'провела',
  'провело',
  'провели',
  'проведён',
  'проведена',
  'проведено',
  'проведены',
);
const PRINYAT = forms('приму', 'примешь', 'примет', 'примем', 'примете', 'примут', 'прими', 'примите');
/**
 * Verbs whose forms the root rules cannot reach (-сти verbs, «взять/возьму», «принять/приму»),
 * and the perfective partner where the list gives the imperfective («проводить анализ» →
 * «провели анализ»), with the passive forms of -сти verbs («проведена работа», «ведётся
 * борьба»). Keyed by the pattern word.
 */
const IRREGULAR_FORMS: Record<string, string[]> = {
  провести: PROVESTI,
  провели: PROVESTI,
  проводить: PROVESTI,
  произвести: forms(
    'произведу',
    'произведёт',
    'произведём',
    'произведёте',
    'произведут',
    'произведи',
    'произведите',
    'произведя',
    'произвёл',
    'произвела',
    'произвело',
    'произвели',
    'произведён',
    'произведена',
    'произведено',
    'произведены',
  ),
  вести: forms(
    'веду',
    'ведёшь',
    'ведёт',
    'ведём',
    'ведёте',
    'ведут',
    'веди',
    'ведите',
    'ведя',
    'вёл',
    'вела',
    'вело',
    'вели',
    'ведётся',
    'ведутся',
    'велась',
    'велось',
    'велись',
  ),
  ведется: forms('велась', 'велось', 'велись', 'вёлся'),
  нести: forms('нёс', 'несла', 'несло', 'несли'),
  взять: forms(
    'возьму',
    'возьмёшь',
    'возьмёт',
    'возьмём',
    'возьмёте',
    'возьмут',
    'возьми',
    'возьмите',
    'взяв',
    'взял',
    'взяла',
    'взяло',
    'взяли',
  ),
  принять: PRINYAT,
  принимать: PRINYAT,
  приняли: PRINYAT,
  предпринимать: forms('предприму', 'предпримет', 'предпримем', 'предпримут', 'предпримите'),
  доводить: forms('доведу', 'доведёт', 'доведём', 'доведут', 'доведите', 'довёл', 'довела', 'довели'),
};

/** Exceptions to inflection matching, per pattern. */
const ENTRY_OVERRIDES: Record<string, { excludeForms?: string[]; notAfterAdjective?: boolean }> = {
  // «данные», «по данным МЧС» are data, not the pronoun-like «данный».
  данный: { excludeForms: forms('данные', 'данных', 'данным', 'данными') },
  // «подведомственные организации», «образовательная организация»: the institution, not the action.
  организация: { notAfterAdjective: true },
};

const POSSESSIVES = new Set([
  'ваш',
  'вашего',
  'вашему',
  'вашим',
  'вашей',
  'наш',
  'нашего',
  'нашей',
  'их',
  'его',
  'ее',
  'свой',
  'своего',
]);

type WordMatcher =
  | { type: 'exact'; forms: Set<string> }
  | { type: 'be' }
  | { type: 'verb'; root: string; reflexive: boolean; irregular: Set<string> }
  | { type: 'participle'; root: string }
  | { type: 'nominal'; stem: string; paradigm: NominalParadigm; reflexive: boolean; exclude: Set<string> };

interface CompiledEntry {
  entry: BureaucrateseEntry;
  words: WordMatcher[];
  /** A gap (adjective, possessive) may stand before the word at this index. */
  gapAllowed: boolean[];
  notAfterAdjective: boolean;
}

/** «-ость» nouns and «гости» are not infinitives. */
const INFINITIVE = /(?:[аеиоуыяю]ть(?:ся)?|[еая][сз]ти(?:сь)?|чь(?:ся)?)$/;
/**
 * The paradigm of a nominal pattern word, from the form the list quotes: «-ие» is a noun
 * («мероприятие») except for the listed plural adjectives; «-ом», «-ем», «-ей», «-им» are not
 * taken as adjective endings here because «вопросом», «полей» are nouns.
 */
const ADJECTIVE_FORM = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ого|его|ую|ыми|ими|ым|ых|их)$/;
const ADJECTIVES_IN_IE = new Set(
  ['имеющиеся', 'исчерпывающие', 'касающиеся', 'кратчайшие', 'несовершеннолетние', 'обучающиеся'].map(normalizeWord),
);
/** An adjective agreeing with a feminine noun («подведомственные организации», «общественной организацией»). */
const FEMININE_ADJECTIVE = /(?:ая|яя|ой|ей|ую|юю|ые|ие|ых|их|ым|им|ыми|ими|ою|ею)$/;
/** Looks like an adjective when standing between two words of a phrase («всестороннее»). */
const ADJECTIVE_LOOKING = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|ых|их|ыми|ими|ую|юю|ою|ею)$/;

function compileWord(word: string, exactGroup: boolean, pattern: string): WordMatcher {
  if (FIXED_FORMS[word]) return { type: 'exact', forms: new Set(FIXED_FORMS[word]) };
  if (BE_FORMS.has(word)) return { type: 'be' };
  if (FUNCTION_WORDS.has(word) || INVARIABLE.has(word)) return { type: 'exact', forms: new Set([word]) };
  if (PARTICIPLES.has(word)) {
    const root = participleRoot(word);
    if (root === undefined) throw new Error(`bureaucratese: «${word}» is not a participle`);
    return { type: 'participle', root };
  }
  if (FINITE_VERBS.has(word) || (!exactGroup && INFINITIVE.test(word))) {
    const analysis = verbRoot(word);
    return {
      type: 'verb',
      root: analysis.root,
      reflexive: analysis.reflexive,
      irregular: new Set(IRREGULAR_FORMS[word]),
    };
  }
  if (exactGroup) return { type: 'exact', forms: new Set([word]) };
  const paradigm: NominalParadigm =
    ADJECTIVES_IN_IE.has(word) || ADJECTIVE_FORM.test(word) ? 'adjective' : /(?:ие|ия)$/.test(word) ? 'i_noun' : 'noun';
  const { stem, reflexive } = nominalStem(word, paradigm);
  const exclude = new Set(ENTRY_OVERRIDES[pattern]?.excludeForms);
  return { type: 'nominal', stem, paradigm, reflexive, exclude };
}

function isVerbal(matcher: WordMatcher): boolean {
  return matcher.type === 'verb' || matcher.type === 'participle' || matcher.type === 'be';
}

function compileEntry(entry: BureaucrateseEntry): CompiledEntry {
  const words = normalizeWord(entry.pattern)
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  // A phrase that opens with a preposition is a fixed group up to its first verb
  // («в повестку дня | были включены вопросы»).
  let exactGroup = entry.category === 'compound_preposition' || PREPOSITIONS.has(words[0]);
  const matchers: WordMatcher[] = [];
  const gapAllowed: boolean[] = [];
  for (const word of words) {
    const matcher = compileWord(word, exactGroup, entry.pattern);
    if (isVerbal(matcher)) exactGroup = false;
    gapAllowed.push(matchers.length > 0 && matcher.type === 'nominal');
    matchers.push(matcher);
  }
  return {
    entry,
    words: matchers,
    gapAllowed,
    notAfterAdjective: ENTRY_OVERRIDES[entry.pattern]?.notAfterAdjective ?? false,
  };
}

const COMPILED: readonly CompiledEntry[] = BUREAUCRATESE_ENTRIES.map(compileEntry);

/** What a token looks like to the matchers; computed once per token. */
interface TokenView {
  norm: string;
  nominal: Record<NominalParadigm, NominalStem>;
  verb: VerbAnalysis;
  participle: string | undefined;
}

function view(token: Token): TokenView {
  return {
    norm: token.norm,
    nominal: {
      noun: nominalStem(token.norm, 'noun'),
      i_noun: nominalStem(token.norm, 'i_noun'),
      adjective: nominalStem(token.norm, 'adjective'),
    },
    verb: verbRoot(token.norm),
    participle: participleRoot(token.norm),
  };
}

/** 0: no match; 1: a looser fit; 2: a close fit. */
function matchWord(matcher: WordMatcher, token: TokenView): number {
  switch (matcher.type) {
    case 'exact':
      return matcher.forms.has(token.norm) ? 2 : 0;
    case 'be':
      return BE_FORMS.has(token.norm) ? 2 : 0;
    case 'verb': {
      const hit = matcher.irregular.has(token.norm) || (token.verb.verbal && token.verb.root === matcher.root);
      if (!hit) return 0;
      if (token.verb.reflexive === matcher.reflexive) return 2;
      // «обеспечивается» still reads as «обеспечивать»; «являть» never reads as «являться».
      return matcher.reflexive ? 0 : 1;
    }
    case 'participle':
      return token.participle === matcher.root ? 2 : 0;
    case 'nominal': {
      const stem = token.nominal[matcher.paradigm];
      if (stem.stem !== matcher.stem || stem.reflexive !== matcher.reflexive || matcher.exclude.has(token.norm)) {
        return 0;
      }
      // «сам» is not a form of «самый»; a noun may have no ending («мониторинг»).
      return stem.inflected || matcher.paradigm === 'noun' ? 2 : 0;
    }
  }
}

/** A phrase continues over spaces, commas, dashes and quotes, never over a sentence end. */
function joins(token: Token): boolean {
  return !token.sentenceStart && !/[.;:!?()\n]/.test(token.gapBefore);
}

function mayStandBetween(token: TokenView): boolean {
  return POSSESSIVES.has(token.norm) || ADJECTIVE_LOOKING.test(token.norm);
}

/** Every occurrence of every list entry; overlaps are left to the caller. */
export function findBureaucratese(tokens: Token[]): BureaucrateseMatch[] {
  const views = tokens.map((token) => (token.protected ? undefined : view(token)));
  const matches: BureaucrateseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = views[i];
    if (!first) continue;
    for (const compiled of COMPILED) {
      const firstScore = matchWord(compiled.words[0], first);
      if (firstScore === 0) continue;
      if (
        compiled.notAfterAdjective &&
        i > 0 &&
        /^\s+$/.test(tokens[i].gapBefore) &&
        FEMININE_ADJECTIVE.test(tokens[i - 1].norm)
      ) {
        continue;
      }
      const last = matchRest(compiled, tokens, views, i);
      if (last === undefined) continue;
      matches.push({ entry: compiled.entry, first: i, last: last.index, score: firstScore + last.score });
    }
  }
  return matches;
}

function matchRest(
  compiled: CompiledEntry,
  tokens: Token[],
  views: (TokenView | undefined)[],
  start: number,
): { index: number; score: number } | undefined {
  let position = start;
  let score = 0;
  for (let w = 1; w < compiled.words.length; w++) {
    const next = position + 1;
    const direct = views[next];
    if (direct && joins(tokens[next])) {
      const s = matchWord(compiled.words[w], direct);
      if (s > 0) {
        position = next;
        score += s;
        continue;
      }
      const after = views[next + 1];
      if (compiled.gapAllowed[w] && mayStandBetween(direct) && after && joins(tokens[next + 1])) {
        const g = matchWord(compiled.words[w], after);
        if (g > 0) {
          position = next + 1;
          score += g;
          continue;
        }
      }
    }
    return undefined;
  }
  return { index: position, score };
}
