import {
  CSV_BOM,
  csvHeader,
  csvRow,
  isHistory,
  isNotModified,
  isWebLink,
  lastModifiedOf,
  neutralizeCell,
  PublicRegistryRow,
  registryEtag,
  russianDate,
} from './public-registry.rules';

const row: PublicRegistryRow = {
  pageId: 'p1',
  organizationId: 'o1',
  organizationName: 'Администрация',
  jurisdictionCode: 'blagodarny-mo',
  jurisdictionName: 'Благодарненский округ',
  network: 'vk',
  url: 'https://vk.com/abgosk',
  createdOn: '2023-11-10',
  deletedOn: null,
  gosuslugiMarkOn: '2023-12-01',
  feedbackWidgetOn: null,
};

describe('public registry rules', () => {
  it.each(['=cmd()', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('neutralizes a spreadsheet formula %p', (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeCell('Администрация = власть')).toBe('Администрация = власть');
    expect(neutralizeCell('')).toBe('');
  });

  it('writes CSV with «;», CRLF and quotes only where needed, neutralizing first', () => {
    expect(csvHeader().startsWith('Организация;Территория;Социальная сеть;Ссылка;')).toBe(true);
    expect(csvRow(row)).toBe(
      'Администрация;Благодарненский округ;ВКонтакте;https://vk.com/abgosk;2023-12-01;;2023-11-10;;vk;blagodarny-mo;o1;p1\r\n',
    );
    expect(csvRow({ ...row, organizationName: '=A1;"x"' }).split(';')[0]).toBe(`"'=A1`);
    expect(csvRow({ ...row, organizationName: '=A1;"x"' })).toContain(`"'=A1;""x"""`);
  });

  it('writes empty cells for a missing mark or widget and a date for a deleted page', () => {
    expect(csvRow({ ...row, gosuslugiMarkOn: null, feedbackWidgetOn: '2024-02-03', deletedOn: '2026-01-01' })).toBe(
      'Администрация;Благодарненский округ;ВКонтакте;https://vk.com/abgosk;;2024-02-03;2023-11-10;2026-01-01;vk;blagodarny-mo;o1;p1\r\n',
    );
  });

  it('starts the CSV with the UTF-8 byte order mark Excel needs', () => {
    expect([...Buffer.from(CSV_BOM, 'utf8')]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('validates an empty registry by the epoch, and a changed one by the instant of its change', () => {
    expect(registryEtag({ changedAt: null }, 'abc')).toBe('W/"0-abc"');
    expect(lastModifiedOf({ changedAt: null }).getTime()).toBe(0);
    expect(registryEtag({ changedAt: new Date('2026-06-10T09:15:30.250Z') }, 'abc')).toBe('W/"1781082930250-abc"');
  });

  it('answers 200 without conditional headers, and compares only a leading W/ as weakness (RFC 9110 §13.1.2)', () => {
    const changedAt = new Date('2026-06-10T09:15:30.250Z');
    const etag = registryEtag({ changedAt }, 'abc');
    const lastModified = lastModifiedOf({ changedAt });
    expect(isNotModified({}, etag, lastModified)).toBe(false);
    expect(isNotModified({ ifNoneMatch: '"x", *' }, etag, lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: etag.slice(2).replace('-abc', '-aW/bc') }, etag, lastModified)).toBe(false);
  });

  it('answers 304 on a matching (weak or strong) ETag, and on If-Modified-Since only without If-None-Match', () => {
    const changedAt = new Date('2026-06-10T09:15:30.250Z');
    const etag = registryEtag({ changedAt }, 'abc');
    const lastModified = lastModifiedOf({ changedAt });
    expect(lastModified.toISOString()).toBe('2026-06-10T09:15:30.000Z');
    expect(isNotModified({ ifNoneMatch: etag }, etag, lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"x", ${etag.slice(2)}` }, etag, lastModified)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, etag, lastModified)).toBe(true);
    expect(
      isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: lastModified.toUTCString() }, etag, lastModified),
    ).toBe(false);
    expect(isNotModified({ ifModifiedSince: lastModified.toUTCString() }, etag, lastModified)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Wed, 10 Jun 2026 09:15:29 GMT' }, etag, lastModified)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'not a date' }, etag, lastModified)).toBe(false);
    expect(registryEtag({ changedAt }, 'other')).not.toBe(etag);
  });

  it('formats dates the Russian way and links only web addresses', () => {
    expect(russianDate('2026-03-02')).toBe('02.03.2026');
    expect(russianDate(null)).toBe('');
    expect(isWebLink('https://vk.com/abgosk')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('https://vk.com/a"onmouseover=x')).toBe(false);
    expect(isWebLink('HTTP://vk.com/abgosk')).toBe(true);
    expect(isWebLink('javascript:x//https://vk.com/abgosk')).toBe(false);
  });

  it('treats deleted pages and legacy networks as history (Order 2523-р)', () => {
    expect(isHistory(row)).toBe(false);
    expect(isHistory({ ...row, deletedOn: '2026-01-01' })).toBe(true);
    expect(isHistory({ ...row, network: 'facebook' })).toBe(true);
  });
});
