import { BUREAUCRATESE_ENTRIES, findBureaucratese } from './bureaucratese.rules';
import { loadRussianSpeller } from './russian-speller';
import { tokenize } from './style-text';
import { analyzeStyle, checkStyle, LENGTH_LIMITS } from './style.rules';
import type { Speller, StyleHit, StyleHitKind } from './style.rules';

const of = (hits: StyleHit[], kind: StyleHitKind) => hits.filter((hit) => hit.kind === kind);
const fragments = (hits: StyleHit[], kind: StyleHitKind) => of(hits, kind).map((hit) => hit.fragment);

/** Every hit points at its own text and cites a clause. */
function expectConsistent(text: string, hits: StyleHit[]) {
  for (const hit of hits) {
    expect(text.slice(hit.start, hit.end)).toBe(hit.fragment);
    expect(hit.citation.clause).not.toBe('');
    expect(hit.message).toMatch(/[А-Яа-яЁё]/);
  }
}

const TWO_ACTS =
  'Напоминаем: по Федеральному закону от 09.02.2009 № 8-ФЗ «Об обеспечении доступа к информации о деятельности ' +
  'государственных органов и органов местного самоуправления» на официальной странице должны быть контакты. ' +
  'Какие именно — перечисляет часть 1.2 статьи 13 Федерального закона № 8-ФЗ, а статья 10 того же ' +
  'Федерального закона «Об обеспечении доступа к информации о деятельности государственных органов и органов ' +
  'местного самоуправления» говорит о способах. Правила ведения страниц утвердило постановление Правительства РФ ' +
  'от 31.12.2022 № 2560.';

const THREE_ACTS =
  'Официальные страницы ведём по Федеральному закону от 09.02.2009 № 8-ФЗ и постановлению Правительства РФ ' +
  'от 31.12.2022 № 2560, а сети для них выбраны распоряжением Правительства РФ от 02.09.2022 № 2523-р.';

const CONVERSATIONAL = `Привет, соседи! На выходных в парке Победы открываем каток. Заливали его всю неделю, лёд уже крепкий. Вход бесплатный, коньки можно взять напрокат у входа — 150 рублей за час.

Каток работает каждый день с 10 до 22. Если мороз опустится ниже −25, закроем — предупредим здесь же. Музыка, горячий чай и блины — в домике у катка.

Спасибо дорожникам и ребятам из спортшколы, которые помогали заливать лёд по ночам. Фото — в альбоме https://vk.com/album-12345_678, вопросы пишите Анне Петровне на plast-adm@mail.ru или в Telegram @plastunovskaya. Ждём вас! #каток #Пластуновская`;

describe('style checks of publication texts', () => {
  let speller: Speller;
  beforeAll(() => {
    speller = loadRussianSpeller();
  }, 60_000);

  describe('act citations (Plastunovskaya Прил. 1 p.7, Прил. 2 p.20)', () => {
    it('leaves a text with exactly two acts alone, however many of their articles it quotes (Plastunovskaya Прил. 1 p.7)', () => {
      const report = analyzeStyle(TWO_ACTS);
      expect(of(report.hits, 'act_citations')).toEqual([]);
      expect(report.summary.actCitations).toBe(2);
    });

    it('flags a third act citation in one text (Plastunovskaya Прил. 1 p.7)', () => {
      const report = analyzeStyle(THREE_ACTS);
      const hits = of(report.hits, 'act_citations');
      expect(hits.map((hit) => [hit.act, hit.fragment, hit.count])).toEqual([
        ['8-ФЗ', 'Федеральному закону от 09.02.2009 № 8-ФЗ', 3],
        ['постановление № 2560', 'постановлению Правительства РФ от 31.12.2022 № 2560', 3],
        ['2523-р', 'распоряжением Правительства РФ от 02.09.2022 № 2523-р', 3],
      ]);
      expect(hits[0].citation).toEqual({
        act: 'Постановление администрации Пластуновского сельского поселения Динского района',
        number: '273',
        date: '2023-09-04',
        clause: 'Прил. 1 п.7',
      });
      expect(hits[0].relatedCitations.map((citation) => citation.clause)).toEqual(['Прил. 2 п.20']);
      expect(hits[2].message).toContain('3 нормативных правовых акта');
      expect(report.summary.actCitations).toBe(3);
      expectConsistent(THREE_ACTS, report.hits);
    });

    it('recognises codes, bare suffixed numbers, regional laws and decrees as acts (Plastunovskaya Прил. 1 p.7)', () => {
      const text =
        'Сообщения в соцсетях — не обращения по № 59-ФЗ. Срок считают по ст. 191 ГК РФ; статья 191 Гражданского ' +
        'кодекса говорит о дне после события. Отпуск — по ст. 115 ТК РФ. Ещё действует Закон Хабаровского края ' +
        '«О референдуме Хабаровского края» и указ Президента РФ от 07.05.2018 № 204.';
      const hits = of(checkStyle(text), 'act_citations');
      expect(hits.map((hit) => hit.act)).toEqual([
        '59-ФЗ',
        'ГК РФ',
        'ТК РФ',
        'закон «О референдуме Хабаровского края»',
        'указ № 204',
      ]);
      expect(hits.map((hit) => hit.fragment)).toContain('ст. 191 ГК РФ');
      expect(hits.every((hit) => hit.count === 5)).toBe(true);
    });

    it('counts acts listed under one kind separately and ignores mentions that identify nothing (Plastunovskaya Прил. 1 p.7)', () => {
      const listed = 'Изменения внесены постановлениями администрации от 01.02.2023 № 12 и от 03.04.2023 № 45.';
      expect(analyzeStyle(listed).summary.actCitations).toBe(2);
      const vague =
        'По постановлению правительства школа № 5 и дом № 12 на улице Ленина получат новые окна. Решение суда ' +
        'от 12.03.2024 вступило в силу, а приказ директора вывесили на двери.';
      expect(analyzeStyle(vague).summary.actCitations).toBe(0);
    });
  });

  describe('bureaucratese (Blagodarny Порядок п.7)', () => {
    const text =
      'Запись на приём осуществляется по телефону. Ранее запись осуществлялась только лично, но мы решили ' +
      'осуществить переход на электронную очередь. Данного вида услуги и данной категории граждан это касается. ' +
      'В рамках реализации программы в целях удобства довожу до вашего сведения новый график.';

    it('finds list entries in several inflections, with the list’s plainer wording and sources (Blagodarny Порядок п.7)', () => {
      const hits = checkStyle(text);
      expectConsistent(text, hits);
      const found = hits
        .filter((hit) => hit.kind === 'bureaucratese' || hit.kind === 'press_release')
        .map((hit) => [hit.fragment, hit.pattern]);
      expect(found).toEqual([
        ['осуществляется', 'осуществляться'],
        ['осуществлялась', 'осуществляться'],
        ['осуществить', 'осуществлять'],
        ['Данного', 'данный'],
        ['данной', 'данный'],
        ['граждан', 'граждане'],
        ['В рамках реализации', 'в рамках реализации'],
        ['в целях', 'в целях'],
        ['довожу до вашего сведения', 'доводить до сведения'],
      ]);
      const inOrderTo = hits.find((hit) => hit.pattern === 'в целях')!;
      expect(inOrderTo).toMatchObject({
        kind: 'bureaucratese',
        category: 'compound_preposition',
        suggestion: 'чтобы, для: «Для безопасности вход по пропускам»',
        start: text.indexOf('в целях'),
        end: text.indexOf('в целях') + 'в целях'.length,
        citation: { number: '1249', clause: 'Порядок п.7' },
      });
      expect(inOrderTo.sources!.map((source) => source.id)).toEqual([
        'glavred_nrm',
        'texthumanize',
        'neurum',
        'gal_qa',
      ]);
      expect(inOrderTo.relatedCitations.map((citation) => `${citation.number} ${citation.clause}`)).toEqual([
        '273 Прил. 1 п.7',
        '77-пр Положение 1 п.9',
        '77-пр Положение 2 п.9',
        '273 Прил. 2 п.20',
      ]);
    });

    it('reports one hit per fragment: the longest entry wins (Blagodarny Порядок п.7)', () => {
      const hits = checkStyle('В рамках реализации нацпроекта отремонтировали дорогу.');
      expect(hits.map((hit) => hit.pattern)).toEqual(['в рамках реализации']);
    });

    it('keeps fixed groups fixed and does not read data, institutions or «сам» as bureaucratese (Blagodarny Порядок п.7)', () => {
      const text =
        'В целом дорогу сделали. По данным МЧС, лёд тонкий. Подведомственные организации открыты. ' +
        'Сам проверю, как идут работы. Участники отметили, что стало светлее.';
      expect(checkStyle(text)).toEqual([]);
    });

    it('matches passive patterns on passive forms only (Blagodarny Порядок п.7)', () => {
      expect(fragments(checkStyle('Отмечены три нарушения, работы будут проведены до мая.'), 'bureaucratese')).toEqual([
        'Отмечены',
      ]);
      expect(fragments(checkStyle('Была проведена проверка.'), 'bureaucratese')).toEqual(['проведена проверка']);
    });

    it('finds every one of the 249 entries as written, and in the list’s own example sentence (Blagodarny Порядок п.7)', () => {
      expect(BUREAUCRATESE_ENTRIES).toHaveLength(249);
      // The examples reorder or split these phrases («Особое внимание уделено…», «Работа в этом
      // направлении будет продолжена»): out of reach of a consecutive-words matcher.
      const reordered = ['уделять внимание', 'основным вопросом стало', 'работа будет продолжена'];
      const missedExamples: string[] = [];
      for (const entry of BUREAUCRATESE_ENTRIES) {
        const alone = tokenize(entry.pattern);
        const self = findBureaucratese(alone).filter(
          (match) => match.entry === entry && match.first === 0 && match.last === alone.length - 1,
        );
        expect([entry.pattern, self.length]).toEqual([entry.pattern, 1]);
        expect(entry.sources.length).toBeGreaterThan(0);
        if (!findBureaucratese(tokenize(entry.example)).some((match) => match.entry === entry)) {
          missedExamples.push(entry.pattern);
        }
      }
      expect(missedExamples).toEqual(reordered);
    });
  });

  describe('press-release format (Plastunovskaya Прил. 1 p.7)', () => {
    const text =
      '17 марта в администрации района состоялось заседание комиссии по благоустройству. В ходе мероприятия ' +
      'приняли участие представители управляющих компаний. Отмечается, что было проведено обследование дворов. ' +
      'Вчера прошло совещание с подрядчиками. Администрация Пластуновского сельского поселения информирует о ' +
      'переносе ярмарки.';

    it('flags a third-person report opening and passive reports (Plastunovskaya Прил. 1 p.7)', () => {
      const hits = checkStyle(text);
      expectConsistent(text, hits);
      expect(fragments(hits, 'press_release')).toEqual([
        '17 марта в администрации района состоялось',
        'В ходе мероприятия',
        'приняли участие',
        'Отмечается, что',
        'было проведено',
        'прошло совещание',
        'Администрация Пластуновского сельского поселения информирует',
      ]);
      const opening = hits[0];
      expect(opening.message).toContain('пресс-релиза');
      expect(opening.citation).toMatchObject({ number: '273', clause: 'Прил. 1 п.7' });
      expect(opening.relatedCitations.map((citation) => citation.clause)).toEqual(['Положение 1 п.9', 'Порядок п.7']);
      expect(hits.find((hit) => hit.fragment === 'приняли участие')).toMatchObject({
        pattern: 'приняли участие',
        category: 'press_release_marker',
        suggestion: 'пришли, участвовали, помогли',
      });
    });

    it('does not take an announcement for a report (Plastunovskaya Прил. 1 p.7)', () => {
      expect(checkStyle('В субботу в парке пройдёт ярмарка мёда. Приходите с детьми!')).toEqual([]);
    });
  });

  describe('length for the network (Khabarovsk Положение 1 p.8)', () => {
    const sentence = 'Рассказываем, как записаться к врачу через Госуслуги. ';
    const textOf = (length: number) => sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length);

    it('advises above the recommended figure and marks the part beyond it (Khabarovsk Положение 1 p.8)', () => {
      const text = textOf(1100);
      const [hit] = of(checkStyle(text, { network: 'telegram' }), 'too_long');
      expect(hit).toMatchObject({ start: 1024, end: 1100, length: 1100, limit: 1024 });
      expect(hit.message).toBe('Текст длинный для Telegram: 1100 знаков, рекомендуем не больше 1024.');
      expect(hit.citation).toMatchObject({ number: '77-пр', clause: 'Положение 1 п.8' });
      expect(of(checkStyle(text, { network: 'vk' }), 'too_long')).toEqual([]);
    });

    it('says when the network would not take the text at all (Khabarovsk Положение 1 p.8)', () => {
      const [hit] = of(checkStyle(textOf(4200), { network: 'telegram' }), 'too_long');
      expect(hit).toMatchObject({ start: 4096, limit: 4096 });
      expect(hit.message).toContain('длиннее, чем принимает Telegram');
      expect(analyzeStyle(textOf(LENGTH_LIMITS.default.recommended + 1)).summary.tooLong).toBe(true);
      expect(analyzeStyle(textOf(LENGTH_LIMITS.default.recommended)).summary.tooLong).toBe(false);
    });
  });

  describe('spelling (Blagodarny Порядок п.6)', () => {
    it('flags misspelt words with dictionary suggestions (Blagodarny Порядок п.6)', () => {
      const text = 'Превед всем! Завтра в 10:00 пройдёт заседанние комиссии.';
      const hits = of(checkStyle(text, { speller }), 'spelling');
      expectConsistent(text, hits);
      expect(hits.map((hit) => hit.fragment)).toEqual(['Превед', 'заседанние']);
      expect(hits[1].replacements).toEqual(['заседание']);
      expect(hits[1].suggestion).toBe('Возможно, имелось в виду: «заседание».');
      expect(hits[0].replacements!.length).toBeGreaterThan(0);
      expect(hits[0].replacements!.length).toBeLessThanOrEqual(3);
      expect(hits[0].citation).toMatchObject({ number: '1249', clause: 'Порядок п.6 абз.2' });
    });

    it('leaves addresses, hashtags, mentions, names, Latin words, abbreviations and numbers alone (Blagodarny Порядок п.6)', () => {
      const text =
        'Подробности на https://plastunovskaya.ru/news/zasedannie и в группе vk.com/plastadm. Пишите на ' +
        'prevedmedved@mail.ru или @plastunovskaya_adm. Глава поселения Сергей Кужба и Анна Шеронова ждут вас ' +
        'в МФЦ и в ГБУЗ «ЦРБ». Встреча в 2х местах, 5-го числа. Заходите в Telegram и на Госуслуги. ' +
        '#Пластуновская #заседанние';
      expect(of(checkStyle(text, { speller }), 'spelling')).toEqual([]);
    });

    it('accepts hyphenated words and stump compounds of known words (Blagodarny Порядок п.6)', () => {
      const text = 'Пресс-служба рассказала про госуслуги, соцзащиту и нацпроект. Во-первых, это удобно.';
      expect(of(checkStyle(text, { speller }), 'spelling')).toEqual([]);
    });

    it('knows words of official posts the dictionary lacks, in their forms (Blagodarny Порядок п.6)', () => {
      const text =
        'В нашем паблике — запись вебинара о самозанятых, ямочного ремонта и работы эвакуатора. ' +
        'Ливнёвки почистили, канцеляризмов в постах нет.';
      expect(of(checkStyle(text, { speller }), 'spelling')).toEqual([]);
    });

    it('still reports a misspelt word once the suggestion budget is spent (Blagodarny Порядок п.6)', () => {
      const hits = of(checkStyle('Прошло заседанние.', { speller, suggestionBudgetMs: 0 }), 'spelling');
      expect(hits).toMatchObject([
        { fragment: 'заседанние', replacements: [], suggestion: 'Проверьте написание слова.' },
      ]);
    });
  });

  it('finds nothing in a conversational post (Khabarovsk Положение 1 p.9)', () => {
    expect(analyzeStyle(CONVERSATIONAL, { speller, network: 'vk' })).toEqual({
      hits: [],
      summary: { actCitations: 0, bureaucratese: 0, pressRelease: 0, spelling: 0, tooLong: false },
    });
  });
});
