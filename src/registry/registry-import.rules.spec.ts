import { OrganizationKind } from './organization-kind';
import { IMPORT_TEMPLATE_HEADERS, mapHeaders, parseImportDate, parseImportLine } from './registry-import.rules';

const HEADER = [
  'Организация',
  'Вид организации',
  'Вышестоящая организация',
  'Сеть',
  'Ссылка',
  'Дата создания',
  'Отметка Госуслуг',
];
const { columns } = mapHeaders(HEADER);

describe('Registry import lines', () => {
  it('reads a Blagodarny line with the real VK page and normalizes its URL (DOMAIN.md §1)', () => {
    const { row, problems } = parseImportLine(
      2,
      [
        'Администрация  Благодарненского округа',
        'Администрация',
        '',
        'ВКонтакте',
        'http://m.vk.com/ABGOSK/',
        '01.03.2023',
        '15.05.2023',
      ],
      columns,
      'blagodarny-mo',
    );
    expect(problems).toEqual([]);
    expect(row).toEqual({
      line: 2,
      jurisdiction: 'blagodarny-mo',
      organization: 'Администрация Благодарненского округа',
      kind: OrganizationKind.Administration,
      page: {
        network: 'vk',
        url: 'https://vk.com/abgosk',
        handle: 'abgosk',
        createdOn: '2023-03-01',
        gosuslugiMarkOn: '2023-05-15',
      },
    });
  });

  it('detects the network from the link when the column is empty', () => {
    const { row } = parseImportLine(
      3,
      ['Школа № 1', 'Подведомственное учреждение', '', '', 'ok.ru/abgosk26', '', 'нет'],
      columns,
      'blagodarny-mo',
    );
    expect(row?.page).toMatchObject({ network: 'ok', url: 'https://ok.ru/abgosk26' });
    expect(row?.page?.gosuslugiMarkOn).toBeUndefined();
  });

  it('reports a cell with NUL or a lone surrogate by line and column, and gives no row to write', () => {
    const { row, problems } = parseImportLine(
      4,
      ['Школа\u0000 № 2', 'Подведомственное учреждение', '', 'ВКонтакте', 'https://vk.com/school\ud800', '', ''],
      columns,
      'blagodarny-mo',
    );
    expect(row).toBeUndefined();
    expect(problems).toEqual([
      { field: 'строка 4: столбец 1', message: 'недопустимый символ (NUL или одиночный суррогат)' },
      { field: 'строка 4: столбец 5', message: 'недопустимый символ (NUL или одиночный суррогат)' },
    ]);
  });

  it('reports every bad cell of a line with its line number', () => {
    const { row, problems } = parseImportLine(
      7,
      ['', 'Министерство', '', 'Одноклассники', 'https://vk.com/abgosk', '31.02.2024', 'скоро'],
      columns,
      'x',
    );
    expect(row).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual([
      'строка 7: Организация',
      'строка 7: Вид организации',
      'строка 7: Ссылка',
    ]);
  });

  it('refuses page credentials hidden in a link (the registry never stores logins)', () => {
    const { problems } = parseImportLine(
      4,
      ['Школа', 'Подведомственная организация', '', 'ВК', 'https://admin:secret@vk.com/school', '', ''],
      columns,
      'x',
    );
    expect(problems[0].field).toBe('строка 4: Ссылка');
  });

  it('skips empty lines', () => {
    expect(parseImportLine(9, ['', ' ', ''], columns, 'x')).toEqual({ problems: [] });
  });

  it('names unknown and missing columns', () => {
    const { problems } = mapHeaders(['Организация', 'Пароль']);
    expect(problems.map((p) => p.message)).toEqual([
      'неизвестный столбец «Пароль»',
      'нет обязательного столбца «Вид организации»',
    ]);
  });

  it('reads dates as dd.mm.yyyy or yyyy-mm-dd and refuses impossible ones', () => {
    expect(parseImportDate('05.06.2026')).toBe('2026-06-05');
    expect(parseImportDate('2026-06-05')).toBe('2026-06-05');
    expect(parseImportDate('29.02.2025')).toBeUndefined();
    expect(parseImportDate('5/6/2026')).toBeUndefined();
  });
});

describe('Registry import, column by column (DOMAIN.md §1: the registry as regions keep it)', () => {
  const FULL = mapHeaders([
    'Территория',
    'Организация',
    'Вид организации',
    'Вышестоящая организация',
    'Сайт',
    'ИНН',
    'Сеть',
    'Ссылка',
    'Дата создания',
    'Отметка Госуслуг',
  ]).columns;
  type Cells = {
    jurisdiction?: string;
    organization?: string;
    kind?: string;
    parent?: string;
    website?: string;
    inn?: string;
    network?: string;
    url?: string;
    createdOn?: string;
    mark?: string;
  };
  const line = (c: Cells) =>
    parseImportLine(
      5,
      [
        c.jurisdiction ?? '',
        c.organization ?? 'Школа № 1',
        c.kind ?? 'Подведомственное учреждение',
        c.parent ?? '',
        c.website ?? '',
        c.inn ?? '',
        c.network ?? '',
        c.url ?? '',
        c.createdOn ?? '',
        c.mark ?? '',
      ],
      FULL,
      'blagodarny-mo',
    );
  const problem = (title: string, message: string) => [{ field: `строка 5: ${title}`, message }];

  it('knows every Russian and English header, in any case, with ё and extra spaces', () => {
    const titles: [string, string][] = [
      ['Территория', 'jurisdiction'],
      ['Jurisdiction', 'jurisdiction'],
      ['Организация', 'organization'],
      [' Наименование   организации ', 'organization'],
      ['organization', 'organization'],
      ['Вид организации', 'kind'],
      ['kind', 'kind'],
      ['Вышестоящая организация', 'parent'],
      ['parent', 'parent'],
      ['Сайт', 'website'],
      ['Официальный сайт', 'website'],
      ['website', 'website'],
      ['ИНН', 'inn'],
      ['inn', 'inn'],
      ['Сёть', 'network'],
      ['Социальная сеть', 'network'],
      ['network', 'network'],
      ['Ссылка', 'url'],
      ['Адрес страницы', 'url'],
      ['Ссылка на страницу', 'url'],
      ['URL', 'url'],
      ['Дата создания', 'createdOn'],
      ['createdOn', 'createdOn'],
      ['Отметка Госуслуг', 'gosuslugiMarkOn'],
      ['Специальная отметка', 'gosuslugiMarkOn'],
      ['gosuslugiMarkOn', 'gosuslugiMarkOn'],
    ];
    expect(mapHeaders(titles.map(([title]) => title))).toEqual({ columns: titles.map(([, c]) => c), problems: [] });
  });

  it('offers a template whose every header it reads back', () => {
    expect(mapHeaders(IMPORT_TEMPLATE_HEADERS)).toEqual({
      columns: ['organization', 'kind', 'parent', 'website', 'inn', 'network', 'url', 'createdOn', 'gosuslugiMarkOn'],
      problems: [],
    });
  });

  it('names an unknown column by its position, passes over blank ones, and asks for both required columns', () => {
    expect(mapHeaders(['Организация', '  ', 'Вид организации', ' Пароль ']).problems).toEqual([
      { field: 'строка 1, столбец 4', message: 'неизвестный столбец «Пароль»' },
    ]);
    expect(mapHeaders([]).problems).toEqual([
      { field: 'строка 1', message: 'нет обязательного столбца «Организация»' },
      { field: 'строка 1', message: 'нет обязательного столбца «Вид организации»' },
    ]);
  });

  it('reads missing cells of a spreadsheet as blank', () => {
    const missing = undefined as unknown as string;
    const { columns: sparse, problems } = mapHeaders(['Организация', missing, 'Вид организации', 'Сайт']);
    expect(problems).toEqual([]);
    expect(parseImportLine(6, ['Школа № 1', '', 'Подведомственное учреждение', missing], sparse, 'x').row).toEqual({
      line: 6,
      jurisdiction: 'x',
      organization: 'Школа № 1',
      kind: OrganizationKind.SubordinateOrganization,
    });
    expect(parseImportLine(7, [missing, missing], sparse, 'x')).toEqual({ problems: [] });
  });

  it('reads a date with spaces around, and refuses junk around it or a month 13', () => {
    expect(parseImportDate(' 05.06.2026 ')).toBe('2026-06-05');
    for (const value of ['x05.06.2026', '05.06.2026x', 'x2026-06-05', '2026-06-05x', '01.13.2026', '2026-13-01']) {
      expect(parseImportDate(value)).toBeUndefined();
    }
  });

  it('writes a line without a page with its territory, parent, website and INN, spaces collapsed', () => {
    expect(
      line({
        jurisdiction: 'plastunovskaya-sp',
        parent: 'Администрация   поселения',
        website: 'https://abgosk.ru',
        inn: '2605012345',
      }),
    ).toEqual({
      row: {
        line: 5,
        jurisdiction: 'plastunovskaya-sp',
        organization: 'Школа № 1',
        kind: OrganizationKind.SubordinateOrganization,
        parent: 'Администрация поселения',
        website: 'https://abgosk.ru',
        inn: '2605012345',
      },
      problems: [],
    });
    expect(line({ kind: 'executive_body' }).row).toEqual({
      line: 5,
      jurisdiction: 'blagodarny-mo',
      organization: 'Школа № 1',
      kind: OrganizationKind.ExecutiveBody,
    });
  });

  it('asks for the organization, up to 500 characters, and a known kind', () => {
    expect(line({ organization: ' ' }).problems).toEqual(problem('Организация', 'не заполнено'));
    expect(line({ organization: 'Ш'.repeat(500) }).problems).toEqual([]);
    expect(line({ organization: 'Ш'.repeat(501) }).problems).toEqual(
      problem('Организация', 'слишком длинное наименование'),
    );
    expect(line({ kind: 'Министерство' }).problems).toEqual(
      problem('Вид организации', 'неизвестный вид «Министерство»'),
    );
  });

  it('accepts an INN of exactly 10 or 12 digits', () => {
    for (const inn of ['2605012345', '260501234567']) expect(line({ inn }).problems).toEqual([]);
    for (const inn of ['12345', '26050123456', 'x2605012345', '2605012345x', 'абвгдежзик']) {
      expect(line({ inn }).problems).toEqual(problem('ИНН', 'ожидается 10 или 12 цифр'));
    }
  });

  it('accepts a website only as one web address', () => {
    for (const website of ['https://abgosk.ru', 'HTTP://abgosk.ru/news?id=1']) {
      expect(line({ website }).problems).toEqual([]);
    }
    for (const website of ['abgosk.ru', 'сайт https://abgosk.ru', 'https://abgosk.ru сайт', 'https:///abgosk.ru']) {
      expect(line({ website }).problems).toEqual(problem('Сайт', 'ожидается адрес вида https://…'));
    }
  });

  it('names what is wrong with the network of a page', () => {
    expect(line({ url: 'https://example.com/abgosk' }).problems).toEqual(
      problem('Сеть', 'не удалось определить сеть по ссылке; укажите её'),
    );
    expect(line({ network: 'Фликр', url: 'https://vk.com/abgosk' }).problems).toEqual(
      problem('Сеть', 'неизвестная сеть «Фликр»'),
    );
    expect(line({ network: 'ВК' }).problems).toEqual(problem('Ссылка', 'указана сеть, но нет ссылки на страницу'));
  });

  it('reads every Russian network name', () => {
    const pages: [string, string, string][] = [
      ['ОК', 'https://ok.ru/abgosk26', 'ok'],
      ['Телеграм', 'https://t.me/abgosk', 'telegram'],
      ['Телеграмм', 'https://t.me/abgosk', 'telegram'],
      ['Макс', 'https://max.ru/abgosk', 'max'],
      ['Фейсбук', 'https://facebook.com/abgosk', 'facebook'],
      ['Инстаграм', 'https://instagram.com/abgosk', 'instagram'],
      ['Твиттер', 'https://twitter.com/abgosk', 'twitter'],
    ];
    for (const [network, url, code] of pages) {
      const { row, problems } = line({ network, url });
      expect([problems, row?.page?.network]).toEqual([[], code]);
    }
  });

  it('reads «нет» or «-» as no mark, and refuses other text in the date columns', () => {
    const url = 'https://vk.com/abgosk';
    for (const mark of ['НЕТ', '-']) expect(line({ url, mark }).row?.page).not.toHaveProperty('gosuslugiMarkOn');
    const MARK = 'ожидается дата получения ДД.ММ.ГГГГ или «нет»';
    for (const mark of ['нет ещё', 'скоро-']) {
      expect(line({ url, mark }).problems).toEqual(problem('Отметка Госуслуг', MARK));
    }
    expect(line({ url, createdOn: 'вчера' }).problems).toEqual(problem('Дата создания', 'ожидается дата ДД.ММ.ГГГГ'));
  });
});
