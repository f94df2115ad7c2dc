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
});
