import { demoPublications } from './demo-publications.rules';

describe('demo publications', () => {
  const mondays = [Date.parse('2026-11-02T00:00:00+03:00'), Date.parse('2026-11-09T00:00:00+03:00')];
  const pages = [
    { id: '0a6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6b', url: 'https://vk.com/a' },
    { id: '7f6c1f5e-3d2b-4f8a-9c7e-1b2d3e4f5a6c', url: 'https://ok.ru/b' },
  ];

  it('gives each page 1 to 6 posts a week inside that week, the same on every run', () => {
    const rows = demoPublications(pages, mondays);
    expect(demoPublications(pages, mondays)).toEqual(rows);
    for (const page of pages) {
      mondays.forEach((monday, w) => {
        const week = rows.filter(
          (r) =>
            r.pageId === page.id &&
            Date.parse(r.publishedAt) >= monday &&
            Date.parse(r.publishedAt) < monday + 7 * 86_400_000,
        );
        expect(week.length).toBeGreaterThanOrEqual(1);
        expect(week.length).toBeLessThanOrEqual(6);
        expect(new Set(week.map((r) => r.externalId)).size).toBe(week.length);
        expect(week.every((r) => r.externalId.startsWith(`demo-${w}-`))).toBe(true);
      });
    }
  });

  it("keeps a page's habits from run to run: the same days, hours and texts for the same page id", () => {
    const rows = demoPublications([pages[0]!], mondays);
    expect(rows.map((r) => [r.publishedAt, r.externalId, r.format, r.text.slice(0, 12)])).toEqual([
      ['2026-11-02T07:00:00.000Z', 'demo-0-0', 'photo', 'В целях реал'],
      ['2026-11-04T12:00:00.000Z', 'demo-0-1', 'photo', 'Спасибо всем'],
      ['2026-11-06T08:00:00.000Z', 'demo-0-2', 'text', 'Состоялось з'],
      ['2026-11-08T13:00:00.000Z', 'demo-0-3', 'poll', 'Опрос: какой'],
      ['2026-11-03T09:00:00.000Z', 'demo-0-4', 'photo', 'Сегодня откр'],
      ['2026-11-09T07:00:00.000Z', 'demo-1-0', 'poll', 'Опрос: какой'],
      ['2026-11-11T12:00:00.000Z', 'demo-1-1', 'photo', 'Сегодня откр'],
      ['2026-11-13T08:00:00.000Z', 'demo-1-2', 'text', 'Напоминаем: '],
      ['2026-11-15T13:00:00.000Z', 'demo-1-3', 'cards', 'Как записать'],
    ]);
    expect(rows.every((r) => r.pageId === pages[0]!.id)).toBe(true);
  });

  describe('over twenty weeks', () => {
    const twentyMondays = Array.from(
      { length: 20 },
      (_, w) => Date.parse('2026-01-05T00:00:00+03:00') + w * 7 * 86_400_000,
    );
    const rows = demoPublications(pages, twentyMondays);
    const countsOf = (pageId: string) =>
      twentyMondays.map(
        (_, w) => rows.filter((r) => r.pageId === pageId && r.externalId.startsWith(`demo-${w}-`)).length,
      );

    it('has weeks below a minimum of 3, weeks that meet 5, and every count from 1 to 6', () => {
      const counts = pages.flatMap((page) => countsOf(page.id));
      expect(new Set(counts)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
      for (const page of pages) {
        expect(countsOf(page.id).some((n) => n < 3)).toBe(true);
        expect(countsOf(page.id).some((n) => n >= 5)).toBe(true);
      }
    });

    it('posts between 9:00 and 17:59 Moscow time', () => {
      const hours = new Set(rows.map((r) => (new Date(r.publishedAt).getUTCHours() + 3) % 24));
      expect(Math.min(...hours)).toBeGreaterThanOrEqual(9);
      expect(Math.max(...hours)).toBeLessThanOrEqual(17);
      expect(hours.size).toBeGreaterThan(3);
    });

    it('uses all seven Russian texts, each with the format it describes', () => {
      const texts = new Set(rows.map((r) => r.text));
      expect(texts.size).toBe(7);
      for (const text of texts) expect(text).toMatch(/^[А-ЯЁ][^]{60,}$/);
      for (const row of rows) {
        expect(row.format === 'poll').toBe(row.text.startsWith('Опрос:'));
        expect(row.format === 'cards').toBe(row.text.includes('в карточках'));
      }
    });
  });
});
