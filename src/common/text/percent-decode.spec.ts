import { percentDecode } from './percent-decode';

describe('percentDecode', () => {
  it('turns escapes into the bytes they stand for, invalid UTF-8 included', () => {
    expect([...percentDecode('a%00b', false)]).toEqual([0x61, 0x00, 0x62]);
    expect([...percentDecode('%ED%a0%80', false)]).toEqual([0xed, 0xa0, 0x80]);
    expect(percentDecode('%D0%AF', false).toString('utf8')).toBe('Я');
  });

  it('keeps a broken escape as it is and reads + as a space only in a query', () => {
    expect(percentDecode('%zz%4', false).toString('latin1')).toBe('%zz%4');
    expect(percentDecode('a+b', true).toString()).toBe('a b');
    expect(percentDecode('a+b', false).toString()).toBe('a+b');
  });
});
