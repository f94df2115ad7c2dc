/**
 * A living registry for a first start: plausible organizations of the four jurisdictions with
 * their pages, loaded through the same importer as a region's own file. Blagodarny's pages are
 * the real ones its act names (п.2.1); the other handles end in `_demo` so that nobody mistakes
 * them for real accounts.
 */
type Line = [
  organization: string,
  kind: string,
  parent: string,
  website: string,
  network: string,
  url: string,
  createdOn: string,
  mark: string,
];

export const DEMO_REGISTRY: Record<string, Line[]> = {
  'blagodarny-mo': [
    [
      'Администрация Благодарненского муниципального округа Ставропольского края',
      'Администрация',
      '',
      'https://abgosk.ru',
      'ВКонтакте',
      'https://vk.com/abgosk',
      '10.11.2023',
      '01.12.2023',
    ],
    [
      'Администрация Благодарненского муниципального округа Ставропольского края',
      'Администрация',
      '',
      'https://abgosk.ru',
      'Одноклассники',
      'https://ok.ru/abgosk26',
      '10.11.2023',
      '',
    ],
    [
      'Управление образования администрации Благодарненского муниципального округа',
      'Орган администрации',
      'Администрация Благодарненского муниципального округа Ставропольского края',
      '',
      'ВКонтакте',
      'https://vk.com/uo_blagodarny_demo',
      '20.11.2023',
      '15.01.2024',
    ],
    [
      'Управление культуры администрации Благодарненского муниципального округа',
      'Орган администрации',
      'Администрация Благодарненского муниципального округа Ставропольского края',
      '',
      'ВКонтакте',
      'https://vk.com/kultura_blagodarny_demo',
      '21.11.2023',
      '',
    ],
    [
      'МОУ «Средняя общеобразовательная школа № 1» г. Благодарный',
      'Подведомственное учреждение',
      'Управление образования администрации Благодарненского муниципального округа',
      '',
      'ВКонтакте',
      'https://vk.com/school1_blagodarny_demo',
      '01.12.2023',
      '01.02.2024',
    ],
    [
      'МОУ «Средняя общеобразовательная школа № 1» г. Благодарный',
      'Подведомственное учреждение',
      'Управление образования администрации Благодарненского муниципального округа',
      '',
      'Одноклассники',
      'https://ok.ru/school1blagodarnydemo',
      '01.12.2023',
      '',
    ],
    [
      'МУК «Благодарненская централизованная библиотечная система»',
      'Подведомственное учреждение',
      'Управление культуры администрации Благодарненского муниципального округа',
      '',
      'ВКонтакте',
      'https://vk.com/library_blagodarny_demo',
      '05.12.2023',
      '',
    ],
  ],
  'khabarovsk-krai': [
    [
      'Правительство Хабаровского края',
      'Правительство края',
      '',
      'https://khabkrai.ru',
      'ВКонтакте',
      'https://vk.com/government_khv_demo',
      '01.04.2020',
      '01.03.2023',
    ],
    [
      'Правительство Хабаровского края',
      'Правительство края',
      '',
      'https://khabkrai.ru',
      'Одноклассники',
      'https://ok.ru/governmentkhvdemo',
      '01.04.2020',
      '',
    ],
    [
      'Правительство Хабаровского края',
      'Правительство края',
      '',
      'https://khabkrai.ru',
      'Telegram',
      'https://t.me/government_khv_demo',
      '15.03.2022',
      '',
    ],
    [
      'Министерство социальной защиты Хабаровского края',
      'Орган исполнительной власти',
      'Правительство Хабаровского края',
      '',
      'ВКонтакте',
      'https://vk.com/minsoc_khv_demo',
      '10.04.2020',
      '20.04.2023',
    ],
    [
      'Министерство социальной защиты Хабаровского края',
      'Орган исполнительной власти',
      'Правительство Хабаровского края',
      '',
      'Одноклассники',
      'https://ok.ru/minsockhvdemo',
      '10.04.2020',
      '',
    ],
    [
      'Министерство здравоохранения Хабаровского края',
      'Орган исполнительной власти',
      'Правительство Хабаровского края',
      '',
      'ВКонтакте',
      'https://vk.com/minzdrav_khv_demo',
      '12.04.2020',
      '11.05.2023',
    ],
    [
      'Министерство культуры Хабаровского края',
      'Орган исполнительной власти',
      'Правительство Хабаровского края',
      '',
      'ВКонтакте',
      'https://vk.com/minkult_khv_demo',
      '14.04.2020',
      '',
    ],
    [
      'Министерство культуры Хабаровского края',
      'Орган исполнительной власти',
      'Правительство Хабаровского края',
      '',
      'MAX',
      'https://max.ru/minkult_khv_demo',
      '02.09.2025',
      '',
    ],
  ],
  'krasnodar-krai': [
    [
      'Администрация Краснодарского края',
      'Администрация',
      '',
      'https://admkrai.krasnodar.ru',
      'ВКонтакте',
      'https://vk.com/admkrai_demo',
      '01.09.2020',
      '01.02.2023',
    ],
    [
      'Министерство образования, науки и молодёжной политики Краснодарского края',
      'Орган исполнительной власти',
      'Администрация Краснодарского края',
      '',
      'ВКонтакте',
      'https://vk.com/minobr_kuban_demo',
      '15.09.2020',
      '',
    ],
    [
      'Министерство образования, науки и молодёжной политики Краснодарского края',
      'Орган исполнительной власти',
      'Администрация Краснодарского края',
      '',
      'Telegram',
      'https://t.me/minobr_kuban_demo',
      '01.10.2022',
      '',
    ],
    [
      'Департамент информационной политики Краснодарского края',
      'Орган исполнительной власти',
      'Администрация Краснодарского края',
      '',
      'Одноклассники',
      'https://ok.ru/infopolitkubandemo',
      '20.09.2020',
      '',
    ],
  ],
  'plastunovskaya-sp': [
    [
      'Администрация Пластуновского сельского поселения Динского района',
      'Администрация поселения',
      '',
      '',
      'ВКонтакте',
      'https://vk.com/plastunovskaya_demo',
      '15.09.2023',
      '01.11.2023',
    ],
    [
      'Администрация Пластуновского сельского поселения Динского района',
      'Администрация поселения',
      '',
      '',
      'Одноклассники',
      'https://ok.ru/plastunovskayademo',
      '15.09.2023',
      '',
    ],
    [
      'Администрация Пластуновского сельского поселения Динского района',
      'Администрация поселения',
      '',
      '',
      'Telegram',
      'https://t.me/plastunovskaya_demo',
      '20.09.2023',
      '',
    ],
    [
      'МКУК «Пластуновский сельский Дом культуры»',
      'Подведомственное учреждение',
      'Администрация Пластуновского сельского поселения Динского района',
      '',
      'ВКонтакте',
      'https://vk.com/dk_plastunovskaya_demo',
      '01.10.2023',
      '',
    ],
  ],
};

/** The demo lines as a table with the import template's header. */
export function demoTable(jurisdiction: string): string[][] {
  const header = [
    'Организация',
    'Вид организации',
    'Вышестоящая организация',
    'Сайт',
    'Сеть',
    'Ссылка',
    'Дата создания',
    'Отметка Госуслуг',
  ];
  return [header, ...DEMO_REGISTRY[jurisdiction]];
}

/** Fictional people in the roles the acts name, for the top organization of each jurisdiction. */
export const DEMO_OFFICIALS: Record<
  string,
  {
    fullName: string;
    position: string;
    rank: 'first_deputy_head' | 'deputy_head' | 'specialist';
    roles: ('responsible' | 'authorized' | 'executor')[];
    email: string;
    esia?: string;
  }[]
> = {
  'blagodarny-mo': [
    {
      fullName: 'Смирнова Анна Викторовна',
      position: 'Первый заместитель главы администрации',
      rank: 'first_deputy_head',
      roles: ['responsible'],
      email: 'first.deputy@abgosk.example',
    },
    {
      fullName: 'Орлов Павел Сергеевич',
      position: 'Главный специалист отдела по правовым, организационным и общим вопросам',
      rank: 'specialist',
      roles: ['authorized'],
      email: 'smm@abgosk.example',
      esia: '2023-11-20',
    },
  ],
  'khabarovsk-krai': [
    {
      fullName: 'Ким Елена Андреевна',
      position: 'Заместитель председателя комитета',
      rank: 'deputy_head',
      roles: ['responsible', 'executor'],
      email: 'press@khv.example',
    },
  ],
  'krasnodar-krai': [
    {
      fullName: 'Гончаренко Игорь Петрович',
      position: 'Заместитель руководителя департамента',
      rank: 'deputy_head',
      roles: ['responsible'],
      email: 'press@kuban.example',
    },
  ],
  'plastunovskaya-sp': [
    {
      fullName: 'Белова Ольга Ивановна',
      position: 'Ведущий специалист общего отдела',
      rank: 'specialist',
      roles: ['responsible', 'executor'],
      email: 'adm@plastunovskaya.example',
    },
  ],
};
