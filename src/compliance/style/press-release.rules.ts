/**
 * Press-release markers that a word list cannot express: report openings and passive reports of an
 * event, impersonal retelling, the body speaking of itself in the third person. Plastunovskaya
 * Прил. 1 p.7 («не рекомендуется публиковать информацию в формате пресс-релизов»); Khabarovsk
 * Положение 1 p.9 and Blagodarny p.7 ask for conversational style. The list's own
 * `press_release_marker` entries («состоялось», «приняли участие», «было проведено», «в рамках»)
 * are matched with the bureaucratese list and reported under the same kind. Pure.
 *
 * Patterns run on the normalized text (lower case, «ё» → «е», same offsets).
 */
import type { Span } from './style-text';

export interface PressReleaseMarker {
  id: string;
  pattern: RegExp;
  message: string;
  suggestion: string;
}

export interface PressReleaseMatch extends Span {
  marker: PressReleaseMarker;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const WORDS = (max: number) => `(?:[\\s,]+[\\p{L}-]+){0,${max}}?`;
const EVENTS =
  '(?:заседани[еяи]|совещани[еяи]|встреч[аи]|мероприяти[еяй]|конференци[яи]|семинары?|форумы?|собрани[еяи]|' +
  'акци[яи]|кругл(?:ый|ые)\\s+стол(?:ы)?|планерк[аи]|сесси[яи]|брифинги?|(?:публичные\\s+)?слушани[яй]|' +
  'торжественн\\p{L}*\\s+(?:церемони\\p{L}*|мероприяти\\p{L}*|собрани\\p{L}*|линейк\\p{L}*)|церемони[яи]|линейк[аи])';
const PASSED = '(?:прошл[аои]?|прошел|состоял\\p{L}*)';
const DATE =
  '(?:\\d{1,2}\\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\\s+\\d{4}(?:\\s*(?:г\\.|года))?)?|\\d{1,2}\\.\\d{1,2}(?:\\.\\d{2,4})?|вчера|сегодня)';
const SELF =
  '(?:администраци\\p{L}*|пресс-служб\\p{L}*|управлени\\p{L}*|министерств\\p{L}*|комитет\\p{L}*|отдел\\p{L}*|департамент\\p{L}*|правительств\\p{L}*)';
const ANNOUNCES =
  '(?:информиру(?:ет|ют)|сообща(?:ет|ют)|уведомля(?:ет|ют)|извеща(?:ет|ют)|напомина(?:ет|ют)|разъясня(?:ет|ют)|доводит\\s+до\\s+сведения)';

const re = (source: string, flags = 'gu') => new RegExp(source, flags);

export const PRESS_RELEASE_MARKERS: readonly PressReleaseMarker[] = [
  {
    id: 'dated_report_opening',
    // «17 марта в администрации района состоялось…»: date — place — event, the press-release lead.
    pattern: re(`^\\s*${DATE}${E}[^.!?\\n]{0,120}?${B}(?:${PASSED}|был[аои]?\\s+проведен\\p{L}*|проведен[аоы]?)${E}`),
    message: 'Начало пресс-релиза «дата — место — состоялось»: читателю сначала важно, что это значит для него.',
    suggestion: 'Начните с главного: что решили, что изменится, куда прийти. Дату и место — ниже.',
  },
  {
    id: 'event_took_place',
    pattern: re(`${B}(?:${PASSED}${WORDS(2)}[\\s,]+${EVENTS}|${EVENTS}${WORDS(3)}[\\s,]+${PASSED})${E}`),
    message: 'Отчёт о том, что мероприятие прошло, — формат пресс-релиза: сам факт встречи читателю мало что говорит.',
    suggestion: 'Расскажите результат: «Решили…», «Договорились…», «С понедельника…».',
  },
  {
    id: 'in_the_course_of',
    pattern: re(
      `${B}в\\s+ходе\\s+(?:мероприяти[яй]|совещани[яй]|заседани[яй]|встреч[иь]?|рабоч\\p{L}+\\s+(?:поездки|встречи|визита)|визита|рейда|приема|обсуждени[яй]|диалога|беседы|проверки|осмотра|объезда|обхода|семинара|конференции|форума|круглого\\s+стола|собрания|сессии|брифинга|пресс-конференции)${E}`,
    ),
    message: '«В ходе мероприятия» — оборот пресс-релиза.',
    suggestion: 'Проще: «на встрече», «на рейде», «во время проверки» — или сразу суть.',
  },
  {
    id: 'impersonal_report',
    pattern: re(
      `${B}(?:как\\s+)?(?:отмечается|отмечалось|было\\s+отмечено|подчеркивается|подчеркивалось|было\\s+подчеркнуто|сообщается|указывается|говорится)\\s*,?\\s*что${E}`,
    ),
    message: 'Безличный пересказ («отмечается, что»): непонятно, кто это сказал.',
    suggestion: 'Скажите прямо от себя или назовите человека: «Глава района рассказал, что…».',
  },
  {
    id: 'third_person_self',
    pattern: re(`${B}${SELF}${WORDS(6)}\\s+${ANNOUNCES}${E}`),
    message: 'Объявление от третьего лица («Администрация информирует»): так пишут пресс-релизы, а не посты.',
    suggestion: 'В своей группе говорите от первого лица: «Рассказываем», «Напоминаем», «Предупреждаем».',
  },
  {
    id: 'own_press_office',
    pattern: re(
      `${B}(?:по\\s+информации|по\\s+сообщению|как\\s+сообщает|как\\s+сообщили|как\\s+сообщила|сообщает|сообщили)\\s+(?:в\\s+)?пресс-служб\\p{L}*${E}`,
    ),
    message: 'Ссылка на пресс-службу — признак перепечатанного пресс-релиза.',
    suggestion: 'На своей странице пишите от первого лица, без «по информации пресс-службы».',
  },
  {
    id: 'protocol_participants',
    pattern: re(
      `${B}(?:с\\s+участием|при\\s+участии)\\s+(?:глав\\p{L}*|губернатор\\p{L}*|министр\\p{L}*|заместител\\p{L}*|руководител\\p{L}*|представител\\p{L}*|депутат\\p{L}*|председател\\p{L}*|начальник\\p{L}*)${E}`,
    ),
    message: 'Протокольное перечисление участников («при участии главы…») — формат пресс-релиза.',
    suggestion: 'Назовите людей, только если это важно читателю, и скажите, что они сделали или пообещали.',
  },
];

export function findPressReleaseMarkers(normalized: string): PressReleaseMatch[] {
  const matches: PressReleaseMatch[] = [];
  for (const marker of PRESS_RELEASE_MARKERS) {
    for (const match of normalized.matchAll(marker.pattern)) {
      // Leading spaces of an opening are not part of the fragment.
      const leading = match[0].length - match[0].trimStart().length;
      matches.push({ marker, start: match.index + leading, end: match.index + match[0].length });
    }
  }
  return matches;
}
