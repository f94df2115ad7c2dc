import { findActCitations } from './act-citations.rules';
import { normalizeText } from './style-text';

/** Each distinct act as [how it is named, the fragment of its first mention]. */
function acts(text: string): [string, string][] {
  return findActCitations(text, normalizeText(text)).map(({ act, start, end }) => [act, text.slice(start, end)]);
}

describe('act citations counted against «не более двух на одну публикацию» (Plastunovskaya Прил. 1 п.7, Прил. 2 п.20)', () => {
  describe('acts identified by their date alone (Plastunovskaya Прил. 1 п.7)', () => {
    it('counts an act of one kind and date once, whether the date is in figures, with a two-digit year or in words', () => {
      const text =
        'Порядок изменён постановлением администрации от 01.02.2023 г., см. постановление от 1.2.23 и ' +
        'постановление администрации от 1 февраля 2023 года.';
      expect(acts(text)).toEqual([['постановление от 01.02.2023 г.', 'постановлением администрации от 01.02.2023 г.']]);
    });

    it('reads every month written in words as its number', () => {
      const months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября'];
      const more = ['октября', 'ноября', 'декабря'];
      [...months, ...more].forEach((month, index) => {
        const figures = `${String(index + 1).padStart(2, '0')}`;
        const text = `Приказ Минтруда России от 12 ${month} 2024 г. и приказ Минтруда от 12.${figures}.2024.`;
        expect(acts(text)).toEqual([
          [`приказ от 12 ${month} 2024 г.`, `Приказ Минтруда России от 12 ${month} 2024 г.`],
        ]);
      });
    });

    it('tells apart acts of another kind or another day with the same date form', () => {
      const text = 'постановление от 01.02.2023, распоряжение от 01.02.2023 и постановление от 2.2.2023';
      expect(acts(text).map(([act]) => act)).toEqual([
        'постановление от 01.02.2023',
        'распоряжение от 01.02.2023',
        'постановление от 2.2.2023',
      ]);
    });
  });

  describe('acts identified by their number (Plastunovskaya Прил. 1 п.7)', () => {
    it('keeps a plain number with the kind of act: «№ 204» of a decree and of an order are two acts', () => {
      const text = 'Указ Президента от 07.05.2018 № 204, указ Президента № 204 и приказ № 204.';
      expect(acts(text)).toEqual([
        ['указ № 204', 'Указ Президента от 07.05.2018 № 204'],
        ['приказ № 204', 'приказ № 204'],
      ]);
    });

    it('reads the Latin N as the number sign and keeps letters and slashes of a number', () => {
      expect(acts('Федеральным законом N 8-ФЗ, закон № 8/2 и постановление № 15а').map(([act]) => act)).toEqual([
        '8-ФЗ',
        'закон № 8/2',
        'постановление № 15а',
      ]);
    });

    it('takes a suffixed number as the act itself, whatever dash joins the suffix', () => {
      // Hyphen, non-breaking hyphen, en dash, lower case and no space after the sign: one act.
      const text = 'по № 59-ФЗ, № 59‑ФЗ, № 59–ФЗ, № 59‐ФЗ, № 59-фз и №59-ФЗ';
      expect(acts(text)).toEqual([['59-ФЗ', '№ 59-ФЗ']]);
    });

    it('recognises the suffixes of federal, regional and municipal acts and writes law suffixes in capitals', () => {
      const text =
        'Федеральный конституционный закон от 17.12.1997 № 2-ФКЗ, закон № 10-оз, № 7-кз, постановление № 77-пр, ' +
        '№ 1249-п, № 5-па, № 3-рп, № 4-р, № 8-з, № 9-пг, № 11-уг';
      expect(acts(text).map(([act]) => act)).toEqual([
        '2-ФКЗ',
        '10-ОЗ',
        '7-КЗ',
        '77-пр',
        '1249-п',
        '5-па',
        '3-рп',
        '4-р',
        '8-З',
        '9-пг',
        '11-уг',
      ]);
    });

    it('counts every act of a list under one kind, each fragment starting at its «от» (Plastunovskaya Прил. 1 п.7)', () => {
      const text = 'Изменены постановлениями от 01.02.2023 № 12, от 03.04.2023 № 45 и от 05.06.2023 № 12.';
      expect(acts(text)).toEqual([
        ['постановление № 12', 'постановлениями от 01.02.2023 № 12'],
        ['постановление № 45', 'от 03.04.2023 № 45'],
      ]);
    });

    it('takes the article, part and item references before an act as part of the same mention', () => {
      expect(acts('пп. 3 п. 2 ч. 1 ст. 13 Федерального закона № 8-ФЗ')).toEqual([
        ['8-ФЗ', 'пп. 3 п. 2 ч. 1 ст. 13 Федерального закона № 8-ФЗ'],
      ]);
    });

    it('counts a council decision but not a court decision', () => {
      expect(acts('решение Совета от 10.10.2023 № 5 и решение суда от 11.10.2023 № 6')).toEqual([
        ['решение № 5', 'решение Совета от 10.10.2023 № 5'],
      ]);
    });

    it('reads a long issuer with brackets between the kind and the details', () => {
      const text = 'Постановлением главы администрации (губернатора) Краснодарского края от 18.07.2022 № 449';
      expect(acts(text)).toEqual([['постановление № 449', text]]);
    });
  });

  describe('acts identified by a quoted title (Plastunovskaya Прил. 1 п.7)', () => {
    it('counts an act named only by its title once, in any quotes, case, «ё» or punctuation', () => {
      const text =
        'Закон края „О молодёжной политике“, закон "О молодежной политике" и закон  «О молодежной политике!» ' +
        'вместе с законом края № 12-кз.';
      expect(acts(text)).toEqual([
        ['закон „О молодёжной политике“', 'Закон края „О молодёжной политике“'],
        ['12-КЗ', 'законом края № 12-кз'],
      ]);
    });

    it('takes a title seen once with a number as that number wherever it appears alone, before or after (named as first written)', () => {
      const after =
        'Федеральный закон № 8-ФЗ «Об обеспечении доступа» и статья 10 Федерального закона "Об обеспечении доступа".';
      expect(acts(after)).toEqual([['8-ФЗ', 'Федеральный закон № 8-ФЗ «Об обеспечении доступа»']]);
      const before =
        'Закон «Об обеспечении доступа» обязывает. Федеральный закон № 8-ФЗ «Об обеспечении доступа» давно принят.';
      expect(acts(before)).toEqual([['закон «Об обеспечении доступа»', 'Закон «Об обеспечении доступа»']]);
    });

    it('keeps nested quotes inside the title and ignores a title whose quotes never close on the line', () => {
      expect(acts('закон «О «Самом» главном» и закон «О «самом» главном!»')).toEqual([
        ['закон «О «Самом» главном»', 'закон «О «Самом» главном»'],
      ]);
      expect(acts('закон «Без конца')).toEqual([]);
      expect(acts('закон "Без конца\nстроки" и закон “Об образовании”')).toEqual([
        ['закон “Об образовании”', 'закон “Об образовании”'],
      ]);
    });

    it('looks for the closing quote within 600 characters only', () => {
      expect(acts(`закон «${'а'.repeat(598)}»`)).toHaveLength(1);
      expect(acts(`закон «${'а'.repeat(599)}»`)).toEqual([]);
      expect(acts(`закон "${'а'.repeat(598)}"`)).toHaveLength(1);
      expect(acts(`закон "${'а'.repeat(599)}"`)).toEqual([]);
    });
  });

  describe('codes and the Constitution (Plastunovskaya Прил. 1 п.7)', () => {
    it('recognises every code by its abbreviation with «РФ», and the Constitution', () => {
      const text =
        'ст. 5 ГПК РФ, ст. 6 АПК РФ, ст. 7 УПК РФ, ст. 8 УИК РФ, ст. 9 КоАП РФ, ст. 10 КАС РФ, ст. 11 ТК РФ, ' +
        'ст. 12 ГК РФ, ст. 13 НК РФ, ст. 14 ЖК РФ, ст. 15 УК РФ, ст. 16 БК РФ, ст. 17 ЗК РФ, ст. 18 ГрК РФ, ' +
        'ст. 19 СК РФ, ст. 20 ЛК РФ, ст. 21 ВК Российской Федерации, статья 3 Конституции Российской Федерации';
      const found = acts(text);
      expect(found.map(([act]) => act)).toEqual([
        'ГПК РФ',
        'АПК РФ',
        'УПК РФ',
        'УИК РФ',
        'КоАП РФ',
        'КАС РФ',
        'ТК РФ',
        'ГК РФ',
        'НК РФ',
        'ЖК РФ',
        'УК РФ',
        'БК РФ',
        'ЗК РФ',
        'ГрК РФ',
        'СК РФ',
        'ЛК РФ',
        'ВК РФ',
        'Конституция РФ',
      ]);
      expect(found[0][1]).toBe('ст. 5 ГПК РФ');
      expect(found[17][1]).toBe('статья 3 Конституции Российской Федерации');
    });

    it('recognises every code by its full name, hyphenated ones included', () => {
      const text =
        'Гражданский процессуальный кодекс, Арбитражного процессуального кодекса, Уголовно-процессуальный кодекс, ' +
        'Уголовно-исполнительный кодекс, Кодекс Российской Федерации об административных правонарушениях, ' +
        'Кодекс административного судопроизводства, Трудовой кодекс, Гражданский кодекс, Налоговый кодекс, ' +
        'Жилищный кодекс, Уголовный кодекс, Бюджетный кодекс Российской Федерации, Земельный кодекс, ' +
        'Градостроительный кодекс, Семейный кодекс, Лесной кодекс, Водный кодекс РФ.';
      expect(acts(text).map(([act]) => act)).toEqual([
        'ГПК РФ',
        'АПК РФ',
        'УПК РФ',
        'УИК РФ',
        'КоАП РФ',
        'КАС РФ',
        'ТК РФ',
        'ГК РФ',
        'НК РФ',
        'ЖК РФ',
        'УК РФ',
        'БК РФ',
        'ЗК РФ',
        'ГрК РФ',
        'СК РФ',
        'ЛК РФ',
        'ВК РФ',
      ]);
    });

    it('takes a bare abbreviation as a code only after an article: «ВК» and «ТК» are also VKontakte and a mall', () => {
      expect(acts('Пишите нам в ВК и приходите в ТК «Галерея».')).toEqual([]);
      expect(acts('по ст. 81 ТК и ст. 5 ВК')).toEqual([
        ['ТК РФ', 'ст. 81 ТК'],
        ['ВК РФ', 'ст. 5 ВК'],
      ]);
    });

    it('counts a code once however many of its articles are quoted', () => {
      expect(acts('ст. 191 ГК РФ; статья 192 Гражданского кодекса; ст. 193 ГК')).toEqual([['ГК РФ', 'ст. 191 ГК РФ']]);
    });

    it('does not take the word «конституция» alone as the Constitution', () => {
      expect(acts('по Конституции РФ, а не по конституции клуба')).toEqual([['Конституция РФ', 'Конституции РФ']]);
      expect(acts('по конституции клуба')).toEqual([]);
    });
  });

  it('ignores mentions that identify nothing a reader could look up (Plastunovskaya Прил. 1 п.7)', () => {
    const text =
      'По постановлению правительства школа № 5 получит окна, а приказ директора и решение суда вывесили на двери.';
    expect(acts(text)).toEqual([]);
  });
});
