import {
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
  });

  it('treats deleted pages and legacy networks as history (Order 2523-р)', () => {
    expect(isHistory(row)).toBe(false);
    expect(isHistory({ ...row, deletedOn: '2026-01-01' })).toBe(true);
    expect(isHistory({ ...row, network: 'facebook' })).toBe(true);
  });
});
