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
