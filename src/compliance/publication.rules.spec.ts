import { mapCsvHeaders, normalizePostUrl, parsePublicationRow, sourceKey } from './publication.rules';

const PAGE = '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b';

describe('publication rows', () => {
  it('accepts a row with a page id, an instant and a post URL; source defaults to the channel', () => {
    const parsed = parsePublicationRow(
      { pageId: PAGE, publishedAt: '2026-06-14T23:59:00+10:00', url: 'https://vk.com/wall-1_2' },
      0,
      'manual',
    );
    expect(parsed).toEqual({
      row: expect.objectContaining({
        page: { id: PAGE },
        source: 'manual',
        externalId: null,
        format: null,
        text: null,
      }),
    });
  });

  it('reports every problem of a bad row with its index and field', () => {
    const parsed = parsePublicationRow({ pageId: 'nope', format: 'reel', source: 'robot', extra: 1 }, 7, 'manual');
    expect('problems' in parsed && parsed.problems.map((p) => p.field).sort()).toEqual([
      'publications[7].extra',
      'publications[7].format',
      'publications[7].pageId',
      'publications[7].publishedAt',
      'publications[7].source',
      'publications[7].url',
    ]);
  });

  it('refuses characters PostgreSQL cannot store (NUL, a lone surrogate) by field, and keeps paired ones', () => {
    const parsed = parsePublicationRow(
      { pageId: PAGE, publishedAt: '2026-06-14T10:00', externalId: 'id\ud800', text: 'Новость\u0000' },
      2,
      'manual',
    );
    expect('problems' in parsed && parsed.problems.map((p) => p.field)).toEqual([
      'publications[2].externalId',
      'publications[2].text',
    ]);
    const emoji = parsePublicationRow(
      { pageId: PAGE, publishedAt: '2026-06-14T10:00', externalId: '1', text: 'Праздник 🎉' },
      3,
      'manual',
    );
    expect(emoji).toEqual({ row: expect.objectContaining({ text: 'Праздник 🎉' }) });
  });

  it('refuses both a page id and a page URL, and a row that is not an object', () => {
    const both = parsePublicationRow(
      { pageId: PAGE, pageUrl: 'https://vk.com/abgosk', publishedAt: '2026-06-14T10:00', externalId: '1' },
      1,
      'manual',
    );
    expect('problems' in both && both.problems[0]!.field).toBe('publications[1].pageUrl');
    expect('problems' in parsePublicationRow('x', 2, 'manual')).toBe(true);
  });

  it('identifies a publication by its external id, else by its normalized URL', () => {
    expect(sourceKey({ externalId: 'wall-1_2', url: 'https://vk.com/wall-1_2' })).toBe('id:wall-1_2');
    expect(sourceKey({ externalId: null, url: 'HTTP://WWW.VK.com/wall-1_2/#reply' })).toBe(
      'url:https://vk.com/wall-1_2',
    );
    expect(normalizePostUrl('https://ok.ru/group/1/topic/2/')).toBe('https://ok.ru/group/1/topic/2');
  });

  it('maps Russian CSV headers and reports unknown or missing columns', () => {
    expect(mapCsvHeaders(['\ufeffСтраница', 'Дата и время', 'Адрес публикации']).fields).toEqual([
      'pageUrl',
      'publishedAt',
      'url',
    ]);
    expect(mapCsvHeaders(['Страница', 'Когда']).problems.map((p) => p.field)).toEqual(['columns[1]', 'columns']);
  });
});

describe('publication row checks, clause by clause (DOMAIN.md §3: quotas count the publications of each page)', () => {
  const base = { pageId: PAGE, publishedAt: '2026-06-14T10:00', url: 'https://vk.com/wall-1_2' };
  const problemsOf = (raw: unknown) => {
    const parsed = parsePublicationRow(raw, 4, 'import');
    return 'problems' in parsed ? parsed.problems : [];
  };
  const rowOf = (raw: unknown) => {
    const parsed = parsePublicationRow(raw, 4, 'import');
    if (!('row' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    return parsed.row;
  };
  const problem = (field: string, message: string) => ({ index: 4, field: `publications[4]${field}`, message });

  it.each([null, undefined, 0, 'x', 5, [], [base]])('refuses %p as a row: it is not an object', (raw) => {
    expect(problemsOf(raw)).toEqual([problem('', 'ожидается объект публикации')]);
  });

  it('refuses an unknown field by its name, and accepts every known one', () => {
    expect(problemsOf({ ...base, likes: 3 })).toEqual([problem('.likes', 'неизвестное поле')]);
    const row = rowOf({
      pageUrl: ' https://vk.com/abgosk ',
      publishedAt: ' 2026-06-14T10:00 ',
      url: 'http://vk.com/wall-1_2',
      externalId: ' wall-1_2 ',
      format: 'poll',
      text: 'Опрос',
      source: 'connector',
    });
    expect(row).toEqual({
      index: 4,
      page: { url: 'https://vk.com/abgosk' },
      publishedAt: '2026-06-14T10:00',
      url: 'http://vk.com/wall-1_2',
      externalId: 'wall-1_2',
      format: 'poll',
      text: 'Опрос',
      source: 'connector',
    });
  });

  it('reads a page id in any case with spaces around, and refuses anything but a UUID', () => {
    expect(rowOf({ ...base, pageId: ` ${PAGE.toUpperCase()} ` }).page).toEqual({ id: PAGE });
    for (const pageId of ['nope', `x${PAGE}`, `${PAGE}x`]) {
      expect(problemsOf({ ...base, pageId })).toEqual([problem('.pageId', 'ожидается идентификатор страницы (UUID)')]);
    }
  });

  it('asks for exactly one page: a blank page id is no page', () => {
    const { pageId: _pageId, ...noPage } = base;
    expect(problemsOf(noPage)).toEqual([problem('.pageId', 'укажите страницу: pageId или pageUrl')]);
    expect(problemsOf({ ...base, pageId: '   ', pageUrl: '' })).toEqual([
      problem('.pageId', 'укажите страницу: pageId или pageUrl'),
    ]);
    expect(problemsOf({ ...base, pageUrl: 'https://vk.com/abgosk' })).toEqual([
      problem('.pageUrl', 'укажите только одно: pageId или pageUrl'),
    ]);
  });

  it('asks for the instant of publication', () => {
    expect(problemsOf({ ...base, publishedAt: ' ' })).toEqual([
      problem('.publishedAt', 'укажите дату и время публикации (ISO 8601)'),
    ]);
  });

  it('accepts a web address of the post up to 2048 characters, and nothing else', () => {
    const long = 'https://vk.com/' + 'a'.repeat(2048 - 'https://vk.com/'.length);
    expect(rowOf({ ...base, url: long }).url).toBe(long);
    const refusal = [problem('.url', 'ожидается адрес публикации, начинающийся с https://')];
    for (const url of [`${long}a`, 'ftp://vk.com/wall-1_2', 'see https://vk.com/wall-1_2', 'https://vk.com/wall 1']) {
      expect(problemsOf({ ...base, url })).toEqual(refusal);
    }
  });

  it('accepts an external id of up to 200 characters in place of the URL, and only as text', () => {
    const { url: _url, ...noUrl } = base;
    expect(rowOf({ ...noUrl, externalId: 'a'.repeat(200) }).externalId).toBe('a'.repeat(200));
    expect(rowOf({ ...base, externalId: null }).externalId).toBeNull();
    expect(problemsOf({ ...noUrl, externalId: 'a'.repeat(201) })).toEqual([
      problem('.externalId', 'не длиннее 200 символов'),
    ]);
    expect(problemsOf({ ...base, externalId: 5 })).toEqual([problem('.externalId', 'ожидается строка')]);
    expect(problemsOf({ ...base, externalId: ['\u0000'] })).toEqual([problem('.externalId', 'ожидается строка')]);
    expect(problemsOf({ ...noUrl, externalId: ' ' })).toEqual([
      problem('.url', 'укажите адрес публикации (url) или её идентификатор в сети (externalId)'),
    ]);
  });

  it('reads an empty format, text or source as none, the source then being the channel', () => {
    for (const empty of [null, '']) {
      const row = rowOf({ ...base, format: empty, text: empty, source: empty });
      expect([row.format, row.text, row.source]).toEqual([null, null, 'import']);
    }
  });

  it('names the formats and sources it accepts when refusing another', () => {
    expect(problemsOf({ ...base, format: 'reel', source: 'robot' })).toEqual([
      problem(
        '.format',
        'ожидается одно из: text, photo, infographic, cards, animation, video, live, poll, contest, promo, other',
      ),
      problem('.source', 'ожидается одно из: manual, import, connector'),
    ]);
  });

  it('accepts a text of up to 20 000 characters, and only text', () => {
    expect(rowOf({ ...base, text: 'я'.repeat(20_000) }).text).toHaveLength(20_000);
    const refusal = [problem('.text', 'ожидается текст не длиннее 20000 символов')];
    expect(problemsOf({ ...base, text: 'я'.repeat(20_001) })).toEqual(refusal);
    expect(problemsOf({ ...base, text: 5 })).toEqual(refusal);
  });

  it('names the field holding a character PostgreSQL cannot store', () => {
    expect(problemsOf({ ...base, publishedAt: '2026-06-14T10:00\u0000' })).toEqual([
      problem('.publishedAt', 'недопустимый символ (NUL или одиночный суррогат)'),
    ]);
  });
});

describe('one post, one key', () => {
  it('leaves a text that is not a web address as it is', () => {
    expect(normalizePostUrl('vk.com/wall-1_2/')).toBe('vk.com/wall-1_2/');
    expect(normalizePostUrl('xhttps://vk.com/wall-1_2')).toBe('xhttps://vk.com/wall-1_2');
  });

  it('drops every trailing slash, and www. only at the start of the host', () => {
    expect(normalizePostUrl('https://ok.ru/group/1/topic/2//')).toBe('https://ok.ru/group/1/topic/2');
    expect(normalizePostUrl('https://awww.ru/1')).toBe('https://awww.ru/1');
  });
});

describe('CSV columns', () => {
  it('knows every Russian and English header, in any case and with spaces around', () => {
    const headers = {
      pageId: ['PageId', 'Страница (id)'],
      pageUrl: ['pageUrl', 'Страница', 'Адрес страницы'],
      publishedAt: ['publishedAt', 'Дата и время', ' Дата публикации '],
      url: ['URL', 'Адрес публикации'],
      externalId: ['externalId', 'Идентификатор публикации'],
      format: ['format', 'Формат'],
      text: ['text', 'Текст'],
      source: ['source', 'Источник'],
    };
    for (const [field, names] of Object.entries(headers)) {
      expect(mapCsvHeaders(names).fields).toEqual(names.map(() => field));
    }
  });

  it('passes over a blank header and names an unknown one', () => {
    expect(mapCsvHeaders(['pageId', '  ', 'publishedAt'])).toEqual({
      fields: ['pageId', undefined, 'publishedAt'],
      problems: [],
    });
    expect(mapCsvHeaders(['pageUrl', 'publishedAt', 'Когда']).problems).toEqual([
      { field: 'columns[2]', message: 'неизвестный столбец «Когда»' },
    ]);
  });

  it('asks for the instant and for a page column', () => {
    expect(mapCsvHeaders(['url']).problems).toEqual([
      { field: 'columns', message: 'нет столбца publishedAt («Дата и время»)' },
      { field: 'columns', message: 'нет столбца pageUrl («Страница») или pageId' },
    ]);
  });
});
