import { OrganizationKind } from './organization-kind';
import { mapHeaders, parseImportDate, parseImportLine } from './registry-import.rules';

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
