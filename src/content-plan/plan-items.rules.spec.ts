import { CSV_BOM, csvLine, exportCells, itemProblems, parseImportTable } from './plan-items.rules';

const context = {
  monday: '2026-06-15',
  sunday: '2026-06-21',
  pageIds: new Set(['5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d']),
  networks: ['vk', 'ok'],
};
const header = ['Дата', 'Время', 'Сети', 'Тема', 'Формат', 'Описание', 'Автор'];

describe('content-plan items', () => {
  it('refuses dates outside the week, foreign pages and networks outside the policy', () => {
    const problems = itemProblems(
      [
        { plannedOn: '2026-06-22', topic: 't', format: 'text', networks: ['telegram'] },
        { plannedOn: '2026-06-15', topic: 't', format: 'text', pageIds: ['00000000-0000-4000-8000-000000000000'] },
        { plannedOn: '2026-06-16', topic: 't', format: 'text' },
      ],
      context,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'items[0].plannedOn',
      'items[0].networks[0]',
      'items[1].pageIds[0]',
      'items[2]',
    ]);
  });

  it('reads the filled template, Russian names included', () => {
    const { items, errors } = parseImportTable(
      [header, ['16.06.2026', '9:30', 'ВКонтакте, ОК', 'Тема', 'Прямой эфир', '', 'Пресс-служба']],
      context,
    );
    expect(errors).toEqual([]);
    expect(items).toEqual([
      {
        plannedOn: '2026-06-16',
        plannedTime: '09:30',
        networks: ['vk', 'ok'],
        pageIds: [],
        topic: 'Тема',
        format: 'live',
        description: null,
        author: 'Пресс-служба',
      },
    ]);
  });

  it('names a cell holding NUL or a lone surrogate instead of storing it', () => {
    const { items, errors } = parseImportTable(
      [header, ['16.06.2026', '', 'vk', 'Тема\u0000', 'фото', 'x\udc00', '']],
      context,
    );
    expect(items).toEqual([]);
    expect(errors).toEqual([
      { field: 'строка 2, «Тема»', message: 'недопустимый символ (NUL или одиночный суррогат)' },
      { field: 'строка 2, «Описание»', message: 'недопустимый символ (NUL или одиночный суррогат)' },
    ]);
  });

  it('names every bad cell by row and column', () => {
    const { errors } = parseImportTable(
      [header, ['31.02.2026', '25:00', 'Facebook', '', 'роман', '', ''], ['16.06.2026', '', 'vk', 'Тема', 'фото']],
      context,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'строка 2, «Дата»',
      'строка 2, «Время»',
      'строка 2, «Сети»',
      'строка 2, «Тема»',
      'строка 2, «Формат»',
    ]);
  });

  it('neutralizes formulas in the export and writes «;» CSV', () => {
    const cells = exportCells({
      organizationName: '=HYPERLINK("x")',
      week: '2026-W25',
      plannedOn: '2026-06-16',
      plannedTime: null,
      targets: ['ВКонтакте'],
      topic: '+7 новостей; итоги',
      format: 'photo',
      description: null,
      author: '@press',
      approvedAt: '2026-06-11 10:00',
    });
    expect(cells[0]).toBe(`'=HYPERLINK("x")`);
    expect(csvLine(cells)).toBe(
      `"'=HYPERLINK(""x"")";2026-W25;16.06.2026;;ВКонтакте;"'+7 новостей; итоги";фото;;'@press;2026-06-11 10:00\r\n`,
    );
  });
});

describe('content-plan items, clause by clause (Khabarovsk Положение 1 p.2.2: the plan of the coming week)', () => {
  const PAGE = '5d7c2a10-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
  const item = { plannedOn: '2026-06-16', topic: 't', format: 'text' as const, networks: ['vk'] };

  it('accepts the Monday and the Sunday, and names the week when a date is outside it', () => {
    expect(
      itemProblems(
        [
          { ...item, plannedOn: '2026-06-15' },
          { ...item, plannedOn: '2026-06-21' },
        ],
        context,
      ),
    ).toEqual([]);
    expect(itemProblems([{ ...item, plannedOn: '2026-06-14' }], context, 'plan')).toEqual([
      {
        field: 'plan[0].plannedOn',
        message: 'дата должна быть в пределах планируемой недели (2026-06-15 — 2026-06-21)',
      },
    ]);
  });

  it('asks for pages or networks, reads page ids in any case, and says what is wrong with each', () => {
    expect(itemProblems([{ ...item, networks: [], pageIds: [] }], context)).toEqual([
      { field: 'items[0]', message: 'укажите страницы (pageIds) или сети (networks) публикации' },
    ]);
    expect(itemProblems([{ ...item, networks: undefined, pageIds: [PAGE.toUpperCase()] }], context)).toEqual([]);
    expect(itemProblems([{ ...item, pageIds: [PAGE, '00000000-0000-4000-8000-000000000000'] }], context)).toEqual([
      { field: 'items[0].pageIds[1]', message: 'это не действующая официальная страница организации' },
    ]);
    expect(itemProblems([{ ...item, networks: ['ok', 'max'] }], context)).toEqual([
      { field: 'items[0].networks[1]', message: 'официальные страницы ведутся только в сетях: vk, ok' },
    ]);
  });
});

describe('the filled template, column by column', () => {
  const row = (over: Partial<Record<(typeof header)[number], string>> = {}) => {
    const cells: Record<string, string> = {
      Дата: '16.06.2026',
      Время: '',
      Сети: 'vk',
      Тема: 'Тема',
      Формат: 'фото',
      Описание: '',
      Автор: '',
      ...over,
    };
    return header.map((title) => cells[title]!);
  };
  const read = (over: Partial<Record<string, string>>, ctx = context) => parseImportTable([header, row(over)], ctx);
  const refusal = (title: string, message: string) => ({
    items: [],
    errors: [{ field: `строка 2, «${title}»`, message }],
  });

  it('names each required column missing from the first row, and needs none of the others', () => {
    for (const title of ['Дата', 'Сети', 'Тема', 'Формат']) {
      expect(parseImportTable([header.filter((h) => h !== title)], context)).toEqual({
        items: [],
        errors: [{ field: `«${title}»`, message: 'в первой строке нет этого столбца шаблона' }],
      });
    }
    expect(parseImportTable([], context).errors).toHaveLength(4);
    const { items, errors } = parseImportTable(
      [
        [' ДАТА ', 'сети', undefined as unknown as string, 'Тема', 'Формат'],
        ['16.06.2026', 'vk', 'x', 'Тема', 'фото'],
      ],
      context,
    );
    expect(errors).toEqual([]);
    expect(items).toEqual([
      {
        plannedOn: '2026-06-16',
        plannedTime: null,
        networks: ['vk'],
        pageIds: [],
        topic: 'Тема',
        format: 'photo',
        description: null,
        author: null,
      },
    ]);
  });

  it('skips blank and missing rows, and says when the file has no publication at all', () => {
    const blank = header.map(() => ' ');
    expect(parseImportTable([header, blank], context)).toEqual({
      items: [],
      errors: [{ field: 'строка 2', message: 'в файле нет ни одной публикации' }],
    });
    const sparse = [header, undefined as unknown as string[], row({ Тема: ' Итоги недели ' })];
    expect(parseImportTable(sparse, context).items.map((i) => i.topic)).toEqual(['Итоги недели']);
  });

  it('reads dates as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД within the week, and refuses anything else', () => {
    for (const [Дата, plannedOn] of [
      ['15.06.2026', '2026-06-15'],
      ['2026-06-21', '2026-06-21'],
    ]) {
      expect(read({ Дата }).items.map((i) => i.plannedOn)).toEqual([plannedOn]);
    }
    const DATE = 'ожидается дата ДД.ММ.ГГГГ';
    for (const Дата of [
      'x16.06.2026',
      '16.06.2026x',
      'x2026-06-16',
      '2026-06-16x',
      '2026-6-16',
      '2026-06-1',
      '30.02.2026',
      '32.06.2026',
    ]) {
      expect(read({ Дата })).toEqual(refusal('Дата', DATE));
    }
    for (const Дата of ['14.06.2026', '22.06.2026']) {
      expect(read({ Дата })).toEqual(refusal('Дата', 'дата вне планируемой недели (2026-06-15 — 2026-06-21)'));
    }
  });

  it('reads times as ЧЧ:ММ, with or without a leading zero or seconds of 00', () => {
    for (const [Время, plannedTime] of [
      ['19:30', '19:30'],
      ['09:30:00', '09:30'],
      ['', null],
    ] as [string, string | null][]) {
      expect(read({ Время }).items.map((i) => i.plannedTime)).toEqual([plannedTime]);
    }
    for (const Время of ['09:30:15', 'x09:30', '09:30x', '24:00', '12:60']) {
      expect(read({ Время })).toEqual(refusal('Время', 'ожидается время ЧЧ:ММ'));
    }
  });

  it('reads network names and codes once each, and lists the allowed ones by name', () => {
    const all = { ...context, networks: ['vk', 'ok', 'telegram', 'max'] };
    expect(read({ Сети: 'Одноклассники; вк\nTelegram, MAX, ок, vk' }, all).items[0]!.networks).toEqual([
      'ok',
      'vk',
      'telegram',
      'max',
    ]);
    expect(read({ Сети: ' , ; ' })).toEqual(refusal('Сети', 'укажите хотя бы одну сеть'));
    expect(read({ Сети: 'vk, Telegram' })).toEqual(refusal('Сети', 'допустимы: ВКонтакте, Одноклассники'));
    expect(read({ Сети: 'ок' }, { ...context, networks: ['vk', 'telegram', 'max'] })).toEqual(
      refusal('Сети', 'допустимы: ВКонтакте, Telegram, MAX'),
    );
    expect(read({ Сети: 'Фейсбук' }, { ...context, networks: ['vk', 'facebook'] })).toEqual(
      refusal('Сети', 'допустимы: ВКонтакте, facebook'),
    );
  });

  it('asks for a topic of up to 500 characters, and keeps a description and an author up to their limits', () => {
    expect(read({ Тема: '' })).toEqual(refusal('Тема', 'укажите тему публикации'));
    expect(read({ Тема: 'т'.repeat(501) })).toEqual(refusal('Тема', 'не длиннее 500 символов'));
    expect(read({ Описание: 'о'.repeat(2001) })).toEqual(refusal('Описание', 'не длиннее 2000 символов'));
    expect(read({ Автор: 'а'.repeat(301) })).toEqual(refusal('Автор', 'не длиннее 300 символов'));
    const [longest] = read({ Тема: 'т'.repeat(500), Описание: 'о'.repeat(2000), Автор: 'а'.repeat(300) }).items;
    expect([longest!.topic.length, longest!.description!.length, longest!.author!.length]).toEqual([500, 2000, 300]);
  });

  it('reads every format by its Russian name or its code, in any case', () => {
    const formats: [string, string][] = [
      ['Текст', 'text'],
      ['ФОТО', 'photo'],
      ['инфографика', 'infographic'],
      ['карточки', 'cards'],
      ['анимация', 'animation'],
      ['видео', 'video'],
      ['прямой эфир', 'live'],
      ['опрос', 'poll'],
      ['конкурс', 'contest'],
      ['промо', 'promo'],
      ['другое', 'other'],
      ['photo', 'photo'],
    ];
    for (const [Формат, format] of formats) expect(read({ Формат }).items.map((i) => i.format)).toEqual([format]);
    expect(read({ Формат: 'роман' })).toEqual(
      refusal(
        'Формат',
        'допустимы: текст, фото, инфографика, карточки, анимация, видео, прямой эфир, опрос, конкурс, промо, другое',
      ),
    );
  });

  it('exports the time, every target and the description, and starts the CSV with the UTF-8 byte order mark', () => {
    const cells = exportCells({
      organizationName: 'Администрация',
      week: '2026-W25',
      plannedOn: '2026-06-16',
      plannedTime: '10:00',
      targets: ['ВКонтакте', 'Одноклассники'],
      topic: 'Итоги',
      format: 'poll',
      description: 'Опрос жителей',
      author: null,
      approvedAt: '2026-06-11 10:00',
    });
    expect(cells).toEqual([
      'Администрация',
      '2026-W25',
      '16.06.2026',
      '10:00',
      'ВКонтакте, Одноклассники',
      'Итоги',
      'опрос',
      'Опрос жителей',
      '',
      '2026-06-11 10:00',
    ]);
    expect([...Buffer.from(CSV_BOM, 'utf8')]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
