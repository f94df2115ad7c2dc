import { csvLine, exportCells, itemProblems, parseImportTable } from './plan-items.rules';

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
