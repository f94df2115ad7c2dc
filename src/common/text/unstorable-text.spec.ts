import { bytesProblem, findUnstorableText, NOT_UTF8_MESSAGE, UNSTORABLE_MESSAGE } from './unstorable-text';

describe('unstorable text', () => {
  it('names every NUL and lone surrogate by its path in a parsed body', () => {
    const body = { name: 'Министерство\u0000', items: [{ title: 'ok' }, { title: 'x\ud800' }], tags: ['\udc00'] };
    expect(findUnstorableText(body)).toEqual([
      { field: 'name', message: UNSTORABLE_MESSAGE },
      { field: 'items[1].title', message: UNSTORABLE_MESSAGE },
      { field: 'tags[0]', message: UNSTORABLE_MESSAGE },
    ]);
  });

  it('accepts a surrogate pair and Cyrillic text', () => {
    expect(findUnstorableText({ text: 'Праздник 🎉', list: ['\ud83c\udf89'] })).toEqual([]);
  });

  it('names a key that holds a NUL', () => {
    expect(findUnstorableText({ 'a\u0000': 1 })).toEqual([{ field: 'a\u0000', message: UNSTORABLE_MESSAGE }]);
  });

  it('walks a body nested far deeper than the call stack allows', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(1);
  });

  it('tells NUL bytes from invalid UTF-8 and passes valid text', () => {
    expect(bytesProblem(Buffer.from('a\u0000b'))).toBe(UNSTORABLE_MESSAGE);
    expect(bytesProblem(Buffer.from([0xff]))).toBe(NOT_UTF8_MESSAGE);
    expect(bytesProblem(Buffer.from([0xed, 0xa0, 0x80]))).toBe(NOT_UTF8_MESSAGE);
    expect(bytesProblem(Buffer.from('Хабаровск'))).toBeUndefined();
  });
});
