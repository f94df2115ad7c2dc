/**
 * Everything the style check says to a person, and the clauses it cites, in one place for review.
 * Clause numbers checked against the Russian originals (shared seeds):
 * - Khabarovsk 77-пр, Положение 1 (accounts) p.8 (formats «с учетом специфики каждой социальной
 *   сети»), p.9 (style of social networks, «письменная разговорная речь»); Положение 2 (messages)
 *   p.9 («не допускается использовать языковые штампы (канцеляризмы, клише)»).
 * - Blagodarny 1249, Порядок p.6 (second paragraph: Russian spelling and punctuation; formats with
 *   the network's specifics), p.7 (no канцеляризмы, шаблоны, professional jargon).
 * - Plastunovskaya 273, Прил. 1 p.6 (network specifics), p.7 (no press releases, no канцеляризм,
 *   at most two citations of normative legal acts per publication); Прил. 2 p.14 item 5 (spelling
 *   errors are a reason to refuse an answer), p.20 (the same two-citation limit for answers).
 */
import { blagodarny, khabarovsk, plastunovskaya } from '../../registry/acts';
import type { Citation } from '../../registry/policy.types';
import type { BureaucrateseCategory, StyleHitKind, StyleNetwork } from './style.types';

/** Per kind: the clause that states the rule most directly, then the same rule elsewhere. */
export const STYLE_CITATIONS: Record<StyleHitKind, { citation: Citation; related: Citation[] }> = {
  act_citations: {
    citation: plastunovskaya('Прил. 1 п.7'),
    related: [plastunovskaya('Прил. 2 п.20')],
  },
  // Blagodarny p.7 names канцеляризмы for publications outright; Khabarovsk says it for answers.
  bureaucratese: {
    citation: blagodarny('Порядок п.7'),
    related: [
      plastunovskaya('Прил. 1 п.7'),
      khabarovsk('Положение 1 п.9'),
      khabarovsk('Положение 2 п.9'),
      plastunovskaya('Прил. 2 п.20'),
    ],
  },
  // Only Plastunovskaya names the press-release format; the others require conversational style.
  press_release: {
    citation: plastunovskaya('Прил. 1 п.7'),
    related: [khabarovsk('Положение 1 п.9'), blagodarny('Порядок п.7')],
  },
  // No act sets a number of characters: they require formats that fit each network.
  too_long: {
    citation: khabarovsk('Положение 1 п.8'),
    related: [blagodarny('Порядок п.6'), plastunovskaya('Прил. 1 п.6'), khabarovsk('Положение 1 п.9')],
  },
  spelling: {
    citation: blagodarny('Порядок п.6 абз.2'),
    related: [plastunovskaya('Прил. 2 п.14 подп.5')],
  },
};

/** Network names: as a subject («принимает Telegram») and after «для» («для Одноклассников»). */
export const NETWORK_NAMES: Record<StyleNetwork, { subject: string; forWhom: string }> = {
  vk: { subject: 'ВКонтакте', forWhom: 'ВКонтакте' },
  ok: { subject: 'Одноклассники', forWhom: 'Одноклассников' },
  telegram: { subject: 'Telegram', forWhom: 'Telegram' },
  max: { subject: 'MAX', forWhom: 'MAX' },
};

export const CATEGORY_MESSAGES: Record<BureaucrateseCategory, string> = {
  officialese_verb: 'Канцелярский глагол: скажите простым глаголом, что именно делаете.',
  verbal_noun: 'Отглагольное существительное: лучше сказать глаголом — кто и что делает.',
  compound_preposition: 'Составной предлог: замените простым предлогом или союзом.',
  cliche: 'Штамп официально-делового стиля: скажите проще.',
  filler: 'Пустое слово-усилитель: уберите или замените фактом, цифрой.',
  passive: 'Безличный пассив: назовите, кто действует.',
  press_release_marker: 'Формула пресс-релиза: сразу скажите, что изменилось для читателя.',
};

export function bureaucrateseMessage(fragment: string, category: BureaucrateseCategory): string {
  return `«${fragment}» — ${lowerFirst(CATEGORY_MESSAGES[category])}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** «1 ссылка», «3 ссылки», «5 ссылок». */
export function plural(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function actCitationsMessage(count: number, ordinal: number): string {
  const acts = `${count} ${plural(count, 'нормативный правовой акт', 'нормативных правовых акта', 'нормативных правовых актов')}`;
  return `В тексте упомянуто ${acts}, это ${ordinal}-й; в публикации рекомендуется ссылаться не более чем на два.`;
}

export const ACT_CITATIONS_SUGGESTION =
  'Оставьте одну-две главные ссылки, остальное перескажите простыми словами («по закону…») или дайте ссылку на текст документа.';

export function tooLongMessage(
  length: number,
  limit: { figure: number; hard: boolean },
  network: StyleNetwork | undefined,
): string {
  const where = network ? `для ${NETWORK_NAMES[network].forWhom}` : 'для публикации в социальной сети';
  const chars = `${length} ${plural(length, 'знак', 'знака', 'знаков')}`;
  return limit.hard
    ? `Текст длиннее, чем принимает ${network ? NETWORK_NAMES[network].subject : 'сеть'}: ${chars} при пределе ${limit.figure}.`
    : `Текст длинный ${where}: ${chars}, рекомендуем не больше ${limit.figure}.`;
}

export function tooLongSuggestion(hard: boolean): string {
  return hard
    ? 'Сократите текст или разделите его на несколько публикаций; подробности можно вынести на сайт и дать ссылку.'
    : 'Оставьте главное для читателя в первых строках, подробности вынесите в карточки, комментарии или на сайт.';
}

export function spellingMessage(word: string): string {
  return `Возможна орфографическая ошибка: «${word}».`;
}

export function spellingSuggestion(replacements: string[]): string {
  return replacements.length > 0
    ? `Возможно, имелось в виду: ${replacements.map((word) => `«${word}»`).join(', ')}.`
    : 'Проверьте написание слова.';
}
